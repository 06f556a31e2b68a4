import fc from 'fast-check';
import type { DecisionFacts, DecisionSubject } from '../../shared/decision-facts.js';
import type { LocalizedText } from '../../shared/localized-text.js';
import { metadata } from '../../shared/testing/command.js';
import type { AddActivityToPlan, AdoptPlan, DraftPlan, PlanCommand } from '../joint-activity-plan.decider.js';
import { ACTIVITY_KINDS } from '../joint-activity-plan.js';

const PLAN = 'p1';
const KNOWN = ['AZ', 'KZ', 'KG', 'TR', 'UZ', 'HU', 'TM', 'XC'];
const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];
const meta = metadata({ recordedAt: '2024-11-18T12:00:00Z' });

/** Mostly valid values, sometimes invalid ones, so that commands are accepted often enough. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });

const anyStates = fc.array(fc.constantFrom(...KNOWN, 'RU'), { maxLength: 6 });
const date = mostly(
  fc.constantFrom('2025-02-28', '2025-05-20', '2025-09-01', '2025-12-31'),
  fc.constantFrom('2025-02-30', 'soon'),
);
const title = mostly<LocalizedText>(
  fc.constantFrom({ en: 'Forum' }, { en: 'Forum', ky: 'Форум' }),
  fc.constantFrom({ en: '' }, { ru: 'Форум' } as never),
);

const draft: fc.Arbitrary<DraftPlan> = fc
  .record({
    planId: fc.constant(PLAN),
    seriesId: mostly(fc.constant('diaspora-ministerial'), fc.constant('')),
    year: mostly(fc.integer({ min: 2024, max: 2027 }), fc.integer({ min: 2000, max: 2040 })),
    title,
  })
  .map((data) => ({ type: 'DraftPlan', data, metadata: meta }));

const statesAndLead = mostly(
  fc.subarray(KNOWN, { minLength: 1 }).chain((participatingStates) =>
    fc.record({
      participatingStates: fc.constant(participatingStates),
      leadState: fc.constantFrom(...participatingStates),
    }),
  ),
  fc.record({ participatingStates: anyStates, leadState: fc.constantFrom(...KNOWN, 'RU') }),
);

const add: fc.Arbitrary<AddActivityToPlan> = fc
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
  .map(([data, states]) => ({
    type: 'AddActivityToPlan',
    data: { planId: PLAN, ...data, ...states },
    metadata: meta,
  }));

const facts: fc.Arbitrary<DecisionFacts> = fc.record({
  meetingId: fc.constant('m1'),
  decisionId: fc.constant('d1'),
  seriesId: fc.constant('diaspora-ministerial'),
  meetingDate: mostly(fc.constant('2024-11-18'), fc.constant('2031-01-01')),
  meetingConvened: mostly(fc.constant(true), fc.constant(false)),
  kind: mostly(
    fc.constant('adopted' as const),
    fc.constantFrom('agreed-to-organise' as const, 'noted' as const),
  ),
  subject: mostly<DecisionSubject>(
    fc.constant({ planId: PLAN }),
    fc.record({ planId: fc.constantFrom('p2', null) }),
  ),
  adoptingStates: mostly(fc.subarray(MEMBERS, { minLength: 1 }), anyStates),
  accreditedMemberStates: mostly(fc.constant(MEMBERS), fc.subarray(MEMBERS)),
});

const adopt: fc.Arbitrary<AdoptPlan> = fc
  .record({
    decision: fc.option(facts, { freq: 5 }),
    adoptedPlanOfSeriesYear: fc.option(fc.constantFrom(PLAN, 'p2'), { freq: 2 }),
  })
  .map((facts) => ({
    type: 'AdoptPlan',
    data: { planId: PLAN, decision: { meetingId: 'm1', decisionId: 'd1' }, facts },
    metadata: meta,
  }));

/** Valid and invalid commands on one plan stream, in any order. */
export const planCommands: fc.Arbitrary<PlanCommand[]> = fc.array(
  fc.oneof({ arbitrary: draft, weight: 2 }, { arbitrary: add, weight: 5 }, { arbitrary: adopt, weight: 2 }),
  { maxLength: 30, size: 'max' },
);
