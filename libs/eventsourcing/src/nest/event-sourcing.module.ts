import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EVENT_STORE, type EventStore } from '#event-store';
import { AsOfReplayer } from '../projections/as-of/as-of-replayer.js';
import { Snapshots } from '../projections/as-of/snapshots.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { CommandHandling } from './command-handling.service.js';
import type { EventSourcingOptions } from './event-sourcing.options.js';
import { ReadModels } from './read-models.service.js';
import { CLOCK, EVENT_SOURCING_OPTIONS, READ_MODEL_DB } from './tokens.js';

/** Wires the store, the command handling and the projection runner into Nest. */
@Global()
@Module({})
export class EventSourcingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('event-sourcing');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    private readonly runner: ProjectionRunner,
    private readonly asOf: AsOfReplayer,
    @Inject(Snapshots) private readonly snapshots: Snapshots | null,
  ) {}

  static forRoot(options: EventSourcingOptions): DynamicModule {
    return {
      module: EventSourcingModule,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: EVENT_SOURCING_OPTIONS, useValue: options },
        { provide: CLOCK, useValue: options.clock ?? (() => new Date()) },
        { provide: EVENT_STORE, useFactory: () => options.openStore() },
        { provide: READ_MODEL_DB, useFactory: () => openReadModelDb(options.readModelPath) },
        {
          provide: Snapshots,
          useFactory: () =>
            options.snapshotFolder
              ? new Snapshots(options.snapshotFolder, options.snapshotEvery ?? 10_000)
              : null,
        },
        {
          provide: ProjectionRunner,
          inject: [EVENT_STORE, READ_MODEL_DB, Snapshots],
          useFactory: (store: EventStore, db: Database.Database, snapshots: Snapshots | null) =>
            new ProjectionRunner(store, db, options.projections, {
              onError: (error) => new Logger('projections').error(`projection failed: ${String(error)}`),
              onFlushed: (position) => snapshots?.maybeTake(db, position),
            }),
        },
        {
          provide: AsOfReplayer,
          inject: [EVENT_STORE, Snapshots],
          useFactory: (store: EventStore, snapshots: Snapshots | null) =>
            new AsOfReplayer(store, options.projections, snapshots),
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
        CommandHandling,
        ReadModels,
        CqrsModule,
      ],
    };
  }

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.snapshots?.settle();
    await this.asOf.close();
    await this.store.close();
    this.db.close();
    this.logger.log('store and read models closed');
  }
}

function openReadModelDb(path: string): Database.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}
