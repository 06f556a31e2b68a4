import { EntityNotFound, RuleViolation } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { ImplementationStatus } from './follow-up.js';
import { followUpDecider } from './follow-up.decider.js';
import { FOLLOW_UP_ID, assigned, followUpCommand, statusUpdated } from './testing/follow-up-fixtures.js';

const update = (status: ImplementationStatus, note?: { en: string }) =>
  followUpCommand('UpdateImplementationStatus', {
    followUpId: FOLLOW_UP_ID,
    status,
    ...(note ? { note } : {}),
  });
const started = [assigned(), statusUpdated('in-progress', 'not-started')];

describe('UpdateImplementationStatus', () => {
  it('starts a follow-up, with a note', () => {
    const note = { en: 'Baku proposed as the venue' };
    const { state } = given(followUpDecider, [assigned()])
      .when(update('in-progress', note))
      .then([statusUpdated('in-progress', 'not-started', note)]);
    expect(state).toMatchObject({ implementation: 'in-progress' });
  });

  it.each(['implemented', 'not-applicable', 'not-started'] as const)(
    'moves an open follow-up to %p',
    (status) => {
      given(followUpDecider, started)
        .when(update(status))
        .then([statusUpdated(status, 'in-progress')]);
    },
  );

  it('refuses a follow-up never assigned', () => {
    given(followUpDecider).when(update('in-progress')).thenRefuses(EntityNotFound, 'followup.not-found');
  });

  it('refuses a status that does not change', () => {
    given(followUpDecider, [assigned()])
      .when(update('not-started'))
      .thenRefuses(RuleViolation, 'followup.status-unchanged');
  });

  it.each(['implemented', 'not-applicable'] as const)(
    'refuses any change once %p, which is final',
    (final) => {
      const done = [...started, statusUpdated(final, 'in-progress')];
      given(followUpDecider, done)
        .when(update('in-progress'))
        .thenRefuses(RuleViolation, 'followup.status-final');
      given(followUpDecider, done).when(update(final)).thenRefuses(RuleViolation, 'followup.status-final');
    },
  );

  it('refuses an unknown status and a note without English', () => {
    given(followUpDecider, [assigned()])
      .when(update('done' as never))
      .thenRefuses(RuleViolation, 'followup.status-unknown');
    given(followUpDecider, [assigned()])
      .when(update('in-progress', { en: '' }))
      .thenRefuses(RuleViolation, 'text.english-required');
  });
});
