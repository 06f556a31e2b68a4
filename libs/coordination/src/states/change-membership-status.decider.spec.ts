import { EntityNotFound, RuleViolation } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { ChangeMembershipStatus } from './state.commands.js';
import { stateDecider } from './state.decider.js';
import { membershipChanged, registered, stateCommand } from './testing/state-fixtures.js';

const change = (data: Partial<ChangeMembershipStatus['data']> = {}) =>
  stateCommand('ChangeMembershipStatus', { code: 'HU', membership: 'member', since: '2026-01-01', ...data });

describe('ChangeMembershipStatus', () => {
  it('makes an observer a member, keeping the status it ends', () => {
    const { state } = given(stateDecider, [registered()]).when(change()).then([membershipChanged()]);
    expect(state).toMatchObject({
      membership: 'member',
      since: '2026-01-01',
      periods: [
        { membership: 'observer', since: '2018-09-03' },
        { membership: 'member', since: '2026-01-01' },
      ],
    });
  });

  it('changes back after a later day', () => {
    given(stateDecider, [registered(), membershipChanged()])
      .when(change({ membership: 'observer', since: '2026-01-02' }))
      .then([
        membershipChanged({ membership: 'observer', previousMembership: 'member', since: '2026-01-02' }),
      ]);
  });

  it('refuses a state never registered', () => {
    given(stateDecider).when(change()).thenRefuses(EntityNotFound, 'state.not-found');
  });

  it('refuses a change that changes nothing', () => {
    given(stateDecider, [registered()])
      .when(change({ membership: 'observer' }))
      .thenRefuses(RuleViolation, 'state.membership-unchanged');
  });

  it.each(['2018-09-03', '2017-01-01'])(
    'refuses a change beginning on %p, not after the current status',
    (since) => {
      given(stateDecider, [registered()])
        .when(change({ since }))
        .thenRefuses(RuleViolation, 'state.membership-change-backdated');
    },
  );

  it('refuses an unknown membership or date', () => {
    given(stateDecider, [registered()])
      .when(change({ membership: 'partner' as never }))
      .thenRefuses(RuleViolation, 'state.membership-unknown');
    given(stateDecider, [registered()])
      .when(change({ since: 'next year' }))
      .thenRefuses(RuleViolation, 'date.invalid');
  });
});
