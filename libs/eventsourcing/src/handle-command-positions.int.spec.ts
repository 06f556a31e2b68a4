import { EsdbEventStore } from '#event-store';
import { EsdbProtocolDouble } from '../../event-store/src/esdb/testing/esdb-protocol-double.js';
import type { Command, Decider, DomainEvent } from './decider.js';
import { handleCommand } from './handle-command.js';

/** A command that records three events at once. */
type Record3 = Command<'RecordThree', { note: string }>;
type Recorded = DomainEvent<'Noted', { note: string; n: number }>;
const three: Decider<Record3, Recorded, number> = {
  initialState: () => 0,
  evolve: (count) => count + 1,
  decide: (command) =>
    [1, 2, 3].map((n) => ({ type: 'Noted' as const, data: { note: command.data.note, n } })),
};

const context = (commandId: string) => ({
  commandId,
  correlationId: commandId,
  causationId: null,
  actor: { id: 'officer-1', role: 'secretariat' as const, state: null },
});

/**
 * On EventStoreDB the events of one append need not have consecutive global positions: the reply
 * of a command gives each event the position the store gave it (it once counted up from the first).
 */
describe('a command reply names the position of each of its events (EventStoreDB)', () => {
  let double: EsdbProtocolDouble;
  let store: EsdbEventStore;
  beforeAll(async () => {
    double = await EsdbProtocolDouble.start();
    store = await EsdbEventStore.open(double.connectionString);
  });
  afterAll(async () => {
    await store.close();
    await double.stop();
  });

  it('answers the stored positions of a multi-event append', async () => {
    const result = await handleCommand(
      { store, clock: () => new Date('2026-11-29T10:00:00.000Z') },
      three,
      'notes-1',
      { type: 'RecordThree', data: { note: 'quorum' } },
      { context: context('cmd-1') },
    );
    const stored = await store.readStream('notes-1');
    expect(result.events.map((event) => event.position)).toEqual(stored.map((event) => event.position));
    expect(result.events.map((event) => event.id)).toEqual(stored.map((event) => event.id));
  });
});
