import type { RecordedEvent } from '#event-store';
import { concernsState, statesOf } from './state-filter.js';

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
