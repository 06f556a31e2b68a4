import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { AccreditDelegation } from './meeting.commands.js';
import { meetingDecider } from './meeting.decider.js';
import {
  MEETING_ID,
  accredited,
  closed,
  convenedMeeting,
  meetingCommand,
  scheduled,
} from './testing/meeting-fixtures.js';

const accredit = (data: Partial<AccreditDelegation['data']> = {}) =>
  meetingCommand('AccreditDelegation', {
    meetingId: MEETING_ID,
    state: 'UZ',
    level: 'head-of-institution',
    ...data,
  });

describe('AccreditDelegation', () => {
  it('accredits a member delegation, recording its membership', () => {
    given(meetingDecider, [scheduled])
      .when(accredit({ state: 'TR', level: 'minister', headOfDelegation: 'President of YTB' }))
      .then([
        {
          type: 'DelegationAccredited',
          data: {
            meetingId: MEETING_ID,
            state: 'TR',
            membership: 'member',
            headOfDelegation: 'President of YTB',
            level: 'minister',
          },
        },
      ]);
  });

  it('accredits an observer delegation as observer', () => {
    given(meetingDecider, [scheduled])
      .when(accredit({ state: 'HU' }))
      .then([accredited('HU')]);
  });

  it('accredits a late delegation while the meeting sits', () => {
    given(meetingDecider, convenedMeeting)
      .when(accredit({ state: 'KG' }))
      .then([accredited('KG')]);
  });

  it('refuses to accredit the same state twice', () => {
    given(meetingDecider, [scheduled, accredited('UZ')])
      .when(accredit({ state: 'UZ' }))
      .thenRefuses(StateConflict, 'delegation.already-accredited');
  });

  it('refuses to accredit once the meeting is closed', () => {
    given(meetingDecider, [...convenedMeeting, closed])
      .when(accredit({ state: 'TR' }))
      .thenRefuses(RuleViolation, 'meeting.closed');
  });

  it('refuses an unknown state', () => {
    given(meetingDecider, [scheduled])
      .when(accredit({ state: 'XX' }))
      .thenRefuses(RuleViolation, 'state.unknown');
  });

  it('refuses an unknown level', () => {
    given(meetingDecider, [scheduled])
      .when(accredit({ level: 'king' as never }))
      .thenRefuses(RuleViolation, 'delegation.level-unknown');
  });
});
