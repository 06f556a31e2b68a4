import { ConfigError, loadConfig } from '../../../api/src/config.js';
import { serve } from '../../../api/src/serve.js';
import { CliError, EXIT } from '../support.js';

/** Runs the engine in this process, as `npm start` does, with its data in `dataDir`. */
export async function startEngine(
  dataDir: string,
  options: { port?: string; host?: string } = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  try {
    const config = loadConfig({
      ...env,
      KURULTAI_DATA_DIR: dataDir,
      ...(options.port !== undefined ? { PORT: options.port } : {}),
      ...(options.host !== undefined ? { HOST: options.host } : {}),
    });
    await serve(config);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
}
