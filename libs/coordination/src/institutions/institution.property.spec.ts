import fc from 'fast-check';
import { isIsoDate } from '../shared/iso-date.js';
import { runCommands } from '../shared/testing/run-commands.js';
import { institutionDecider } from './institution.decider.js';
import { dayBefore } from './calendar-day.js';
import type { InstitutionState } from './institution.js';
import { institutionCommands } from './testing/institution-arbitraries.js';

function assertInvariants(institution: InstitutionState): void {
  if (institution.status === 'unregistered') return;
  const { periods } = institution;
  expect(periods.length).toBeGreaterThanOrEqual(1);
  expect(periods[periods.length - 1].validTo).toBeNull();
  periods.forEach((period, index) => {
    expect(isIsoDate(period.validFrom)).toBe(true);
    expect(period.parent).not.toBe(institution.institutionId);
    const next = periods[index + 1];
    if (next) {
      // No overlap and no gap: each period ends the day before the next begins.
      expect(next.validFrom > period.validFrom).toBe(true);
      expect(period.validTo).toBe(dayBefore(next.validFrom));
      expect(period.validTo !== null && period.validFrom <= period.validTo).toBe(true);
      expect(JSON.stringify([period.name, period.parent])).not.toBe(JSON.stringify([next.name, next.parent]));
    }
  });
}

describe('Institution invariants', () => {
  it('hold after any sequence of commands, refused ones skipped; the state never changes', () => {
    fc.assert(
      fc.property(institutionCommands, (commands) => {
        runCommands(institutionDecider, commands, ({ before, after }) => {
          if (before.status === 'registered') {
            expect(after.status === 'registered' && after.state).toBe(before.state);
          }
          assertInvariants(after);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('reach renamed institutions, so the invariants are not checked in vain', () => {
    const finals = fc
      .sample(institutionCommands, { numRuns: 300, seed: 42 })
      .map((c) => runCommands(institutionDecider, c));
    expect(finals.filter((i) => i.status === 'registered' && i.periods.length > 2).length).toBeGreaterThan(
      10,
    );
  });
});
