import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { CompleteActivity } from './activity.commands.js';
import { activityDecider } from './activity.decider.js';
import {
  ACTIVITY_ID,
  activityCommand,
  cancelled,
  completed,
  progressed,
  scheduled,
  started,
} from './testing/activity-fixtures.js';

const start = (startedOn = '2025-05-20', recordedAt?: string) =>
  activityCommand('StartActivity', { activityId: ACTIVITY_ID, startedOn }, recordedAt ? { recordedAt } : {});
const complete = (data: Partial<CompleteActivity['data']> = {}) =>
  activityCommand('CompleteActivity', { activityId: ACTIVITY_ID, completedOn: '2025-05-22', ...data });

describe('StartActivity', () => {
  it('starts a scheduled activity, on another day than planned if so', () => {
    given(activityDecider, [scheduled()]).when(start()).then([started()]);
    given(activityDecider, [scheduled()])
      .when(start('2025-06-02'))
      .then([started('2025-06-02')]);
  });

  it('accepts the next calendar day in UTC: east of Greenwich it is already tomorrow', () => {
    given(activityDecider, [scheduled()])
      .when(start('2025-05-21', '2025-05-20T20:30:00Z'))
      .then([started('2025-05-21')]);
  });

  it('refuses a start that has not happened yet', () => {
    given(activityDecider, [scheduled()])
      .when(start('2025-05-22', '2025-05-20T20:30:00Z'))
      .thenRefuses(RuleViolation, 'activity.date-in-future');
  });

  it('refuses an activity never scheduled', () => {
    given(activityDecider).when(start()).thenRefuses(EntityNotFound, 'activity.not-found');
  });

  it('refuses to start twice', () => {
    given(activityDecider, [scheduled(), started()])
      .when(start())
      .thenRefuses(StateConflict, 'activity.already-started');
  });
});

describe('CompleteActivity', () => {
  it('completes a started activity with its outcome, at 100%', () => {
    const outcome = { en: 'Some 300 diaspora NGOs took part' };
    const { state } = given(activityDecider, [scheduled(), started(), progressed(60)])
      .when(complete({ outcome }))
      .then([
        { type: 'ActivityCompleted', data: { activityId: ACTIVITY_ID, completedOn: '2025-05-22', outcome } },
      ]);
    expect(state).toMatchObject({ status: 'completed', progress: 100, completedOn: '2025-05-22' });
  });

  it('completes an activity on the day it started', () => {
    given(activityDecider, [scheduled(), started('2025-05-22')])
      .when(complete())
      .then([completed]);
  });

  it('refuses to complete an activity that never started', () => {
    given(activityDecider, [scheduled()]).when(complete()).thenRefuses(RuleViolation, 'activity.not-started');
  });

  it('refuses a completion before the start, or before the last progress report', () => {
    given(activityDecider, [scheduled(), started()])
      .when(complete({ completedOn: '2025-05-19' }))
      .thenRefuses(RuleViolation, 'activity.completed-before-started');
    given(activityDecider, [scheduled(), started(), progressed(50, '2025-05-22')])
      .when(complete({ completedOn: '2025-05-21' }))
      .thenRefuses(RuleViolation, 'activity.completed-before-last-progress');
  });

  it('refuses a completion in the future and an outcome without English', () => {
    given(activityDecider, [scheduled(), started()])
      .when(complete({ completedOn: '2026-05-22' }))
      .thenRefuses(RuleViolation, 'activity.date-in-future');
    given(activityDecider, [scheduled(), started()])
      .when(complete({ outcome: { en: ' ' } }))
      .thenRefuses(RuleViolation, 'text.english-required');
  });

  it.each([
    ['completed', completed],
    ['cancelled', cancelled],
  ])('is final once %s: nothing more is recorded', (_status, last) => {
    const history = [scheduled(), started(), last];
    given(activityDecider, history).when(complete()).thenRefuses(RuleViolation, 'activity.final');
    given(activityDecider, history).when(start()).thenRefuses(RuleViolation, 'activity.final');
  });
});
