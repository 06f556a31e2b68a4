import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { RecordBriefing } from './meeting.commands.js';
import { meetingDecider } from './meeting.decider.js';
import {
  MEETING_ID,
  STRATEGIC_DOCUMENTS,
  briefingDelivered,
  closed,
  convenedMeeting,
  meetingCommand,
  readyToConvene,
} from './testing/meeting-fixtures.js';

const brief = (data: Partial<RecordBriefing['data']> = {}) =>
  meetingCommand('RecordBriefing', {
    meetingId: MEETING_ID,
    briefingId: 'secretariat-briefing',
    by: { institutionId: 'ots-secretariat', role: { en: 'Deputy Secretary General' } },
    topic: { en: 'The strategic documents of the OTS' },
    citesStrategicDocuments: STRATEGIC_DOCUMENTS,
    ...data,
  });

describe('RecordBriefing', () => {
  it('records the Secretariat briefing on the three strategic documents', () => {
    given(meetingDecider, convenedMeeting).when(brief()).then([briefingDelivered()]);
  });

  it('records a briefing by a speaker of no named institution, citing nothing', () => {
    const by = { role: { en: 'Head of the Youth Department' } };
    given(meetingDecider, convenedMeeting)
      .when(brief({ by, citesStrategicDocuments: [] }))
      .then([briefingDelivered({ by: { institutionId: null, ...by }, citesStrategicDocuments: [] })]);
  });

  it('refuses a briefing before the meeting convenes or after it closed', () => {
    given(meetingDecider, readyToConvene).when(brief()).thenRefuses(RuleViolation, 'meeting.not-convened');
    given(meetingDecider, [...convenedMeeting, closed])
      .when(brief())
      .thenRefuses(RuleViolation, 'meeting.closed');
  });

  it('refuses a briefing id already recorded', () => {
    given(meetingDecider, [...convenedMeeting, briefingDelivered()])
      .when(brief())
      .thenRefuses(StateConflict, 'briefing.already-recorded');
  });

  it('refuses a document cited twice or a blank document id', () => {
    const twice = ['turkic-world-vision-2040', 'turkic-world-vision-2040'];
    given(meetingDecider, convenedMeeting)
      .when(brief({ citesStrategicDocuments: twice }))
      .thenRefuses(RuleViolation, 'document.cited-twice');
    given(meetingDecider, convenedMeeting)
      .when(brief({ citesStrategicDocuments: [''] }))
      .thenRefuses(RuleViolation, 'document.id-required');
  });

  it('refuses a briefing without a speaker, or whose topic or role has no English', () => {
    given(meetingDecider, convenedMeeting)
      .when(brief({ by: undefined as never }))
      .thenRefuses(RuleViolation, 'briefing.by-required');
    given(meetingDecider, convenedMeeting)
      .when(brief({ topic: { tr: 'Strateji' } as never }))
      .thenRefuses(RuleViolation, 'text.english-required');
    given(meetingDecider, convenedMeeting)
      .when(brief({ by: { role: { en: ' ' } } }))
      .thenRefuses(RuleViolation, 'text.english-required');
  });
});
