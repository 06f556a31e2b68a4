import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** SQL text built from something other than literals, found in the engine's source. */
export interface SqlInterpolation {
  /** Path from the repository root. */
  readonly file: string;
  readonly line: number;
  /** The interpolated (or concatenated) expression, as written. */
  readonly expression: string;
  /** The SQL around it, shortened. */
  readonly sql: string;
}

const SQL =
  /\b(SELECT|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w|DELETE\s+FROM|CREATE\s+(UNIQUE\s+)?(TABLE|INDEX|VIEW|TRIGGER)|DROP\s+(TABLE|INDEX)|ALTER\s+TABLE|VALUES\s*\(|WHERE|ORDER\s+BY)\b/;
const SQL_CALLS = new Set(['prepare', 'exec', 'pragma']);

/** Every `.ts` file under the folders given, except specs and test helpers. */
export function sourceFiles(root: string, folders: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'testing' && entry.name !== 'fixtures')
          walk(path);
      } else if (
        entry.name.endsWith('.ts') &&
        !entry.name.endsWith('.spec.ts') &&
        !entry.name.endsWith('.d.ts')
      ) {
        out.push(path);
      }
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return out.sort();
}

/**
 * Template literals and `+` concatenations that build SQL from expressions: a template passed to
 * `prepare`/`exec`/`pragma`, or any whose literal text reads as SQL.
 */
export function sqlInterpolations(root: string, file: string): SqlInterpolation[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: SqlInterpolation[] = [];
  const where = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const short = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 120);
  const constants = constantNames(source);
  const visit = (node: ts.Node) => {
    if (ts.isTemplateExpression(node)) {
      const literal = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
      if (SQL.test(literal) || isSqlCallArgument(node)) {
        for (const span of node.templateSpans) {
          if (ts.isIdentifier(span.expression) && constants.has(span.expression.text)) continue;
          out.push({
            file: relative(root, file),
            line: where(span.expression),
            expression: span.expression.getText(source),
            sql: short(node.getText(source)),
          });
        }
      }
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const sides = [node.left, node.right];
      const sqlSide = sides.some((side) => ts.isStringLiteralLike(side) && SQL.test(side.text));
      if (sqlSide) {
        for (const side of sides) {
          if (ts.isStringLiteralLike(side) || ts.isTemplateExpression(side) || ts.isBinaryExpression(side))
            continue;
          out.push({
            file: relative(root, file),
            line: where(side),
            expression: side.getText(source),
            sql: short(node.getText(source)),
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function isSqlCallArgument(node: ts.Node): boolean {
  const call = node.parent;
  if (!call || !ts.isCallExpression(call)) return false;
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && SQL_CALLS.has(callee.name.text);
}

/**
 * SQL constants: UPPER_CASE names bound by `const` at the top of the file (or imported), whose
 * value is text written in the source, never anything a request carries.
 */
function constantNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const upper = (name: string) => /^[A-Z][A-Z0-9_]*$/.test(name);
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement) && statement.declarationList.flags & ts.NodeFlags.Const) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && upper(declaration.name.text))
          names.add(declaration.name.text);
      }
    }
    if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements) if (upper(element.name.text)) names.add(element.name.text);
    }
  }
  return names;
}
