import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A `node` child process run by a test, its stdout split into lines as they arrive. */
export interface NodeChild {
  readonly process: ChildProcess;
  readonly lines: readonly string[];
  /** Resolves with the first line (already seen or still to come) that matches. */
  waitForLine(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

/**
 * Starts `node <script> ...args`. With `typescript`, the script may import the real `.ts`
 * sources (through `ts-loader.mjs`), since no build runs before the tests.
 */
export function startNode(
  script: string,
  args: readonly string[],
  options: { typescript?: boolean } = {},
): NodeChild {
  // Jest runs these helpers as CommonJS, where __dirname is defined.
  const flags = options.typescript ? ['--import', pathToFileURL(join(__dirname, 'ts-loader.mjs')).href] : [];
  const child = spawn(process.execPath, [...flags, script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  let errors = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const waiter of [...waiters]) waiter();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      for (const waiter of [...waiters]) waiter();
      resolve({ code, signal });
    }),
  );

  const waitForLine = (match: (line: string) => boolean, timeoutMs = 10_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const line = lines.find(match);
        if (line !== undefined) finish(() => resolve(line));
        else if (child.exitCode !== null || child.signalCode !== null)
          finish(() => reject(failure('exited')));
      };
      const failure = (why: string) =>
        new Error(
          `${script} ${why} before printing the expected line; stdout: ${lines.join(' | ')}; stderr: ${errors}`,
        );
      const timer = setTimeout(
        () => finish(() => reject(failure(`timed out after ${timeoutMs} ms`))),
        timeoutMs,
      );
      const finish = (settle: () => void): void => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });

  return { process: child, lines, waitForLine, exited, stderr: () => errors };
}
