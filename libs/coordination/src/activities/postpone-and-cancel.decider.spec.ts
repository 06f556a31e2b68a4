import { EntityNotFound, RuleViolation } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { PostponeActivity } from './activity.commands.js';
import { activityDecider } from './activity.decider.js';
import {
  ACTIVITY_ID,
  activityCommand,
  cancelled,
  completed,
  scheduled,
  started,
} from './testing/activity-fixtures.js';

const reason = { en: 'The venue is being renovated' };
const postpone = (data: Partial<PostponeActivity['data']> = {}) =>
  activityCommand('PostponeActivity', {
    activityId: ACTIVITY_ID,
    newStart: '2025-09-10',
    newEnd: '2025-09-12',
    reason,
    ...data,
  });
const cancel = activityCommand('CancelActivity', {
  activityId: ACTIVITY_ID,
  reason: { en: 'The host withdrew' },
});

describe('PostponeActivity', () => {
  it('moves a scheduled activity to later dates, keeping the dates it replaces', () => {
    const { state } = given(activityDecider, [scheduled()])
      .when(postpone())
      .then([
        {
          type: 'ActivityPostponed',
          data: {
            activityId: ACTIVITY_ID,
            previousStart: '2025-05-20',
            previousEnd: '2025-05-22',
            newStart: '2025-09-10',
            newEnd: '2025-09-12',
            reason,
          },
        },
      ]);
    expect(state).toMatchObject({
      status: 'scheduled',
      plannedStart: '2025-09-10',
      plannedEnd: '2025-09-12',
    });
  });

  it('refuses a new end before the new start', () => {
    given(activityDecider, [scheduled()])
      .when(postpone({ newEnd: '2025-09-09' }))
      .thenRefuses(RuleViolation, 'activity.end-before-start');
  });

  it('refuses to bring an activity forward', () => {
    given(activityDecider, [scheduled()])
      .when(postpone({ newStart: '2025-05-19' }))
      .thenRefuses(RuleViolation, 'activity.postpone-brings-forward');
  });

  it('refuses to postpone an activity that already started, and one never scheduled', () => {
    given(activityDecider, [scheduled(), started()])
      .when(postpone())
      .thenRefuses(RuleViolation, 'activity.started-cannot-postpone');
    given(activityDecider).when(postpone()).thenRefuses(EntityNotFound, 'activity.not-found');
  });

  it('refuses a postponement without a reason in English', () => {
    given(activityDecider, [scheduled()])
      .when(postpone({ reason: undefined as never }))
      .thenRefuses(RuleViolation, 'text.english-required');
  });
});

describe('CancelActivity', () => {
  it('cancels a scheduled or a running activity', () => {
    given(activityDecider, [scheduled()]).when(cancel).then([cancelled]);
    const { state } = given(activityDecider, [scheduled(), started()]).when(cancel).then([cancelled]);
    expect(state.status).toBe('cancelled');
  });

  it('refuses anything after a cancellation or a completion', () => {
    for (const history of [
      [scheduled(), cancelled],
      [scheduled(), started(), completed],
    ]) {
      given(activityDecider, history).when(cancel).thenRefuses(RuleViolation, 'activity.final');
      given(activityDecider, history).when(postpone()).thenRefuses(RuleViolation, 'activity.final');
    }
  });
});
