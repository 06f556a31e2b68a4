import type { LoggerService, LogLevel } from '@nestjs/common';
import { pino, type DestinationStream, type Logger } from 'pino';
import { currentCommandScope } from './command-scope.js';

/** Keys never written to a log line, wherever they appear (up to three levels deep). */
export const REDACTED_KEYS = [
  'authorization',
  'cookie',
  'set-cookie',
  'secret',
  'password',
  'apiKey',
  'token',
] as const;

/** Pino redaction paths for `REDACTED_KEYS` at the top level and up to three levels down. */
export function redactPaths(keys: readonly string[] = REDACTED_KEYS): string[] {
  const paths: string[] = [];
  for (const key of keys) {
    const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    const join = (prefix: string) => (name.startsWith('[') ? `${prefix}${name}` : `${prefix}.${name}`);
    paths.push(name.startsWith('[') ? name.slice(2, -2) : name, join('*'), join('*.*'), join('*.*.*'));
  }
  return paths;
}

const PINO_LEVEL: Record<LogLevel, string> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** A pino logger writing one JSON object per line, with command ids and secrets redacted. */
export function createPinoLogger(
  level: LogLevel = 'log',
  destination: DestinationStream = pino.destination({ fd: 1, sync: true }),
): Logger {
  return pino(
    {
      level: PINO_LEVEL[level],
      base: { service: 'kurultai', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactPaths(), censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      // Every line written while a command is handled names it.
      mixin: () => {
        const scope = currentCommandScope();
        return scope
          ? { commandId: scope.commandId, correlationId: scope.correlationId, commandType: scope.commandType }
          : {};
      },
    },
    destination,
  );
}

/** Nest's logger interface over pino: `context` becomes a field, objects are merged in. */
export class PinoNestLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    // Nest passes (message, stack, context) for errors.
    const [stack, ...others] = rest;
    if (typeof stack === 'string' && others.length > 0) this.write('error', message, others, { stack });
    else this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }
  setLogLevels(levels: LogLevel[]): void {
    const most = (['verbose', 'debug', 'log', 'warn', 'error', 'fatal'] as const).find((l) =>
      levels.includes(l),
    );
    this.pino.level = most ? PINO_LEVEL[most] : 'silent';
  }

  private write(
    level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal',
    message: unknown,
    rest: unknown[],
    extra: Record<string, unknown> = {},
  ): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const params = [...rest];
    const context =
      params.length > 0 && typeof params[params.length - 1] === 'string' ? params.pop() : undefined;
    const fields: Record<string, unknown> = { ...extra };
    if (context) fields.context = context;
    for (const param of params) {
      if (param instanceof Error) fields.err = param;
      else if (param && typeof param === 'object') Object.assign(fields, param);
    }
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message);
    else if (message && typeof message === 'object') this.pino[level]({ ...fields, ...message });
    else this.pino[level](fields, String(message));
  }
}
