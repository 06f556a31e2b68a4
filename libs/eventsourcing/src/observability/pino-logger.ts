import type { LoggerService, LogLevel } from '@nestjs/common';
import { pino, type DestinationStream, type Logger } from 'pino';
import { currentCommandScope } from './command-scope.js';

/** Keys never written to a log line, wherever they appear (up to three levels deep). */
export const REDACTED_KEYS = [
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'cookie',
  'set-cookie',
  'secret',
  'password',
  'apiKey',
  'api_key',
  'token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'privateKey',
] as const;

/**
 * Credentials that may sit inside text (an error message quoting a header, a URL with a token):
 * bearer and basic credentials, and anything shaped like a JWT. Replaced wherever a line has text.
 */
const CREDENTIAL_TEXT =
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+|\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** `text` with every credential in it replaced by `[redacted]`. */
export function scrubCredentials(text: string): string {
  return text.replace(CREDENTIAL_TEXT, (match) =>
    /^(Bearer|Basic)\s/.test(match) ? `${match.split(/\s+/)[0]} [redacted]` : '[redacted]',
  );
}

/** An error as pino would serialise it, with credentials scrubbed from its message and stack. */
function scrubbedError(error: Error): Record<string, unknown> {
  const serialised = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  return scrubFields(serialised, 2);
}

/** The fields of a log line with credentials scrubbed from their text (two levels deep). */
function scrubFields(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string') out[key] = scrubCredentials(value);
    else if (depth < 2 && value && Object.getPrototypeOf(value) === Object.prototype)
      out[key] = scrubFields(value as Record<string, unknown>, depth + 1);
    else if (value instanceof Error) out[key] = scrubbedError(value);
    else out[key] = value;
  }
  return out;
}

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
      formatters: { level: (label) => ({ level: label }), log: (fields) => scrubFields(fields) },
      hooks: {
        // The message itself (the text after the fields) is scrubbed too.
        logMethod(args, method) {
          const last = args.length - 1;
          if (typeof args[last] === 'string') args[last] = scrubCredentials(args[last]);
          return method.apply(this, args);
        },
      },
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
