import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import { meetingDecider } from './meeting.decider.js';
import {
  MEETING_ID,
  accredited,
  closed,
  convened,
  convenedMeeting,
  meetingCommand,
  readyToConvene,
  scheduled,
} from './testing/meeting-fixtures.js';

const convene = meetingCommand('ConveneMeeting', { meetingId: MEETING_ID });
const close = meetingCommand('CloseMeeting', { meetingId: MEETING_ID });

describe('ConveneMeeting', () => {
  it('convenes with the host and a quorum of member states, naming them', () => {
    given(meetingDecider, readyToConvene)
      .when(convene)
      .then([convened('UZ', 'AZ', 'KZ')]);
  });

  it('refuses to convene without the host state accredited', () => {
    given(meetingDecider, [scheduled, accredited('AZ'), accredited('KZ'), accredited('KG')])
      .when(convene)
      .thenRefuses(RuleViolation, 'meeting.host-not-accredited');
  });

  it('refuses to convene with fewer than 3 member states, observers not counted', () => {
    const events = [
      scheduled,
      accredited('UZ'),
      accredited('AZ'),
      accredited('HU'),
      accredited('TM'),
      accredited('XC'),
    ];
    given(meetingDecider, events).when(convene).thenRefuses(RuleViolation, 'meeting.quorum-not-reached');
  });

  it('refuses to convene twice', () => {
    given(meetingDecider, convenedMeeting)
      .when(convene)
      .thenRefuses(StateConflict, 'meeting.already-convened');
  });

  it('refuses to convene a closed meeting', () => {
    given(meetingDecider, [...convenedMeeting, closed])
      .when(convene)
      .thenRefuses(RuleViolation, 'meeting.closed');
  });
});

describe('CloseMeeting', () => {
  it('closes a convened meeting', () => {
    given(meetingDecider, convenedMeeting).when(close).then([closed]);
  });

  it('refuses to close a meeting that has not convened', () => {
    given(meetingDecider, readyToConvene).when(close).thenRefuses(RuleViolation, 'meeting.not-convened');
  });

  it('refuses to close twice', () => {
    given(meetingDecider, [...convenedMeeting, closed])
      .when(close)
      .thenRefuses(StateConflict, 'meeting.already-closed');
  });
});
