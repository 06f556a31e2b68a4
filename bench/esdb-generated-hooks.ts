import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Module hook for the benchmark of the EventStoreDB adapter. The protocol double imports named
 * exports from the client's generated protobuf modules (and google-protobuf's), CommonJS files whose exports Node cannot
 * see statically (Jest, which compiles the double to CommonJS, has no such limit). This hook
 * serves each of those files as an ES module that re-exports its `module.exports` by name.
 */
const GENERATED = /\/node_modules\/(?:@eventstore\/db-client\/generated|google-protobuf)\/.+\.js$/;

interface LoadContext {
  readonly format?: string;
}
type NextLoad = (url: string, context: LoadContext) => Promise<{ format?: string; source?: unknown }>;

export async function load(url: string, context: LoadContext, nextLoad: NextLoad) {
  if (!GENERATED.test(url)) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const names = Object.keys(createRequire(url)(path) as object).filter((name) =>
    /^[A-Za-z_$][\w$]*$/.test(name),
  );
  const source = [
    `import { createRequire } from 'node:module';`,
    `const generated = createRequire(import.meta.url)(${JSON.stringify(path)});`,
    'export default generated;',
    ...names.map((name) => `export const ${name} = generated.${name};`),
  ].join('\n');
  return { format: 'module', source, shortCircuit: true };
}
