import fc from 'fast-check';
import { isIsoDate } from '../shared/iso-date.js';
import { runCommands } from '../shared/testing/run-commands.js';
import { stateDecider } from './state.decider.js';
import type { StateRecord } from './state.js';
import { stateCommands } from './testing/state-arbitraries.js';

function assertInvariants(state: StateRecord): void {
  if (state.status === 'unregistered') return;
  expect(state.code).toMatch(/^[A-Z]{2}$/);
  expect(state.periods.length).toBeGreaterThanOrEqual(1);
  expect(state.periods.at(-1)).toEqual({ membership: state.membership, since: state.since });
  state.periods.forEach((period, index) => {
    expect(['member', 'observer']).toContain(period.membership);
    expect(isIsoDate(period.since)).toBe(true);
    const previous = state.periods[index - 1];
    if (previous) {
      expect(period.since > previous.since).toBe(true);
      expect(period.membership).not.toBe(previous.membership);
    }
  });
}

describe('State invariants', () => {
  it('hold after any sequence of commands, refused ones skipped', () => {
    fc.assert(
      fc.property(stateCommands, (commands) => {
        runCommands(stateDecider, commands, ({ before, events, after }) => {
          if (before.status === 'registered') expect(after.status).toBe('registered');
          if (events.some((e) => e.type === 'StateRegistered')) expect(before.status).toBe('unregistered');
          assertInvariants(after);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('reach states with changed memberships, so the invariants are not checked in vain', () => {
    const finals = fc
      .sample(stateCommands, { numRuns: 300, seed: 42 })
      .map((c) => runCommands(stateDecider, c));
    expect(finals.filter((s) => s.status === 'registered' && s.periods.length > 2).length).toBeGreaterThan(
      10,
    );
  });
});
