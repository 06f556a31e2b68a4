import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { ScheduleReview } from './follow-up.commands.js';
import { followUpDecider } from './follow-up.decider.js';
import type { ReviewScheduled } from './follow-up.js';
import { FOLLOW_UP_ID, assigned, followUpCommand, statusUpdated } from './testing/follow-up-fixtures.js';

const schedule = (data: Partial<ScheduleReview['data']> = {}) =>
  followUpCommand('ScheduleReview', { followUpId: FOLLOW_UP_ID, reviewOn: '2025-11-20', ...data });
const reviewed = (reviewOn = '2025-11-20', meetingId: string | null = null): ReviewScheduled => ({
  type: 'ReviewScheduled',
  data: { followUpId: FOLLOW_UP_ID, reviewOn, meetingId },
});

describe('ScheduleReview', () => {
  it('schedules a review, at the next meeting of the series', () => {
    given(followUpDecider, [assigned()])
      .when(schedule({ meetingId: 'diaspora-ministerial-7' }))
      .then([reviewed('2025-11-20', 'diaspora-ministerial-7')]);
  });

  it('schedules several reviews on different days, and one on the day of the decision', () => {
    const { state } = given(followUpDecider, [assigned(), reviewed()])
      .when(schedule({ reviewOn: '2024-11-18' }))
      .then([reviewed('2024-11-18')]);
    expect(state).toMatchObject({ reviews: [{ reviewOn: '2025-11-20' }, { reviewOn: '2024-11-18' }] });
  });

  it('refuses a follow-up never assigned', () => {
    given(followUpDecider).when(schedule()).thenRefuses(EntityNotFound, 'followup.not-found');
  });

  it('refuses a second review on the same day', () => {
    given(followUpDecider, [assigned(), reviewed()])
      .when(schedule())
      .thenRefuses(StateConflict, 'followup.review-already-scheduled');
  });

  it('refuses a review before the decision was taken', () => {
    given(followUpDecider, [assigned()])
      .when(schedule({ reviewOn: '2024-11-17' }))
      .thenRefuses(RuleViolation, 'followup.review-before-decision');
  });

  it('refuses a review of a follow-up whose status is final', () => {
    given(followUpDecider, [assigned(), statusUpdated('not-applicable', 'not-started')])
      .when(schedule())
      .thenRefuses(RuleViolation, 'followup.status-final');
  });

  it('refuses a date that is not a date and a blank meeting', () => {
    given(followUpDecider, [assigned()])
      .when(schedule({ reviewOn: 'soon' }))
      .thenRefuses(RuleViolation, 'date.invalid');
    given(followUpDecider, [assigned()])
      .when(schedule({ meetingId: ' ' }))
      .thenRefuses(RuleViolation, 'followup.review-meeting-blank');
  });
});
