import type { RecordedEvent } from '#event-store';
import Database from 'better-sqlite3';
import {
  canSee,
  canSeeItem,
  concernsState,
  FULL_VIEWER,
  PUBLIC_VIEWER,
  statesOf,
  viewerOf,
  visibilityParams,
  visibleSql,
} from './visibility.js';

const event = (
  stream: string,
  data: Record<string, unknown>,
  actorState: string | null = null,
): Pick<RecordedEvent, 'stream' | 'data' | 'metadata'> => ({
  stream,
  data,
  metadata: {
    actor: { id: 'someone', role: actorState ? 'focal-point' : 'secretariat', state: actorState },
    commandId: 'c',
    correlationId: 'c',
    causationId: null,
    occurredAt: '2025-01-01T00:00:00.000Z',
    recordedAt: '2025-01-01T00:00:00.000Z',
    visibility: 'public',
  },
});

describe('the state filter', () => {
  it('counts the acting state of a focal point', () => {
    expect([...statesOf(event('plan-p', { planId: 'p' }, 'KZ'))]).toEqual(['KZ']);
    expect(concernsState(event('plan-p', { planId: 'p' }, 'KZ'), 'UZ')).toBe(false);
  });

  it('counts the state whose own stream it is', () => {
    expect(concernsState(event('state-HU', { code: 'HU', membership: 'observer' }), 'HU')).toBe(true);
  });

  it('counts state, leadState, hostState and the lists of states in the data', () => {
    const scheduled = event('activity-forum', {
      leadState: 'AZ',
      hostState: 'TR',
      participatingStates: ['KZ', 'KG'],
    });
    expect([...statesOf(scheduled)].sort()).toEqual(['AZ', 'KG', 'KZ', 'TR']);
    const decided = event('meeting-m', {
      decision: { adoptingStates: ['UZ'], accreditedMemberStates: ['HU'] },
    });
    expect([...statesOf(decided)].sort()).toEqual(['HU', 'UZ']);
    expect(concernsState(event('institution-x', { institutionId: 'x', state: 'UZ' }), 'UZ')).toBe(true);
  });

  it("counts the parties' and the assignee's states at any depth, and state facts' codes", () => {
    const drafted = event('protocol-p', {
      parties: [
        { institutionId: 'tr-ytb', state: 'TR' },
        { institutionId: 'uz-committee', state: 'UZ' },
      ],
    });
    expect([...statesOf(drafted)].sort()).toEqual(['TR', 'UZ']);
    expect(concernsState(event('followup-f', { assignee: { state: 'KG', institutionId: null } }), 'KG')).toBe(
      true,
    );
    expect(concernsState(event('followup-f', { state: { code: 'AZ', name: 'Azerbaijan' } }), 'AZ')).toBe(
      true,
    );
  });

  it('ignores values that are not state codes and keys that do not name a state', () => {
    const other = event('plan-p', {
      status: 'UZ',
      title: 'TR',
      state: 'adopted',
      leadState: null,
      participatingStates: 'KZ',
      code: 'AZ',
    });
    expect([...statesOf(other)]).toEqual([]);
  });
});

describe('who sees what', () => {
  const internal = (stream: string, data: Record<string, unknown>) => {
    const e = event(stream, data);
    return { ...e, metadata: { ...e.metadata, visibility: 'internal' as const } };
  };
  const meeting = internal('meeting-m', { meetingId: 'm', hostState: 'UZ' });
  const published = event('meeting-p', { meetingId: 'p', hostState: 'UZ' });

  it('given the Secretariat, an auditor or the engine, when they look at an internal event, then they see it', () => {
    for (const role of ['secretariat', 'auditor', 'system'] as const) {
      expect(viewerOf({ role, state: null })).toBe(FULL_VIEWER);
      expect(canSee({ role, state: null }, meeting)).toBe(true);
    }
  });

  it('given a focal point, it sees public events and the internal events of its own state only', () => {
    expect(canSee({ role: 'focal-point', state: 'UZ' }, meeting)).toBe(true);
    expect(canSee({ role: 'focal-point', state: 'TR' }, meeting)).toBe(false);
    expect(canSee({ role: 'focal-point', state: 'TR' }, published)).toBe(true);
    expect(viewerOf({ role: 'focal-point', state: null })).toBe(PUBLIC_VIEWER);
  });

  it('given a service, an anonymous caller or no actor at all, only public events are seen', () => {
    for (const who of [{ role: 'service' as const, state: 'UZ' }, { role: 'anonymous' as const }, null]) {
      expect(canSee(who, meeting)).toBe(false);
      expect(canSee(who, published)).toBe(true);
    }
  });

  it('treats any visibility other than public as internal', () => {
    const odd = { ...published, metadata: { ...published.metadata, visibility: 'secret' as never } };
    expect(canSee({ role: 'service' }, odd)).toBe(false);
    expect(canSeeItem(PUBLIC_VIEWER, { visibility: null, states: '[]' })).toBe(false);
  });

  it('reads the states of a row from its JSON text', () => {
    const row = { visibility: 'internal', states: '["KZ","UZ"]' };
    expect(canSeeItem({ all: false, state: 'UZ' }, row)).toBe(true);
    expect(canSeeItem({ all: false, state: 'TR' }, row)).toBe(false);
    expect(canSeeItem({ all: false, state: 'UZ' }, { visibility: 'internal', states: 'not json' })).toBe(
      false,
    );
  });

  it('gives the same answers in SQL as in code', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id TEXT, visibility TEXT, states TEXT)');
    const rows = [
      { id: 'public', visibility: 'public', states: '[]' },
      { id: 'uz', visibility: 'internal', states: '["UZ"]' },
      { id: 'kz-tr', visibility: 'internal', states: '["KZ","TR"]' },
      { id: 'none', visibility: 'internal', states: '[]' },
    ];
    for (const row of rows) db.prepare('INSERT INTO t VALUES (@id, @visibility, @states)').run(row);
    const query = db.prepare(`SELECT id FROM t x WHERE ${visibleSql('x')} ORDER BY id`);
    for (const viewer of [
      FULL_VIEWER,
      PUBLIC_VIEWER,
      { all: false, state: 'UZ' },
      { all: false, state: 'TR' },
    ]) {
      const sql = (query.all(visibilityParams(viewer)) as { id: string }[]).map((r) => r.id);
      const code = rows
        .filter((r) => canSeeItem(viewer, r))
        .map((r) => r.id)
        .sort();
      expect(sql).toEqual(code);
    }
  });
});
