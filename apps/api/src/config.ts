import { plainToInstance, Type } from 'class-transformer';
import {
  IsEmpty,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  validateSync,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { connectionStringProblem } from '#event-store';

/** The EventStoreDB client's own parser judges the connection string. */
@ValidatorConstraint({ name: 'esdbConnectionString' })
class EsdbConnectionString implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && connectionStringProblem(value) === null;
  }

  defaultMessage(args: ValidationArguments): string {
    return (
      'KURULTAI_ESDB_CONNECTION_STRING must be a connection string EventStoreDB accepts ' +
      `(esdb://host:2113?tls=false, esdb+discover://host1:2113,host2:2113): ${connectionStringProblem(String(args.value))}`
    );
  }
}

/** The engine's configuration, read from environment variables only. */
export class EngineConfig {
  @Type(() => Number)
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(0, { message: 'PORT must be between 0 and 65535' })
  @Max(65535, { message: 'PORT must be between 0 and 65535' })
  PORT = 3000;

  @IsString()
  @MinLength(1, { message: 'HOST must not be empty' })
  HOST = '0.0.0.0';

  @IsString()
  @MinLength(1, { message: 'KURULTAI_DATA_DIR must not be empty' })
  KURULTAI_DATA_DIR = './data';

  @IsIn(['sqlite', 'esdb'], {
    message: 'KURULTAI_STORE must be "sqlite" (the embedded store) or "esdb" (EventStoreDB/KurrentDB)',
  })
  KURULTAI_STORE = 'sqlite';

  /** `esdb://host:2113?tls=false`, `esdb+discover://a:2113,b:2113,c:2113`; required with `KURULTAI_STORE=esdb`. */
  @ValidateIf(
    (config: EngineConfig) =>
      config.KURULTAI_STORE === 'esdb' || config.KURULTAI_ESDB_CONNECTION_STRING !== undefined,
  )
  @IsString({ message: 'KURULTAI_ESDB_CONNECTION_STRING is required when KURULTAI_STORE is "esdb"' })
  @Validate(EsdbConnectionString)
  KURULTAI_ESDB_CONNECTION_STRING?: string = undefined;

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_BODY_LIMIT must be a whole number of bytes' })
  @Min(1024, { message: 'KURULTAI_BODY_LIMIT must be at least 1024 bytes' })
  @Max(100 * 1024 * 1024, { message: 'KURULTAI_BODY_LIMIT must be at most 100 MiB' })
  KURULTAI_BODY_LIMIT = 256 * 1024;

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_COMMAND_RETRIES must be a whole number' })
  @Min(0, { message: 'KURULTAI_COMMAND_RETRIES must be between 0 and 20' })
  @Max(20, { message: 'KURULTAI_COMMAND_RETRIES must be between 0 and 20' })
  KURULTAI_COMMAND_RETRIES = 3;

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_READ_WAIT_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'KURULTAI_READ_WAIT_MS must be between 0 and 60000' })
  @Max(60000, { message: 'KURULTAI_READ_WAIT_MS must be between 0 and 60000' })
  KURULTAI_READ_WAIT_MS = 5000;

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_SNAPSHOT_EVERY must be a whole number of events' })
  @Min(0, { message: 'KURULTAI_SNAPSHOT_EVERY must be 0 (no snapshots) or more' })
  KURULTAI_SNAPSHOT_EVERY = 10_000;

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_SNAPSHOT_GROWTH must be a whole number (percent)' })
  @Min(0, { message: 'KURULTAI_SNAPSHOT_GROWTH must be between 0 and 100' })
  @Max(100, { message: 'KURULTAI_SNAPSHOT_GROWTH must be between 0 and 100' })
  KURULTAI_SNAPSHOT_GROWTH = 5;

  @IsIn(['on', 'off'], { message: 'KURULTAI_ROW_HISTORY must be "on" or "off"' })
  KURULTAI_ROW_HISTORY: 'on' | 'off' = 'on';

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_READY_MAX_LAG must be a whole number of events' })
  @Min(0, { message: 'KURULTAI_READY_MAX_LAG must be 0 or more' })
  KURULTAI_READY_MAX_LAG = 10_000;

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'KURULTAI_SHUTDOWN_TIMEOUT_MS must be between 0 and 300000' })
  @Max(300_000, { message: 'KURULTAI_SHUTDOWN_TIMEOUT_MS must be between 0 and 300000' })
  KURULTAI_SHUTDOWN_TIMEOUT_MS = 10_000;

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_STATE_CACHE_STREAMS must be a whole number of streams' })
  @Min(0, { message: 'KURULTAI_STATE_CACHE_STREAMS must be 0 (no state cache) or more' })
  KURULTAI_STATE_CACHE_STREAMS = 10_000;

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_STATE_CACHE_EVENTS must be a whole number of events' })
  @Min(1, { message: 'KURULTAI_STATE_CACHE_EVENTS must be at least 1' })
  KURULTAI_STATE_CACHE_EVENTS = 200_000;

  @IsIn(['on', 'off'], { message: 'KURULTAI_METRICS must be "on" or "off"' })
  KURULTAI_METRICS = 'on';

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'KURULTAI_AUDIT_KEY_FILE must not be empty' })
  KURULTAI_AUDIT_KEY_FILE?: string = undefined;

  @IsString()
  @MinLength(1, { message: 'KURULTAI_AUDIT_ORIGIN must not be empty' })
  KURULTAI_AUDIT_ORIGIN = 'kurultai.local/events';

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_AUDIT_CHECKPOINT_EVERY must be a whole number of events' })
  @Min(0, { message: 'KURULTAI_AUDIT_CHECKPOINT_EVERY must be 0 (on demand only) or more' })
  KURULTAI_AUDIT_CHECKPOINT_EVERY = 1000;

  @IsIn(['on', 'off'], { message: 'KURULTAI_WEBHOOKS_ALLOW_PRIVATE must be "on" or "off"' })
  KURULTAI_WEBHOOKS_ALLOW_PRIVATE = 'off';

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_WEBHOOKS_TIMEOUT_MS must be a whole number of milliseconds' })
  @Min(1, { message: 'KURULTAI_WEBHOOKS_TIMEOUT_MS must be at least 1' })
  KURULTAI_WEBHOOKS_TIMEOUT_MS = 10_000;

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_WEBHOOKS_RETRY_BASE_MS must be a whole number of milliseconds' })
  @Min(1, { message: 'KURULTAI_WEBHOOKS_RETRY_BASE_MS must be at least 1' })
  KURULTAI_WEBHOOKS_RETRY_BASE_MS = 1_000;

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_WEBHOOKS_RETRY_CAP_MS must be a whole number of milliseconds' })
  @Min(1, { message: 'KURULTAI_WEBHOOKS_RETRY_CAP_MS must be at least 1' })
  KURULTAI_WEBHOOKS_RETRY_CAP_MS = 300_000;

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_WEBHOOKS_MAX_ATTEMPTS must be a whole number' })
  @Min(1, { message: 'KURULTAI_WEBHOOKS_MAX_ATTEMPTS must be at least 1' })
  KURULTAI_WEBHOOKS_MAX_ATTEMPTS = 8;

  @IsString()
  @MinLength(1, { message: 'KURULTAI_AUTH_ISSUER must not be empty' })
  KURULTAI_AUTH_ISSUER = 'kurultai.local';

  @IsString()
  @MinLength(1, { message: 'KURULTAI_AUTH_AUDIENCE must not be empty' })
  KURULTAI_AUTH_AUDIENCE = 'kurultai';

  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: 'KURULTAI_AUTH_JWKS_URL must be an http(s) URL of the identity provider JWKS' },
  )
  KURULTAI_AUTH_JWKS_URL?: string = undefined;

  @ValidateIf((config: EngineConfig) => config.KURULTAI_AUTH_JWKS_URL !== undefined)
  @IsEmpty({ message: 'set KURULTAI_AUTH_JWKS_URL or KURULTAI_AUTH_JWKS_FILE, not both' })
  KURULTAI_AUTH_JWKS_FILE?: string = undefined;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'KURULTAI_AUTH_KEY_FILE must not be empty' })
  KURULTAI_AUTH_KEY_FILE?: string = undefined;

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_AUTH_CLOCK_SKEW_S must be a whole number of seconds' })
  @Min(0, { message: 'KURULTAI_AUTH_CLOCK_SKEW_S must be between 0 and 300' })
  @Max(300, { message: 'KURULTAI_AUTH_CLOCK_SKEW_S must be between 0 and 300' })
  KURULTAI_AUTH_CLOCK_SKEW_S = 30;

  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/, { message: 'KURULTAI_AUTH_ROLE_CLAIM must be a claim name' })
  KURULTAI_AUTH_ROLE_CLAIM = 'kurultai_role';

  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/, { message: 'KURULTAI_AUTH_STATE_CLAIM must be a claim name' })
  KURULTAI_AUTH_STATE_CLAIM = 'kurultai_state';

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose'], {
    message: 'KURULTAI_LOG_LEVEL must be one of fatal, error, warn, log, debug, verbose',
  })
  KURULTAI_LOG_LEVEL = 'log';

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_RATE_LIMIT must be a whole number of requests' })
  @Min(0, { message: 'KURULTAI_RATE_LIMIT must be 0 (off) or more' })
  KURULTAI_RATE_LIMIT = 0;

  @Type(() => Number)
  @IsInt({ message: 'KURULTAI_RATE_LIMIT_WINDOW_MS must be a whole number of milliseconds' })
  @Min(1000, { message: 'KURULTAI_RATE_LIMIT_WINDOW_MS must be at least 1000' })
  @Max(86_400_000, { message: 'KURULTAI_RATE_LIMIT_WINDOW_MS must be at most 86400000 (a day)' })
  KURULTAI_RATE_LIMIT_WINDOW_MS = 60_000;

  @IsOptional()
  @Matches(/^https?:\/\/[^\s,/]+(?:,https?:\/\/[^\s,/]+)*$/, {
    message: 'KURULTAI_CORS_ORIGINS must be origins such as https://portal.example.org, separated by commas',
  })
  KURULTAI_CORS_ORIGINS?: string = undefined;
}

/** Thrown with one line per configuration mistake. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const KNOWN = Object.keys(new EngineConfig());

/** Reads and validates the configuration; throws `ConfigError` listing every mistake. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const given: Record<string, string> = {};
  for (const key of KNOWN) {
    const value = env[key];
    if (value !== undefined && value !== '') given[key] = value;
  }
  const config = plainToInstance(EngineConfig, given);
  const errors = validateSync(config);
  if (errors.length > 0) {
    throw new ConfigError(errors.flatMap((e) => Object.values(e.constraints ?? {})));
  }
  return config;
}
