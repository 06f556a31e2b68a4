import fc from 'fast-check';
import type { DecisionFacts, DecisionSubject } from '../../shared/decision-facts.js';
import { metadata } from '../../shared/testing/command.js';
import type { AmendPlan, ClosePlan } from '../joint-activity-plan.commands.js';
import { MEMBERS, PLAN, activity, meta, mostly, title } from './plan-arbitrary-parts.js';

/** A decision that amends: binding, of a convened meeting, about no other plan, not older; or one of these wrong. */
const amendingFacts: fc.Arbitrary<DecisionFacts> = fc
  .tuple(
    fc.record({
      meetingId: fc.constant('m2'),
      decisionId: fc.constant('d2'),
      seriesId: fc.constant('diaspora-ministerial'),
      meetingDate: fc.constantFrom('2024-11-18', '2025-03-01'),
      meetingConvened: fc.constant(true),
      kind: fc.constantFrom('adopted' as const, 'agreed-to-organise' as const),
      subject: fc.constantFrom<DecisionSubject>({ planId: PLAN }, { planId: null }),
      adoptingStates: fc.constant(MEMBERS),
      accreditedMemberStates: fc.constant(MEMBERS),
    }),
    mostly<Partial<DecisionFacts>>(
      fc.constant({}),
      fc.constantFrom<Partial<DecisionFacts>>(
        { meetingDate: '2023-01-01' },
        { meetingConvened: false },
        { kind: 'noted' },
        { subject: { planId: 'p2' } },
      ),
    ),
  )
  .map(([valid, wrong]) => ({ ...valid, ...wrong }));

export const amend: fc.Arbitrary<AmendPlan> = fc
  .record({
    amendmentId: fc.constantFrom('x1', 'x2', 'x3'),
    decision: fc.option(amendingFacts, { freq: 6 }),
    changes: fc.record(
      {
        addActivities: fc.array(
          fc.tuple(activity, fc.constantFrom('a3', 'a4', 'a5')).map(([a, id]) => ({ ...a, activityId: id })),
          { maxLength: 2 },
        ),
        removeActivityIds: fc.subarray(['a1', 'a2', 'a3', 'a9'], { maxLength: 2 }),
        retitle: title,
      },
      { requiredKeys: [] },
    ),
  })
  .map(({ amendmentId, decision, changes }) => ({
    type: 'AmendPlan',
    data: {
      planId: PLAN,
      amendmentId,
      decision: { meetingId: 'm2', decisionId: 'd2' },
      changes,
      facts: { decision },
    },
    metadata: meta,
  }));

export const close: fc.Arbitrary<ClosePlan> = fc
  .record({ closedOn: mostly(fc.constant('2025-12-31'), fc.constantFrom('2024-01-01', '2026-12-31')) })
  .map(({ closedOn }) => ({
    type: 'ClosePlan',
    data: { planId: PLAN, closedOn },
    metadata: metadata({ recordedAt: '2026-01-15T12:00:00Z' }),
  }));
