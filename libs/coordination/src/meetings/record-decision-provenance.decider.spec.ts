import { RuleViolation } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { RecordDecision } from './meeting.commands.js';
import { meetingDecider } from './meeting.decider.js';
import {
  MEETING_ID,
  STRATEGIC_DOCUMENTS,
  agendaItemAdded,
  convenedMeeting,
  decisionRecorded,
  meetingCommand,
} from './testing/meeting-fixtures.js';

const withAgenda = [...convenedMeeting, agendaItemAdded('plan-2025', 1, 'Joint Activity Plan 2025')];
const planDocument = { title: { en: 'Diaspora Joint Activity Plan of the OTS for the year 2025' } };
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

describe('RecordDecision: where a decision comes from and what it refers to', () => {
  it('records the agenda item, the documents and the strategic documents it cites', () => {
    const documents = [
      { ...planDocument, documentId: 'plan-2025-text', url: 'https://www.turkicstates.org/' },
    ];
    given(meetingDecider, withAgenda)
      .when(record({ agendaItemId: 'plan-2025', documents, citesStrategicDocuments: STRATEGIC_DOCUMENTS }))
      .then([
        decisionRecorded({
          agendaItemId: 'plan-2025',
          documents,
          citesStrategicDocuments: STRATEGIC_DOCUMENTS,
        }),
      ]);
  });

  it('records a document without id or address as null ones', () => {
    given(meetingDecider, withAgenda)
      .when(record({ documents: [planDocument] }))
      .then([decisionRecorded({ documents: [{ ...planDocument, documentId: null, url: null }] })]);
  });

  it('refuses an agenda item the meeting does not have', () => {
    given(meetingDecider, withAgenda)
      .when(record({ agendaItemId: 'plan-2026' }))
      .thenRefuses(RuleViolation, 'agenda.item-unknown');
  });

  it('refuses a document without an English title, with a bad address, or listed twice', () => {
    given(meetingDecider, withAgenda)
      .when(record({ documents: [{ title: { tr: 'Plan' } as never }] }))
      .thenRefuses(RuleViolation, 'text.english-required');
    given(meetingDecider, withAgenda)
      .when(record({ documents: [{ ...planDocument, url: 'turkicstates.org' }] }))
      .thenRefuses(RuleViolation, 'document.url-invalid');
    const twice = [
      { ...planDocument, documentId: 'plan' },
      { ...planDocument, documentId: 'plan' },
    ];
    given(meetingDecider, withAgenda)
      .when(record({ documents: twice }))
      .thenRefuses(RuleViolation, 'document.listed-twice');
  });

  it('refuses a strategic document cited twice', () => {
    given(meetingDecider, withAgenda)
      .when(record({ citesStrategicDocuments: ['turkic-world-vision-2040', 'turkic-world-vision-2040'] }))
      .thenRefuses(RuleViolation, 'document.cited-twice');
  });
});
