import fc from 'fast-check';
import { isIsoDate } from '../shared/iso-date.js';
import { isKnownState, isMemberState } from '../shared/states.js';
import { runCommands } from '../shared/testing/run-commands.js';
import { planDecider } from './joint-activity-plan.decider.js';
import type { PlanState } from './joint-activity-plan.js';
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
  if (plan.status === 'adopted') {
    expect(plan.activities.length).toBeGreaterThanOrEqual(1);
    expect(plan.adoption?.decision).toEqual({ meetingId: 'm1', decisionId: 'd1' });
    expect(plan.adoption?.adoptingStates.length).toBeGreaterThanOrEqual(1);
    expect(plan.adoption?.adoptingStates.every(isMemberState)).toBe(true);
  } else {
    expect(plan.adoption).toBeNull();
  }
}

describe('JointActivityPlan invariants', () => {
  it('hold after any sequence of commands, refused ones skipped', () => {
    fc.assert(
      fc.property(planCommands, (commands) => {
        runCommands(planDecider, commands, ({ before, after }) => {
          assertInvariants(after);
          if (before.status === 'adopted') expect(after).toEqual(before);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('reach adopted plans, so the invariants are not checked in vain', () => {
    const finals = fc
      .sample(planCommands, { numRuns: 300, seed: 42 })
      .map((c) => runCommands(planDecider, c));
    expect(finals.filter((plan) => plan.status === 'adopted').length).toBeGreaterThan(10);
  });
});
