import { All, Controller, Get, Inject, Logger, Module, type DynamicModule } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { join } from 'node:path';
import { EsdbEventStore, EVENT_STORE, SqliteEventStore, type EventStore } from '#event-store';
import { EventSourcingModule, ProblemException, type EventSourcingOptions } from '#eventsourcing';
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
    const esdb = config.KURULTAI_STORE === 'esdb';
    return {
      module: AppModule,
      imports: [
        EventSourcingModule.forRoot({
          openStore: () => openStore(config),
          readModelPath: join(dataDir, 'read-models.sqlite'),
          projections: allProjections,
          commandRetries: config.KURULTAI_COMMAND_RETRIES,
          readWaitMs: config.KURULTAI_READ_WAIT_MS,
          snapshotFolder: join(dataDir, 'snapshots'),
          snapshotEvery: config.KURULTAI_SNAPSHOT_EVERY,
          snapshotGrowth: config.KURULTAI_SNAPSHOT_GROWTH / 100,
          rowHistory: config.KURULTAI_ROW_HISTORY === 'on',
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
        // The Merkle log reads the SQLite file; on EventStoreDB each stream carries its own chain.
        ...(esdb
          ? []
          : [
              AuditLogModule.forRoot({
                storePath: join(dataDir, 'events.sqlite'),
                keyFile: config.KURULTAI_AUDIT_KEY_FILE ?? join(dataDir, 'audit-key.pem'),
                origin: config.KURULTAI_AUDIT_ORIGIN,
                checkpointEvery: config.KURULTAI_AUDIT_CHECKPOINT_EVERY,
              }),
            ]),
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
      controllers: [HealthController, ...(esdb ? [EsdbAuditController] : []), UnknownCommandController],
      providers: [{ provide: READY_MAX_LAG, useValue: config.KURULTAI_READY_MAX_LAG }],
    };
  }
}

/** The configured store: the embedded SQLite file, or EventStoreDB at its connection string. */
async function openStore(config: EngineConfig): Promise<EventStore> {
  if (config.KURULTAI_STORE !== 'esdb')
    return SqliteEventStore.open(join(config.KURULTAI_DATA_DIR, 'events.sqlite'));
  const logger = new Logger('event-store');
  // An unreachable or wrong address fails the start with an EsdbConnectionError naming it.
  const store = await EsdbEventStore.open(config.KURULTAI_ESDB_CONNECTION_STRING ?? '', {
    onReconnect: (what, attempt, error) =>
      logger.warn({ msg: `EventStoreDB connection lost (${what}), attempt ${attempt}: ${String(error)}` }),
  });
  logger.log({ msg: `event store: EventStoreDB at ${store.address}` });
  return store;
}

/**
 * The audit log on EventStoreDB: `verify` walks each stream's own hash chain; the signed
 * checkpoints and Merkle proofs over the embedded store's global log are not served (501).
 */
@ApiExcludeController()
@Controller('api/audit')
class EsdbAuditController {
  constructor(@Inject(EVENT_STORE) private readonly store: EsdbEventStore) {}

  @Get('verify')
  async verify() {
    const report = await this.store.verifyChains();
    return { ...report, chains: 'per-stream', checkpoints: 0, signedSize: 0 };
  }

  @All(['checkpoints', 'checkpoints/latest.txt', 'public-keys', 'proofs/inclusion', 'proofs/consistency'])
  refuse(): never {
    throw ProblemException.of(
      501,
      'embedded-store-only',
      'Signed checkpoints and Merkle proofs need the embedded store',
      'on EventStoreDB each stream carries its own hash chain in the event metadata, checked by ' +
        '/api/audit/verify (docs/eventstoredb.md); checkpoints and proofs run with KURULTAI_STORE=sqlite',
    );
  }
}
