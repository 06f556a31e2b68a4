import fc from 'fast-check';
import { isIsoDate } from '../shared/iso-date.js';
import { isKnownState, isMemberState } from '../shared/states.js';
import { runCommands } from '../shared/testing/run-commands.js';
import { planDecider } from './joint-activity-plan.decider.js';
import type { PlanEvent, PlanState } from './joint-activity-plan.js';
import { planCommands } from './testing/plan-arbitraries.js';

function assertInvariants(plan: PlanState): void {
  if (plan.status === 'none') return;
  expect(plan.year).toBeGreaterThanOrEqual(2009);
  const ids = plan.activities.map((a) => a.activityId);
  expect(new Set(ids).size).toBe(ids.length);
  for (const activity of plan.activities) {
    expect(activity.participatingStates).toContain(activity.leadState);
    expect(new Set(activity.participatingStates).size).toBe(activity.participatingStates.length);
    expect(activity.participatingStates.every(isKnownState)).toBe(true);
    for (const day of [activity.plannedStart, activity.plannedEnd])
      if (day !== null) expect(isIsoDate(day)).toBe(true);
    if (activity.plannedStart && activity.plannedEnd) {
      expect(activity.plannedStart <= activity.plannedEnd).toBe(true);
    }
  }
  const amendmentIds = plan.amendments.map((a) => a.amendmentId);
  expect(new Set(amendmentIds).size).toBe(amendmentIds.length);
  if (plan.status === 'drafted') {
    expect([plan.adoption, plan.closure, plan.amendments]).toEqual([null, null, []]);
    return;
  }
  expect(plan.activities.length).toBeGreaterThanOrEqual(1);
  expect(plan.adoption?.decision).toEqual({ meetingId: 'm1', decisionId: 'd1' });
  expect(plan.adoption?.adoptingStates.length).toBeGreaterThanOrEqual(1);
  expect(plan.adoption?.adoptingStates.every(isMemberState)).toBe(true);
  for (const amendment of plan.amendments) {
    expect(amendment.decision).toEqual({ meetingId: 'm2', decisionId: 'd2' });
    expect(amendment.amendedOn >= (plan.adoption?.adoptedOn ?? '')).toBe(true);
  }
  expect(plan.closure === null).toBe(plan.status === 'adopted');
  if (plan.closure) expect(plan.closure.closedOn >= (plan.adoption?.adoptedOn ?? '')).toBe(true);
}

function assertStep(before: PlanState, events: readonly PlanEvent[], after: PlanState): void {
  if (before.status === 'closed') expect(after).toEqual(before);
  if (before.status === 'adopted') {
    for (const event of events) expect(['PlanAmended', 'PlanClosed']).toContain(event.type);
  }
  for (const event of events) {
    if (event.type === 'PlanAmended' || event.type === 'PlanClosed') expect(before.status).toBe('adopted');
  }
}

describe('JointActivityPlan invariants', () => {
  it('hold after any sequence of commands, refused ones skipped', () => {
    fc.assert(
      fc.property(planCommands, (commands) => {
        runCommands(planDecider, commands, ({ before, events, after }) => {
          assertStep(before, events, after);
          assertInvariants(after);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('reach adopted, amended and closed plans, so the invariants are not checked in vain', () => {
    const finals = fc
      .sample(planCommands, { numRuns: 500, seed: 42 })
      .map((c) => runCommands(planDecider, c));
    expect(finals.filter((plan) => plan.status !== 'none' && plan.adoption !== null).length).toBeGreaterThan(
      10,
    );
    expect(
      finals.filter((plan) => plan.status !== 'none' && plan.amendments.length > 0).length,
    ).toBeGreaterThan(10);
    expect(finals.filter((plan) => plan.status === 'closed').length).toBeGreaterThan(10);
  });
});
