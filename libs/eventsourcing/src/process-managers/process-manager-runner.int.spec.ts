import Database from 'better-sqlite3';
import { SqliteEventStore, type EventStore, type RecordedEvent } from '#event-store';
import { RuleViolation, type Command, type Decider, type DomainEvent } from '../decider.js';
import { handleCommand } from '../handle-command.js';
import type { CommandRequest } from '../nest/http/command-request.js';
import type { ProcessManager } from './process-manager.js';
import { ProcessManagerRunner, type CommandSender } from './process-manager-runner.js';
import { ProcessStore } from './process-store.js';

/** Given a request recorded in one stream, when it is committed, then a ticket is opened in another. */
type Open = Command<'Open', { ticket: string }>;
type Opened = DomainEvent<'Opened', { ticket: string }>;
const tickets: Decider<Open, Opened, boolean> = {
  initialState: () => false,
  evolve: () => true,
  decide: (command, open) => {
    if (command.data.ticket.startsWith('bad')) throw new RuleViolation('ticket.bad', 'bad ticket');
    return open ? [] : [{ type: 'Opened', data: { ticket: command.data.ticket } }];
  },
};

class OpenTicket {
  constructor(
    readonly ticket: string,
    readonly request: CommandRequest,
  ) {}
}

const manager: ProcessManager = {
  name: 'tickets',
  eventTypes: ['Requested'],
  react: (event: RecordedEvent) =>
    (event.data.tickets as string[]).map((ticket) => ({
      key: `open:${ticket}`,
      build: (request: CommandRequest) => new OpenTicket(ticket, request),
    })),
};

describe('ProcessManagerRunner', () => {
  let store: EventStore;
  let db: Database.Database;
  let sent: number;
  const clock = () => new Date('2026-11-29T12:00:00Z');
  const bus: CommandSender = {
    execute: async (command) => {
      sent++;
      const { ticket, request } = command as OpenTicket;
      const context = { ...request, occurredAt: undefined };
      return handleCommand(
        { store, clock },
        tickets,
        `ticket-${ticket}`,
        { type: 'Open', data: { ticket } },
        { context },
      );
    },
  };
  const actor = { id: 'officer', role: 'secretariat' as const, state: null };
  const request = (id: string, list: string[]) =>
    store.append(`request-${id}`, [
      {
        id: crypto.randomUUID(),
        type: 'Requested',
        schemaVersion: 1,
        data: { tickets: list },
        metadata: {
          actor,
          commandId: id,
          correlationId: `corr-${id}`,
          causationId: null,
          occurredAt: '2024-11-18T00:00:00Z',
          recordedAt: clock().toISOString(),
          visibility: 'public',
        },
      },
    ]);
  const opened = async () => (await store.readAll()).filter((e) => e.type === 'Opened');

  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:');
    db = new Database(':memory:');
    sent = 0;
  });
  afterEach(async () => {
    await store.close();
    db.close();
  });

  it('sends the commands an event asks for, with causation and correlation ids', async () => {
    const runner = new ProcessManagerRunner(store, new ProcessStore(db), bus, manager, clock);
    runner.start();
    const { position } = await request('r1', ['a', 'b']);
    expect(await runner.waitFor(position, 5000)).toBe(true);
    const [first, second] = await opened();
    const [cause] = await store.readStream('request-r1');
    expect([first.data.ticket, second.data.ticket]).toEqual(['a', 'b']);
    expect(first.metadata).toMatchObject({
      causationId: cause.id,
      correlationId: 'corr-r1',
      actor: { id: 'process:tickets', role: 'system' },
    });
    expect(first.metadata.commandId).not.toBe(second.metadata.commandId);
    await runner.stop();
  });

  it('never sends a command twice when the log is replayed or the runner restarts', async () => {
    const processes = new ProcessStore(db);
    let runner = new ProcessManagerRunner(store, processes, bus, manager, clock);
    runner.start();
    await request('r1', ['a', 'b']);
    const { position } = await request('r2', ['c']);
    await runner.waitFor(position, 5000);
    await runner.replay();
    await runner.waitFor(position, 5000);
    await runner.stop();
    runner = new ProcessManagerRunner(store, processes, bus, manager, clock);
    processes.reset('tickets');
    runner.start();
    await runner.waitFor(position, 5000);
    await runner.stop();
    expect(sent).toBe(9);
    expect((await opened()).map((e) => e.data.ticket)).toEqual(['a', 'b', 'c']);
  });

  it('records a refused command and goes on with the next', async () => {
    const runner = new ProcessManagerRunner(store, new ProcessStore(db), bus, manager, clock);
    runner.start();
    await request('r1', ['bad-1', 'd']);
    const { position } = await request('r2', ['e']);
    await runner.waitFor(position, 5000);
    expect(runner.failures()).toEqual([
      expect.objectContaining({ processManager: 'tickets', commandKey: 'open:bad-1', rule: 'ticket.bad' }),
    ]);
    expect((await opened()).map((e) => e.data.ticket)).toEqual(['d', 'e']);
    expect(runner.status()).toMatchObject({ state: 'running', failures: 1 });
    expect(runner.status().position).toBeGreaterThanOrEqual(position);
    await runner.stop();
  });

  it('stops on an error that is not a refusal, and resumes from its checkpoint without doubles', async () => {
    let broken = true;
    const flaky: CommandSender = {
      execute: async (command) => {
        const result = await bus.execute(command);
        if (broken) throw new Error('connection lost after the command was handled');
        return result;
      },
    };
    const processes = new ProcessStore(db);
    const runner = new ProcessManagerRunner(store, processes, flaky, manager, clock);
    runner.start();
    const { position } = await request('r1', ['a']);
    expect(await runner.waitFor(position, 2000)).toBe(false);
    expect(runner.status()).toMatchObject({
      state: 'failed',
      error: 'connection lost after the command was handled',
    });
    broken = false;
    await runner.stop();
    runner.start();
    expect(await runner.waitFor(position, 5000)).toBe(true);
    expect(await opened()).toHaveLength(1);
    await runner.stop();
  });
});
