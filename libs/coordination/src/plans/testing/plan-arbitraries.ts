import fc from 'fast-check';
import type { DecisionFacts, DecisionSubject } from '../../shared/decision-facts.js';
import type {
  AddActivityToPlan,
  AdoptPlan,
  DraftPlan,
  PlanCommand,
} from '../joint-activity-plan.commands.js';
import { amend, close } from './plan-amendment-arbitraries.js';
import { MEMBERS, PLAN, activity, anyStates, meta, mostly, title } from './plan-arbitrary-parts.js';

const draft: fc.Arbitrary<DraftPlan> = fc
  .record({
    planId: fc.constant(PLAN),
    seriesId: mostly(fc.constant('diaspora-ministerial'), fc.constant('')),
    year: mostly(fc.integer({ min: 2024, max: 2027 }), fc.integer({ min: 2000, max: 2040 })),
    title,
  })
  .map((data) => ({ type: 'DraftPlan', data, metadata: meta }));

const add: fc.Arbitrary<AddActivityToPlan> = activity.map((data) => ({
  type: 'AddActivityToPlan',
  data: { planId: PLAN, ...data },
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

const anyCommand = fc.oneof(
  { arbitrary: draft, weight: 2 },
  { arbitrary: add, weight: 5 },
  { arbitrary: adopt, weight: 2 },
  { arbitrary: amend, weight: 2 },
  { arbitrary: close, weight: 1 },
);

/** Adoptions, amendments and closings, once activities are likely to be in the plan. */
const ending = fc.array(
  fc.oneof(
    { arbitrary: adopt, weight: 3 },
    { arbitrary: amend, weight: 6 },
    { arbitrary: close, weight: 1 },
    { arbitrary: anyCommand, weight: 2 },
  ),
  { maxLength: 12 },
);

/** Valid and invalid commands on one plan stream, in any order, usually opened by a draft. */
export const planCommands: fc.Arbitrary<PlanCommand[]> = fc
  .tuple(fc.option(draft, { freq: 4 }), fc.array(anyCommand, { maxLength: 30, size: 'max' }), ending)
  .map(([first, commands, end]) => [...(first ? [first] : []), ...commands, ...end]);
