import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ProjectionStatus } from '../projections/projection.js';

/** What the projection gauges read at scrape time. */
export interface ProjectionStatusSource {
  status(): Promise<readonly ProjectionStatus[]>;
}

/** What the process-manager gauges read at scrape time. */
export interface ProcessManagerStatusSource {
  status(): { readonly name: string; readonly position: number; readonly failures: number };
}

export interface EngineMetricsOptions {
  /** Also collect Node's default process metrics (CPU, memory, event loop, GC). Default true. */
  readonly defaultMetrics?: boolean;
  /** Prefix of every metric name. Default `kurultai_`. */
  readonly prefix?: string;
}

/**
 * The engine's Prometheus metrics, in a registry of their own (so that two engines in one
 * process, as in the tests, do not collide). Gauges about projections and process managers are
 * read from their status when scraped, never kept up to date on the hot path.
 */
export class EngineMetrics {
  readonly registry = new Registry();
  readonly commandDuration: Histogram<'command' | 'outcome'>;
  readonly concurrencyConflicts: Counter<'stream_category'>;
  readonly appendedEvents: Counter<'stream_category'>;
  private projections: ProjectionStatusSource | null = null;
  private readonly prefix: string;
  private defaultsCollected = false;
  private processManagers: readonly ProcessManagerStatusSource[] = [];

  constructor(options: EngineMetricsOptions = {}) {
    const prefix = options.prefix ?? 'kurultai_';
    this.prefix = prefix;
    const registers = [this.registry];
    if (options.defaultMetrics ?? true) this.collectDefaultMetrics();
    this.commandDuration = new Histogram({
      name: `${prefix}command_duration_seconds`,
      help: 'Time to handle a command (read, decide, append, retries), by command type and outcome',
      labelNames: ['command', 'outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.concurrencyConflicts = new Counter({
      name: `${prefix}concurrency_conflicts_total`,
      help: 'Appends refused because the stream had moved on (wrong expected revision)',
      labelNames: ['stream_category'],
      registers,
    });
    this.appendedEvents = new Counter({
      name: `${prefix}appended_events_total`,
      help: 'Events written to the store (idempotent re-appends not counted)',
      labelNames: ['stream_category'],
      registers,
    });
    // The gauges' collect() is called with the gauge as `this`; they read from this object.
    const metrics = this; // eslint-disable-line @typescript-eslint/no-this-alias
    new Gauge({
      name: `${prefix}projection_lag_events`,
      help: 'Events between the log head and the projection checkpoint',
      labelNames: ['projection'],
      registers,
      async collect() {
        for (const status of await metrics.projectionStatus())
          this.set({ projection: status.name }, status.lagEvents);
      },
    });
    new Gauge({
      name: `${prefix}projection_lag_seconds`,
      help: 'Age of the oldest event a projection has not applied yet (0 when caught up)',
      labelNames: ['projection'],
      registers,
      async collect() {
        for (const status of await metrics.projectionStatus())
          this.set({ projection: status.name }, status.lagSeconds);
      },
    });
    new Gauge({
      name: `${prefix}projection_position`,
      help: 'Global log position a projection has applied',
      labelNames: ['projection'],
      registers,
      async collect() {
        for (const status of await metrics.projectionStatus())
          this.set({ projection: status.name }, status.position);
      },
    });
    new Gauge({
      name: `${prefix}projection_failed`,
      help: '1 when the projection runner has failed',
      labelNames: ['projection'],
      registers,
      async collect() {
        for (const status of await metrics.projectionStatus())
          this.set({ projection: status.name }, status.state === 'failed' ? 1 : 0);
      },
    });
    new Gauge({
      name: `${prefix}process_manager_position`,
      help: 'Global log position a process manager has handled',
      labelNames: ['process_manager'],
      registers,
      collect() {
        for (const pm of metrics.processManagers) {
          const status = pm.status();
          this.set({ process_manager: status.name }, status.position);
        }
      },
    });
    new Gauge({
      name: `${prefix}process_manager_refusals`,
      help: 'Commands of a process manager the domain refused (kept in process_failures)',
      labelNames: ['process_manager'],
      registers,
      collect() {
        for (const pm of metrics.processManagers) {
          const status = pm.status();
          this.set({ process_manager: status.name }, status.failures);
        }
      },
    });
  }

  /** Adds Node's default process metrics (once): CPU, memory, event-loop lag, GC, handles. */
  collectDefaultMetrics(): void {
    if (this.defaultsCollected) return;
    this.defaultsCollected = true;
    collectDefaultMetrics({ register: this.registry, prefix: this.prefix });
  }

  /** Where the projection gauges read from (the live runner). */
  observeProjections(source: ProjectionStatusSource): void {
    this.projections = source;
  }

  /** Where the process-manager gauges read from. */
  observeProcessManagers(sources: readonly ProcessManagerStatusSource[]): void {
    this.processManagers = sources;
  }

  /** Records one handled command. */
  observeCommand(command: string, outcome: string, seconds: number): void {
    this.commandDuration.observe({ command, outcome }, seconds);
  }

  /** The Prometheus text exposition of every metric. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private async projectionStatus(): Promise<readonly ProjectionStatus[]> {
    if (!this.projections) return [];
    try {
      return await this.projections.status();
    } catch {
      // The store is closing or closed: a scrape must not fail because of it.
      return [];
    }
  }
}

/** The outcome label of a command that threw: its error class, which is a small fixed set. */
export function commandOutcome(error: unknown): string {
  if (error instanceof Error) {
    const name = error.constructor?.name || error.name;
    return name === 'ProblemException'
      ? `problem-${(error as { getStatus?: () => number }).getStatus?.()}`
      : name;
  }
  return 'error';
}
