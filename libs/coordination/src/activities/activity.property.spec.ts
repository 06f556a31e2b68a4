import fc from 'fast-check';
import { runCommands } from '../shared/testing/run-commands.js';
import { activityDecider } from './activity.decider.js';
import type { ActivityState } from './activity.js';
import { activityCommands } from './testing/activity-arbitraries.js';

function assertInvariants(activity: ActivityState): void {
  if (activity.status === 'none') return;
  expect(activity.participatingStates).toContain(activity.leadState);
  expect(activity.plannedStart <= activity.plannedEnd).toBe(true);
  expect(Number.isInteger(activity.progress)).toBe(true);
  if (activity.status === 'completed') expect(activity.progress).toBe(100);
  else expect(activity.progress).toBeLessThanOrEqual(99);
  expect(activity.progress).toBeGreaterThanOrEqual(0);
  if (activity.status === 'scheduled') expect(activity.startedOn).toBeNull();
  if (activity.status === 'completed') {
    expect(activity.startedOn).not.toBeNull();
    expect(activity.startedOn! <= activity.completedOn!).toBe(true);
  }
  if (activity.progressAsOf !== null) expect(activity.startedOn! <= activity.progressAsOf).toBe(true);
}

describe('Activity invariants', () => {
  it('hold after any sequence of commands, refused ones skipped', () => {
    fc.assert(
      fc.property(activityCommands, (commands) => {
        runCommands(activityDecider, commands, ({ before, events, after }) => {
          assertInvariants(after);
          if (before.status === 'completed' || before.status === 'cancelled') expect(after).toEqual(before);
          if (before.status !== 'none' && after.status !== 'none') {
            expect(after.progress).toBeGreaterThanOrEqual(before.progress);
          }
          for (const event of events) {
            if (event.type === 'ActivityCompleted' || event.type === 'ProgressReported') {
              expect(before.status).toBe('started');
            }
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it('reach completed activities with progress reports, so the invariants are not checked in vain', () => {
    const finals = fc
      .sample(activityCommands, { numRuns: 300, seed: 42 })
      .map((c) => runCommands(activityDecider, c));
    expect(finals.filter((a) => a.status === 'completed').length).toBeGreaterThan(20);
    expect(
      finals.filter((a) => a.status !== 'none' && a.progress > 0 && a.progress < 100).length,
    ).toBeGreaterThan(20);
    expect(finals.filter((a) => a.status === 'cancelled').length).toBeGreaterThan(20);
  });
});
