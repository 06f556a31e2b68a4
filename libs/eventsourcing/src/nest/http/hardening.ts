import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ActorThrottlerGuard } from './rate-limit.js';
import { refuseDeeplyNestedBodies } from './validation.js';

export interface HardeningOptions {
  /** Origins allowed to call the API from a browser; empty: same origin only (no CORS headers). */
  readonly corsOrigins: readonly string[];
  /** The policy of every response, as one `content-security-policy` header value. */
  readonly contentSecurityPolicy: string;
  /** Install the rate-limit guard (RateLimitModule must then be part of the application). */
  readonly rateLimit: boolean;
}

/**
 * Swagger UI (`/api/docs`) styles itself inline and draws its icons from `data:` URLs; it gets
 * that much more than the rest, and nothing else (still no inline or foreign script).
 */
const DOCS_POLICY_EXTRA: Readonly<Record<string, string>> = {
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
};

/** Headers the CORS layer lets a browser send and read. */
const CORS_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'idempotency-key',
  'if-match',
  'last-event-id',
  'x-api-key',
  'x-causation-id',
  'x-correlation-id',
];

/**
 * Security headers on every response (helmet), CORS from an explicit allow-list, a bound on the
 * nesting of bodies and, when configured, rate limits per identity. Call before `listen`.
 */
export async function hardenHttp(app: NestFastifyApplication, options: HardeningOptions): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  refuseDeeplyNestedBodies(fastify);
  const directives = parsePolicy(options.contentSecurityPolicy);
  await app.register(helmet as unknown as Parameters<NestFastifyApplication['register']>[0], {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: asHelmetDirectives(directives) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  const docsPolicy = formatPolicy({ ...directives, ...DOCS_POLICY_EXTRA });
  fastify.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/docs')) void reply.header('content-security-policy', docsPolicy);
  });
  app.enableCors({
    origin: options.corsOrigins.length > 0 ? [...options.corsOrigins] : false,
    methods: ['GET', 'HEAD', 'POST', 'DELETE'],
    allowedHeaders: CORS_REQUEST_HEADERS,
    exposedHeaders: ['retry-after', 'location'],
    maxAge: 600,
  });
  if (options.rateLimit) app.useGlobalGuards(app.get(ActorThrottlerGuard));
}

function parsePolicy(policy: string): Record<string, string> {
  const directives: Record<string, string> = {};
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives[name] = values.join(' ');
  }
  return directives;
}

function formatPolicy(directives: Record<string, string>): string {
  return Object.entries(directives)
    .map(([name, value]) => (value ? `${name} ${value}` : name))
    .join('; ');
}

function asHelmetDirectives(directives: Record<string, string>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(directives)) out[name] = value ? value.split(' ') : [];
  return out;
}
