import { AsyncLocalStorage } from 'node:async_hooks';

/** What a log line written while a command is handled says about that command. */
export interface CommandScope {
  readonly commandId: string;
  readonly correlationId: string;
  readonly commandType: string;
}

const scopes = new AsyncLocalStorage<CommandScope>();

/** Runs `work` with `scope` visible to every log line written inside it, across awaits. */
export function inCommandScope<T>(scope: CommandScope, work: () => T): T {
  return scopes.run(scope, work);
}

/** The command being handled by the current asynchronous flow, if any. */
export function currentCommandScope(): CommandScope | undefined {
  return scopes.getStore();
}
