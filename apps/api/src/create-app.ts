import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  clientErrorAsProblem,
  frameworkErrorsAsProblems,
  ProblemDetailsFilter,
  strictValidationPipe,
  type EventSourcingOptions,
} from '#eventsourcing';
import { hardenHttp } from '#eventsourcing/nest/http/hardening.js';
import {
  createPinoLogger,
  EngineMetrics,
  PinoNestLogger,
  type ProcessManagerStatusSource,
} from '#eventsourcing/observability/index.js';
import { AppModule } from './app.module.js';
import type { EngineConfig } from './config.js';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the HTTP application; `main.ts` and the end-to-end tests share it. */
export async function createApp(
  config: EngineConfig,
  overrides: Partial<EventSourcingOptions> = {},
  logger: LogLevel[] | false = LEVELS.slice(0, LEVELS.indexOf(config.KURULTAI_LOG_LEVEL as LogLevel) + 1),
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.KURULTAI_BODY_LIMIT,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Bad percent-encoding, over-long path segments and over-sized headers: problem details too.
    frameworkErrors: frameworkErrorsAsProblems(),
    clientErrorHandler: clientErrorAsProblem,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, overrides),
    adapter,
    {
      // JSON lines through pino at the most verbose level asked for; `false` silences everything.
      logger: logger === false ? false : new PinoNestLogger(createPinoLogger(logger.at(-1) ?? 'log')),
      bufferLogs: false,
    },
  );
  // Commands and queries speak JSON only; anything else is 415 rather than a string body.
  app.getHttpAdapter().getInstance().removeContentTypeParser(['text/plain']);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(strictValidationPipe());
  await hardenHttp(app, {
    corsOrigins: config.KURULTAI_CORS_ORIGINS?.split(',') ?? [],
    contentSecurityPolicy: DASHBOARD_SECURITY_HEADERS['content-security-policy'],
    rateLimit: config.KURULTAI_RATE_LIMIT > 0,
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kurultai')
      .setDescription('Event-sourced programme coordination engine of the Organization of Turkic States')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });
  serveDashboard(app);
  if (config.KURULTAI_METRICS === 'on') serveMetrics(app);
  return app;
}

/** Where the process managers' runners are provided (see ProcessManagersModule). */
const PROCESS_MANAGER_RUNNERS = Symbol.for('kurultai.ProcessManagerRunners');

/** `GET /metrics`: Prometheus text format, read at scrape time (see docs/operations.md). */
function serveMetrics(app: NestFastifyApplication): void {
  const metrics = app.get(EngineMetrics);
  try {
    metrics.observeProcessManagers(
      app.get<ProcessManagerStatusSource[]>(PROCESS_MANAGER_RUNNERS, { strict: false }),
    );
  } catch {
    // No process managers in this composition.
  }
  app
    .getHttpAdapter()
    .getInstance()
    .get('/metrics', async (_request, reply) => {
      const { contentType, body } = await metrics.scrape();
      return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body);
    });
}

/** The dashboard page may load and call only its own origin. */
export const DASHBOARD_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function serveDashboard(app: NestFastifyApplication): void {
  const root = dashboardFolder();
  if (!root) {
    new Logger('Dashboard').warn('apps/api/dashboard was not found: the dashboard is not served at /');
    return;
  }
  // Only the files present at start get a route (no wildcard), so unknown paths stay Nest's 404s.
  app.useStaticAssets({
    root,
    prefix: '/',
    wildcard: false,
    // @fastify/static passes Fastify's reply here, whatever Nest's narrower type says.
    setHeaders: (reply) => void (reply as unknown as FastifyReply).headers(DASHBOARD_SECURITY_HEADERS),
  });
}

/**
 * The dashboard's static files live in `<repo>/apps/api/dashboard` and are not copied into
 * `dist/`, so they are looked for upwards from this module's folder, which is `apps/api/src`
 * from the sources (Jest) or `dist/apps/api/src` from the build, then from the working folder.
 */
export function dashboardFolder(from: string = moduleFolder(), cwd: string = process.cwd()): string | null {
  const starts = [from, cwd];
  for (const start of starts) {
    let dir = start;
    for (let level = 0; level < 5; level++) {
      const candidate = join(dir, 'apps', 'api', 'dashboard');
      if (existsSync(join(candidate, 'index.html'))) return candidate;
      if (dirname(dir) === dir) break;
      dir = dirname(dir);
    }
  }
  return null;
}

// Jest runs the sources as CommonJS (SWC turns `import.meta.dirname` into `__dirname` there);
// the build runs as an ES module, where `__dirname` is not defined.
function moduleFolder(): string {
  if (typeof __dirname === 'string') return __dirname;
  return import.meta.dirname ?? dirname(fileURLToPath(import.meta.url));
}
