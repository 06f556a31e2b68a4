import { Command, InvalidArgumentError, Option } from 'commander';
import { join } from 'node:path';
import {
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  DEFAULT_ROLE_CLAIM,
  DEFAULT_STATE_CLAIM,
  issueLocalToken,
  isUsableActorId,
  LOCAL_KEY_FILE,
  loadOrCreateLocalKey,
  parseTtl,
  STATE_CODE,
  TOKEN_ROLES,
  type TokenRequest,
} from '#security';
import { CliError, EXIT, type Output } from '../support.js';

export interface IssueOptions {
  readonly role: TokenRequest['role'];
  readonly state?: string;
  readonly sub?: string;
  readonly ttl?: string;
}

/** The local signing key of a data folder: `KURULTAI_AUTH_KEY_FILE`, else `<data>/identity-key.pem`. */
export function localKeyFile(dataDir: string, env: NodeJS.ProcessEnv): string {
  return env.KURULTAI_AUTH_KEY_FILE || join(dataDir, LOCAL_KEY_FILE);
}

/**
 * Signs a token with the engine's local key (created if the engine has not run yet), with the
 * issuer, audience and claim names the engine reads from the same environment.
 */
export async function issueToken(
  dataDir: string,
  options: IssueOptions,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  if (options.role === 'focal-point' && !options.state)
    throw new CliError('a focal-point token needs --state (the state it acts for, e.g. KZ)', EXIT.usage);
  if (options.state !== undefined && options.role !== 'focal-point')
    throw new CliError('--state is for focal-point tokens only', EXIT.usage);
  if (options.state !== undefined && !STATE_CODE.test(options.state))
    throw new CliError('--state must be a state code of two capital letters, e.g. KZ', EXIT.usage);
  let ttlSeconds: number;
  try {
    ttlSeconds = parseTtl(options.ttl ?? '1h');
  } catch (error) {
    throw new CliError((error as Error).message, EXIT.usage);
  }
  const key = await loadOrCreateLocalKey(localKeyFile(dataDir, env));
  const defaultSub =
    options.role === 'secretariat'
      ? 'local-operator'
      : `local-${options.role}${options.state ? `-${options.state}` : ''}`;
  return issueLocalToken(key, {
    role: options.role,
    state: options.state ?? null,
    sub: options.sub ?? defaultSub,
    ttlSeconds,
    issuer: env.KURULTAI_AUTH_ISSUER || DEFAULT_ISSUER,
    audience: env.KURULTAI_AUTH_AUDIENCE || DEFAULT_AUDIENCE,
    roleClaim: env.KURULTAI_AUTH_ROLE_CLAIM || DEFAULT_ROLE_CLAIM,
    stateClaim: env.KURULTAI_AUTH_STATE_CLAIM || DEFAULT_STATE_CLAIM,
  });
}

const subject = (value: string) => {
  if (!isUsableActorId(value)) throw new InvalidArgumentError('must be 1-200 printable characters');
  return value;
};

/** `kurultai token issue`: a bearer token of the local key, printed alone on stdout. */
export function addTokenCommand(
  program: Command,
  io: Output,
  dataDir: () => string,
  env: NodeJS.ProcessEnv,
): Command {
  const token = program
    .command('token')
    .description('bearer tokens signed with the local key of the data folder (development, demo)');
  token
    .command('issue')
    .description('print a token for a role (and state); the engine trusts it while no JWKS is configured')
    .addOption(new Option('--role <role>', 'the role').choices(TOKEN_ROLES as string[]).makeOptionMandatory())
    .option('--state <code>', 'for --role focal-point: the state it acts for, e.g. KZ')
    .option('--sub <id>', 'the subject, recorded as the actor id (default: local-<role>[-<state>])', subject)
    .option('--ttl <lifetime>', 'lifetime such as 15m, 1h, 7d', '1h')
    .action(async (options: IssueOptions) => io.out(`${await issueToken(dataDir(), options, env)}\n`));
  return token;
}
