import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { RecordBilateralMeeting } from './meeting.commands.js';
import { meetingDecider } from './meeting.decider.js';
import {
  MEETING_ID,
  bilateralHeld,
  closed,
  convenedMeeting,
  meetingCommand,
  readyToConvene,
} from './testing/meeting-fixtures.js';

const hold = (data: Partial<RecordBilateralMeeting['data']> = {}, occurredAt = '2024-11-18T15:00:00Z') =>
  meetingCommand(
    'RecordBilateralMeeting',
    {
      meetingId: MEETING_ID,
      bilateralId: 'uz-az',
      parties: [{ state: 'UZ', institutionId: 'uz-interethnic-committee' }, { state: 'AZ' }],
      ...data,
    },
    { occurredAt },
  );

describe('RecordBilateralMeeting', () => {
  it('records two accredited delegations meeting on the margins while the meeting sits', () => {
    given(meetingDecider, convenedMeeting).when(hold()).then([bilateralHeld()]);
  });

  it('keeps the topic when one is given', () => {
    const topic = { en: 'A protocol between the diaspora institutions' };
    given(meetingDecider, convenedMeeting)
      .when(hold({ topic }))
      .then([bilateralHeld({ topic })]);
  });

  it('records one held on the meeting date before the opening', () => {
    given(meetingDecider, readyToConvene).when(hold()).then([bilateralHeld()]);
  });

  it('refuses one on another day before the meeting convened', () => {
    given(meetingDecider, readyToConvene)
      .when(hold({}, '2024-11-17T18:00:00Z'))
      .thenRefuses(RuleViolation, 'bilateral.not-on-the-margins');
  });

  it('refuses one after the meeting closed, even on its date', () => {
    given(meetingDecider, [...convenedMeeting, closed])
      .when(hold())
      .thenRefuses(RuleViolation, 'meeting.closed');
  });

  it('refuses a bilateral id already recorded', () => {
    given(meetingDecider, [...convenedMeeting, bilateralHeld()])
      .when(hold())
      .thenRefuses(StateConflict, 'bilateral.already-recorded');
  });

  it.each([[[{ state: 'UZ' }]], [[{ state: 'UZ' }, { state: 'AZ' }, { state: 'KZ' }]]])(
    'refuses %j: a bilateral meeting has exactly two parties',
    (parties) => {
      given(meetingDecider, convenedMeeting)
        .when(hold({ parties }))
        .thenRefuses(RuleViolation, 'bilateral.two-parties');
    },
  );

  it('refuses two parties of the same state', () => {
    given(meetingDecider, convenedMeeting)
      .when(hold({ parties: [{ state: 'UZ' }, { state: 'UZ', institutionId: 'uz-ministry-of-culture' }] }))
      .thenRefuses(RuleViolation, 'bilateral.same-state');
  });

  it('refuses a party without an accredited delegation, or of an unknown state', () => {
    given(meetingDecider, convenedMeeting)
      .when(hold({ parties: [{ state: 'UZ' }, { state: 'TR' }] }))
      .thenRefuses(RuleViolation, 'bilateral.party-not-accredited');
    given(meetingDecider, convenedMeeting)
      .when(hold({ parties: [{ state: 'UZ' }, { state: 'RU' }] }))
      .thenRefuses(RuleViolation, 'state.unknown');
  });

  it('accepts an observer delegation as a party', () => {
    const parties = [{ state: 'HU' }, { state: 'KZ' }];
    given(meetingDecider, convenedMeeting)
      .when(hold({ parties }))
      .then([bilateralHeld({ parties: parties.map((p) => ({ ...p, institutionId: null })) })]);
  });
});
