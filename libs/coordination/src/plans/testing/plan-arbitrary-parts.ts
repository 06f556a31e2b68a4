import fc from 'fast-check';
import type { LocalizedText } from '../../shared/localized-text.js';
import { metadata } from '../../shared/testing/command.js';
import { ACTIVITY_KINDS } from '../joint-activity-plan.js';

export const PLAN = 'p1';
export const KNOWN = ['AZ', 'KZ', 'KG', 'TR', 'UZ', 'HU', 'TM', 'XC'];
export const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];
export const meta = metadata({ recordedAt: '2024-11-18T12:00:00Z' });

/** Mostly valid values, sometimes invalid ones, so that commands are accepted often enough. */
export const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });

export const anyStates = fc.array(fc.constantFrom(...KNOWN, 'RU'), { maxLength: 6 });
const date = mostly(
  fc.constantFrom('2025-02-28', '2025-05-20', '2025-09-01', '2025-12-31'),
  fc.constantFrom('2025-02-30', 'soon'),
);
export const title = mostly<LocalizedText>(
  fc.constantFrom({ en: 'Forum' }, { en: 'Forum', ky: 'Форум' }),
  fc.constantFrom({ en: '' }, { ru: 'Форум' } as never),
);

const statesAndLead = mostly(
  fc.subarray(KNOWN, { minLength: 1 }).chain((participatingStates) =>
    fc.record({
      participatingStates: fc.constant(participatingStates),
      leadState: fc.constantFrom(...participatingStates),
    }),
  ),
  fc.record({ participatingStates: anyStates, leadState: fc.constantFrom(...KNOWN, 'RU') }),
);

export const activity = fc
  .tuple(
    fc.record(
      {
        activityId: mostly(fc.constantFrom('a1', 'a2', 'a3'), fc.constant('')),
        kind: mostly(fc.constantFrom(...ACTIVITY_KINDS), fc.constant('party' as never)),
        title,
        plannedStart: date,
        plannedEnd: date,
      },
      { requiredKeys: ['activityId', 'kind', 'title'] },
    ),
    statesAndLead,
  )
  .map(([data, states]) => ({ ...data, ...states }));
