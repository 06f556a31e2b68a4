import { Module, type DynamicModule } from '@nestjs/common';
import { join } from 'node:path';
import { SqliteEventStore } from '#event-store';
import { EventSourcingModule, type EventSourcingOptions } from '#eventsourcing';
import { CoordinationModule } from '#coordination/module';
import { AuditLogModule } from '#audit';
import { DeliveryModule, WebhooksModule, type DeliveryOptions, type WebhooksOptions } from '#delivery';
import { allProjections, ReadModelsModule } from '#read-models';
import { API_KEYS_FILE, LOCAL_KEY_FILE, SecurityModule } from '#security';
import { RateLimitModule } from '#eventsourcing/nest/http/rate-limit.js';
import type { EngineConfig } from './config.js';
import { HealthController, READY_MAX_LAG } from './health/health.controller.js';
import { UnknownCommandController } from './unknown-command.controller.js';

/** Composes the libraries into the engine; holds no business rules. */
@Module({})
export class AppModule {
  static forRoot(
    config: EngineConfig,
    overrides: Partial<EventSourcingOptions> = {},
    /** Settings the environment does not carry (tests: short timeouts, probes). */
    extras: { delivery?: DeliveryOptions; webhooks?: Partial<WebhooksOptions> } = {},
  ): DynamicModule {
    const dataDir = config.KURULTAI_DATA_DIR;
    return {
      module: AppModule,
      imports: [
        EventSourcingModule.forRoot({
          openStore: async () => SqliteEventStore.open(join(dataDir, 'events.sqlite')),
          readModelPath: join(dataDir, 'read-models.sqlite'),
          projections: allProjections,
          commandRetries: config.KURULTAI_COMMAND_RETRIES,
          readWaitMs: config.KURULTAI_READ_WAIT_MS,
          snapshotFolder: join(dataDir, 'snapshots'),
          snapshotEvery: config.KURULTAI_SNAPSHOT_EVERY,
          stateCache:
            config.KURULTAI_STATE_CACHE_STREAMS === 0
              ? null
              : {
                  maxStreams: config.KURULTAI_STATE_CACHE_STREAMS,
                  maxEvents: config.KURULTAI_STATE_CACHE_EVENTS,
                },
          ...overrides,
        }),
        // Identity and rights first: later global guards (rate limits) read request.actor.
        SecurityModule.forRoot({
          issuer: config.KURULTAI_AUTH_ISSUER,
          audience: config.KURULTAI_AUTH_AUDIENCE,
          clockSkewSeconds: config.KURULTAI_AUTH_CLOCK_SKEW_S,
          jwksUrl: config.KURULTAI_AUTH_JWKS_URL,
          jwksFile: config.KURULTAI_AUTH_JWKS_FILE,
          localKeyFile: config.KURULTAI_AUTH_KEY_FILE ?? join(dataDir, LOCAL_KEY_FILE),
          roleClaim: config.KURULTAI_AUTH_ROLE_CLAIM,
          stateClaim: config.KURULTAI_AUTH_STATE_CLAIM,
          apiKeysFile: join(dataDir, API_KEYS_FILE),
        }),
        CoordinationModule,
        ReadModelsModule,
        AuditLogModule.forRoot({
          storePath: join(dataDir, 'events.sqlite'),
          keyFile: config.KURULTAI_AUDIT_KEY_FILE ?? join(dataDir, 'audit-key.pem'),
          origin: config.KURULTAI_AUDIT_ORIGIN,
          checkpointEvery: config.KURULTAI_AUDIT_CHECKPOINT_EVERY,
        }),
        DeliveryModule.forRoot(extras.delivery),
        WebhooksModule.forRoot({
          dataDir,
          allowPrivateTargets: config.KURULTAI_WEBHOOKS_ALLOW_PRIVATE === 'on',
          timeoutMs: config.KURULTAI_WEBHOOKS_TIMEOUT_MS,
          retry: {
            baseMs: config.KURULTAI_WEBHOOKS_RETRY_BASE_MS,
            capMs: config.KURULTAI_WEBHOOKS_RETRY_CAP_MS,
            maxAttempts: config.KURULTAI_WEBHOOKS_MAX_ATTEMPTS,
          },
          ...extras.webhooks,
        }),
        // Off (0) by default on the embedded engine; create-app installs the guard when on.
        ...(config.KURULTAI_RATE_LIMIT > 0
          ? [
              RateLimitModule.forRoot({
                limit: config.KURULTAI_RATE_LIMIT,
                windowMs: config.KURULTAI_RATE_LIMIT_WINDOW_MS,
              }),
            ]
          : []),
      ],
      // The catch-all for unknown command types comes last so that every slice's route wins.
      controllers: [HealthController, UnknownCommandController],
      providers: [{ provide: READY_MAX_LAG, useValue: config.KURULTAI_READY_MAX_LAG }],
    };
  }
}
