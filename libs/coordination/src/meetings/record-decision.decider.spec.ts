import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { RecordDecision } from './meeting.commands.js';
import { meetingDecider } from './meeting.decider.js';
import {
  MEETING_ID,
  accredited,
  closed,
  convenedMeeting,
  decisionRecorded,
  meetingCommand,
  readyToConvene,
} from './testing/meeting-fixtures.js';

const record = (data: Partial<RecordDecision['data']> = {}) =>
  meetingCommand('RecordDecision', {
    meetingId: MEETING_ID,
    decisionId: 'decision-1',
    kind: 'adopted',
    text: decisionRecorded().data.text,
    subject: { planId: 'plan-diaspora-2025' },
    adoptingStates: ['UZ', 'AZ', 'KZ'],
    ...data,
  });

describe('RecordDecision', () => {
  it('records a decision adopted by accredited member states', () => {
    given(meetingDecider, convenedMeeting).when(record()).then([decisionRecorded()]);
  });

  it('records a decision without subject as about nothing in particular', () => {
    given(meetingDecider, convenedMeeting)
      .when(record({ kind: 'noted', subject: undefined, adoptingStates: [] }))
      .then([decisionRecorded({ kind: 'noted', subject: { planId: null }, adoptingStates: [] })]);
  });

  it('refuses a decision before the meeting convenes', () => {
    given(meetingDecider, readyToConvene).when(record()).thenRefuses(RuleViolation, 'meeting.not-convened');
  });

  it('refuses a decision after the meeting closed', () => {
    given(meetingDecider, [...convenedMeeting, closed])
      .when(record())
      .thenRefuses(RuleViolation, 'meeting.closed');
  });

  it('refuses a decision id already recorded', () => {
    given(meetingDecider, [...convenedMeeting, decisionRecorded()])
      .when(record({ kind: 'noted' }))
      .thenRefuses(StateConflict, 'decision.already-recorded');
  });

  it('refuses an observer among the adopting states: observers do not count', () => {
    given(meetingDecider, convenedMeeting)
      .when(record({ adoptingStates: ['UZ', 'HU'] }))
      .thenRefuses(RuleViolation, 'decision.observers-do-not-count');
  });

  it('refuses an adopting state without an accredited delegation', () => {
    given(meetingDecider, convenedMeeting)
      .when(record({ adoptingStates: ['UZ', 'TR'] }))
      .thenRefuses(RuleViolation, 'decision.adopting-state-not-accredited');
  });

  it('accepts a member state accredited after the opening', () => {
    given(meetingDecider, [...convenedMeeting, accredited('TR')])
      .when(record({ adoptingStates: ['UZ', 'TR'] }))
      .then([decisionRecorded({ adoptingStates: ['UZ', 'TR'] })]);
  });

  it('refuses an adoption nobody adopted', () => {
    given(meetingDecider, convenedMeeting)
      .when(record({ adoptingStates: [] }))
      .thenRefuses(RuleViolation, 'decision.adopting-states-required');
  });

  it('refuses a state listed twice', () => {
    given(meetingDecider, convenedMeeting)
      .when(record({ adoptingStates: ['UZ', 'UZ'] }))
      .thenRefuses(RuleViolation, 'state.listed-twice');
  });

  it('refuses an unknown kind and a text without English', () => {
    given(meetingDecider, convenedMeeting)
      .when(record({ kind: 'vetoed' as never }))
      .thenRefuses(RuleViolation, 'decision.kind-unknown');
    given(meetingDecider, convenedMeeting)
      .when(record({ text: { en: '', ru: 'Принято' } }))
      .thenRefuses(RuleViolation, 'text.english-required');
  });
});
