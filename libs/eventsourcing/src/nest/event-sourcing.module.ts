import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '#event-store';
import { instrumentStore } from '../observability/instrumented-store.js';
import { EngineMetrics } from '../observability/metrics.js';
import { ShutdownGate, ShutdownInterceptor } from '../observability/shutdown.js';
import { AsOfReplayer } from '../projections/as-of/as-of-replayer.js';
import { Snapshots } from '../projections/as-of/snapshots.js';
import { BlueGreenRebuild } from '../projections/blue-green-rebuild.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { openReadModelDb } from '../projections/read-model-files.js';
import { attachStateCache, StateCache } from '../state-cache.js';
import { observeWritePath } from '../write-path-metrics.js';
import { CommandHandling } from './command-handling.service.js';
import type { EventSourcingOptions } from './event-sourcing.options.js';
import { ReadModels } from './read-models.service.js';
import { EVENT_UPCASTERS, upcastingStore } from '../upcasting/upcasting-store.js';
import type { Upcasters } from '../upcasting/upcasters.js';
import { RebuildController } from './rebuild.controller.js';
import { CLOCK, EVENT_SOURCING_OPTIONS, READ_MODEL_DB } from './tokens.js';

/** Bounds of the state cache when the options say nothing: 10,000 streams, 200,000 folded events. */
export const DEFAULT_STATE_CACHE = { maxStreams: 10_000, maxEvents: 200_000 } as const;

/** Wires the store, the command handling, the projection runner and its blue/green rebuild into Nest. */
@Global()
@Module({})
export class EventSourcingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('event-sourcing');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly rebuild: BlueGreenRebuild,
    private readonly asOf: AsOfReplayer,
    @Inject(Snapshots) private readonly snapshots: Snapshots | null,
    private readonly metrics: EngineMetrics,
  ) {}

  static forRoot(options: EventSourcingOptions): DynamicModule {
    const rowHistory = options.rowHistory !== false;
    return {
      module: EventSourcingModule,
      imports: [CqrsModule.forRoot()],
      controllers: [RebuildController],
      providers: [
        { provide: EVENT_SOURCING_OPTIONS, useValue: options },
        { provide: CLOCK, useValue: options.clock ?? (() => new Date()) },
        // The engine's own metrics registry; default process metrics are added by the host (create-app).
        { provide: EngineMetrics, useFactory: () => new EngineMetrics({ defaultMetrics: false }) },
        {
          provide: StateCache,
          useFactory: () =>
            options.stateCache === null ? null : new StateCache(options.stateCache ?? DEFAULT_STATE_CACHE),
        },
        {
          provide: EVENT_STORE,
          // Upcast on read when the domain provides its upcasters (a global provider of EVENT_UPCASTERS).
          inject: [EngineMetrics, StateCache, { token: EVENT_UPCASTERS, optional: true }],
          useFactory: async (metrics: EngineMetrics, states: StateCache | null, upcasters?: Upcasters) => {
            const opened = await options.openStore();
            const instrumented = instrumentStore(opened, metrics);
            const store = upcasters ? upcastingStore(instrumented, upcasters) : instrumented;
            // Commands run against this store start from the cached fold of their stream.
            if (states) attachStateCache(store, states);
            observeWritePath(metrics, { states, store: opened });
            return store;
          },
        },
        // On shutdown new commands get 503 shutting-down while those in flight finish.
        ShutdownGate,
        { provide: APP_INTERCEPTOR, useClass: ShutdownInterceptor },
        { provide: READ_MODEL_DB, useFactory: () => openReadModelDb(options.readModelPath) },
        {
          provide: Snapshots,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) =>
            options.snapshotFolder
              ? new Snapshots(options.snapshotFolder, {
                  every: options.snapshotEvery ?? 10_000,
                  ...(options.snapshotGrowth !== undefined ? { growth: options.snapshotGrowth } : {}),
                  store,
                  onError: (error) => new Logger('projections').warn(`snapshot not taken: ${String(error)}`),
                })
              : null,
        },
        {
          provide: ProjectionRunner,
          inject: [EVENT_STORE, READ_MODEL_DB, Snapshots],
          useFactory: (store: EventStore, db: Database.Database, snapshots: Snapshots | null) => {
            const runner: ProjectionRunner = new ProjectionRunner(store, db, options.projections, {
              rowHistory,
              onError: (error) => new Logger('projections').error(`projection failed: ${String(error)}`),
              // The live database, whichever a blue/green rebuild has swapped in.
              onFlushed: (position) => snapshots?.maybeTake(runner.database, position),
            });
            return runner;
          },
        },
        {
          provide: BlueGreenRebuild,
          inject: [EVENT_STORE, ProjectionRunner, Snapshots, AsOfReplayer],
          useFactory: (
            store: EventStore,
            runner: ProjectionRunner,
            snapshots: Snapshots | null,
            asOf: AsOfReplayer,
          ) =>
            new BlueGreenRebuild(store, runner, options.projections, {
              path: options.readModelPath,
              rowHistory,
              ...(options.clock ? { clock: options.clock } : {}),
              // The files change: no snapshot in progress, no "as of" view holding the live file.
              beforeSwap: async () => {
                await snapshots?.settle();
                await asOf.suspendLive();
              },
              afterSwap: () => asOf.resumeLive(),
              log: (message) => new Logger('projections').log(message),
            }),
        },
        {
          provide: AsOfReplayer,
          inject: [EVENT_STORE, Snapshots, ProjectionRunner],
          useFactory: (store: EventStore, snapshots: Snapshots | null, runner: ProjectionRunner) =>
            // Without row history, position questions replay at once instead of asking the live file.
            new AsOfReplayer(store, options.projections, snapshots, {
              ...(rowHistory ? { live: runner } : {}),
            }),
        },
        CommandHandling,
        ReadModels,
      ],
      exports: [
        EVENT_STORE,
        READ_MODEL_DB,
        CLOCK,
        EVENT_SOURCING_OPTIONS,
        ProjectionRunner,
        BlueGreenRebuild,
        CommandHandling,
        ReadModels,
        CqrsModule,
        EngineMetrics,
        ShutdownGate,
      ],
    };
  }

  onApplicationBootstrap(): void {
    this.rebuild.discardLeftovers();
    this.runner.start();
    this.metrics.observeProjections(this.runner);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rebuild.stop();
    await this.runner.stop();
    await this.snapshots?.settle();
    await this.asOf.close();
    await this.store.close();
    this.runner.database.close();
    this.logger.log('store and read models closed');
  }
}
