import { createHash } from 'node:crypto';
import {
  WrongExpectedVersionError,
  type EventStore,
  type RecordedEvent,
  type Subscription,
} from '#event-store';
import { RuleViolation } from '../decider.js';
import { IdempotencyConflict } from '../errors.js';
import { eventIdFor } from '../event-ids.js';
import type { CommandRequest } from '../nest/http/command-request.js';
import { ProblemException } from '../nest/http/problem.js';
import { PositionWaiters } from '../projections/position-waiters.js';
import type { ProcessFailure, ProcessManager, ProcessManagerStatus } from './process-manager.js';
import type { ProcessStore } from './process-store.js';

/** What the runner sends commands through: the CommandBus. */
export interface CommandSender {
  execute(command: object): Promise<unknown>;
}

/**
 * Runs one process manager from its checkpoint over the committed log. Each command gets an id
 * derived from the event and the command's key, and the checkpoint moves past an event only after
 * its commands were handled, so a crash or a replay sends the same ids again and nothing twice.
 */
export class ProcessManagerRunner {
  private subscription: Subscription | null = null;
  private running: Promise<void> | null = null;
  private position = 0;
  private state: ProcessManagerStatus['state'] = 'stopped';
  private error: string | undefined;
  private readonly waiters = new PositionWaiters();

  constructor(
    private readonly store: EventStore,
    private readonly processes: ProcessStore,
    private readonly bus: CommandSender,
    private readonly manager: ProcessManager,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  start(): void {
    if (this.running) return;
    this.position = this.processes.checkpoint(this.manager.name);
    this.state = 'running';
    this.error = undefined;
    const subscription = this.store.subscribeToAll({ after: this.position });
    this.subscription = subscription;
    this.running = this.consume(subscription);
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    await this.running;
    this.subscription = null;
    this.running = null;
    if (this.state === 'running') this.state = 'stopped';
  }

  /** Sends every command again from the start of the log; already handled ones are answered from the log. */
  async replay(): Promise<void> {
    await this.stop();
    this.processes.reset(this.manager.name);
    this.start();
  }

  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.position >= position) return Promise.resolve(true);
    return this.waiters.wait(position, timeoutMs);
  }

  status(): ProcessManagerStatus {
    const failures = this.processes.failures(this.manager.name).length;
    return {
      name: this.manager.name,
      state: this.state,
      position: this.position,
      failures,
      ...(this.error ? { error: this.error } : {}),
    };
  }

  failures(): ProcessFailure[] {
    return this.processes.failures(this.manager.name);
  }

  private async consume(subscription: Subscription): Promise<void> {
    try {
      for await (const event of subscription) {
        if (this.manager.eventTypes.includes(event.type)) {
          this.processes.done(this.manager.name, event.position, await this.handle(event));
        }
        this.position = event.position;
        this.waiters.reached(event.position);
      }
    } catch (error) {
      this.state = 'failed';
      this.error = error instanceof Error ? error.message : String(error);
      this.waiters.failAll();
      void subscription.close();
    }
  }

  private async handle(event: RecordedEvent): Promise<ProcessFailure[]> {
    const failures: ProcessFailure[] = [];
    for (const command of this.manager.react(event)) {
      try {
        await this.bus.execute(command.build(this.requestFor(event, command.key)));
      } catch (error) {
        if (!isRefusal(error)) throw error;
        failures.push({
          processManager: this.manager.name,
          eventPosition: event.position,
          eventId: event.id,
          commandKey: command.key,
          rule: error instanceof RuleViolation ? error.rule : null,
          message: error instanceof Error ? error.message : String(error),
          at: this.clock().toISOString(),
        });
      }
    }
    return failures;
  }

  private requestFor(event: RecordedEvent, key: string): CommandRequest {
    const name = `${this.manager.name}:${event.id}:${key}`;
    return {
      commandId: eventIdFor(name, 0),
      correlationId: event.metadata.correlationId,
      causationId: event.id,
      actor: { id: `process:${this.manager.name}`, role: 'system', state: null },
      commandHash: createHash('sha256').update(name).digest('hex'),
    };
  }
}

/** The domain or the store said no: recorded, the process goes on. Anything else stops it. */
function isRefusal(error: unknown): boolean {
  if (error instanceof RuleViolation || error instanceof WrongExpectedVersionError) return true;
  if (error instanceof IdempotencyConflict) return true;
  return error instanceof ProblemException && error.problem.status < 500;
}
