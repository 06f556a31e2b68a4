import { SqliteEventStore, type Actor, type EventStore, type Visibility } from '#event-store';
import { type Command, type Decider, type DomainEvent } from '../decider.js';
import { CommandHandling } from './command-handling.service.js';
import type { EventSourcingOptions } from './event-sourcing.options.js';
import type { CommandRequest } from './http/command-request.js';
import { ProblemException } from './http/problem.js';

type Note = Command<'Note', { text: string }>;
type Noted = DomainEvent<'Noted', { text: string }>;
const notes: Decider<Note, Noted, null> = {
  initialState: () => null,
  evolve: (state) => state,
  decide: (command) => [{ type: 'Noted', data: { text: command.data.text } }],
};

const secretariat: Actor = { id: 'officer-1', role: 'secretariat', state: null };
const focalPoint: Actor = { id: 'uz-focal', role: 'focal-point', state: 'UZ' };
const system: Actor = { id: 'process:x', role: 'system', state: null };

describe('an entity keeps its visibility', () => {
  let store: EventStore;
  let commands: CommandHandling;
  let n = 0;
  beforeEach(async () => {
    store = await SqliteEventStore.open(':memory:');
    const options = { commandRetries: 0 } as EventSourcingOptions;
    commands = new CommandHandling(store, () => new Date('2026-11-29T10:00:00.000Z'), options);
  });
  afterEach(() => store.close());

  const note = (stream: string, actor: Actor, visibility?: Visibility) => {
    const request: CommandRequest = {
      commandId: `c-${++n}`,
      correlationId: 'x',
      causationId: null,
      actor,
      commandHash: `h-${n}`,
    };
    return commands.handle(notes, stream, { type: 'Note', data: { text: `note ${n}` } }, request, {
      visibility,
    });
  };
  const visibilities = async (stream: string) =>
    (await store.readStream(stream)).map((e) => e.metadata.visibility);

  it('given an internal entity, when a later command says nothing, then its events are internal too', async () => {
    await note('note-a', secretariat, 'internal');
    await note('note-a', secretariat);
    await note('note-a', focalPoint);
    await note('note-a', system);
    expect(await visibilities('note-a')).toEqual(['internal', 'internal', 'internal', 'internal']);
  });

  it('given a public entity, commands default to public and may record an internal event explicitly', async () => {
    await note('note-b', secretariat);
    await note('note-b', focalPoint);
    await note('note-b', secretariat, 'internal');
    expect(await visibilities('note-b')).toEqual(['public', 'public', 'internal']);
  });

  it('given an internal entity, when anyone but the Secretariat asks for a public event, then 403 and nothing is written', async () => {
    await note('note-c', secretariat, 'internal');
    for (const actor of [focalPoint, system]) {
      const refused = await note('note-c', actor, 'public').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ProblemException);
      expect((refused as ProblemException).problem).toMatchObject({
        status: 403,
        rule: 'visibility.internal-entity',
      });
    }
    expect(await visibilities('note-c')).toEqual(['internal']);
  });

  it('given an internal entity, when the Secretariat explicitly asks for a public event, then that event alone is public', async () => {
    await note('note-d', secretariat, 'internal');
    await note('note-d', secretariat, 'public');
    await note('note-d', secretariat);
    expect(await visibilities('note-d')).toEqual(['internal', 'public', 'internal']);
  });
});
