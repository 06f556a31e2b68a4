import { fold } from '#eventsourcing/decider.js';
import { decisionFacts } from '../meetings/decision-facts.js';
import { meetingDecider } from '../meetings/meeting.decider.js';
import { meetingCommand } from '../meetings/testing/meeting-fixtures.js';
import {
  MEMBERS,
  STRATEGIC_DOCUMENTS,
  agenda,
  correctedOrganiseText,
  meetingId,
  organised,
  organiseText,
} from './tashkent-2024.data.js';
import { organising, tellTheMeeting } from './tashkent-2024.story.js';

describe('the 6th diaspora ministerial meeting, Tashkent, 18 November 2024', () => {
  it('records the agenda, the briefing, the decisions and the bilateral meetings on the margins', () => {
    const meeting = fold(meetingDecider, tellTheMeeting().history);
    if (meeting.status !== 'closed') throw new Error(`the meeting is ${meeting.status}`);
    expect(meeting.agenda.map((item) => item.itemId)).toEqual(agenda.map(([itemId]) => itemId));
    expect(meeting.briefings[0].citesStrategicDocuments).toEqual(STRATEGIC_DOCUMENTS);
    expect(meeting.decisions.map((d) => [d.decisionId, d.kind, d.agendaItemId])).toEqual([
      ['decision-1', 'adopted', 'joint-activity-plan-2025'],
      ['organise-2025', 'agreed-to-organise', 'joint-events-2025'],
    ]);
    expect(meeting.bilaterals.map((b) => b.parties.map((p) => p.state))).toEqual([
      ['UZ', 'AZ'],
      ['KZ', 'TR'],
    ]);
  });

  it('tells a process manager what the decision "agreed to organise" asks for', () => {
    const facts = decisionFacts(fold(meetingDecider, tellTheMeeting().history), 'organise-2025');
    expect(facts?.organise?.map((a) => [a.activityId, a.kind, a.leadState, a.withNgos])).toEqual(
      organised.map(([id, kind, , lead, withNgos]) => [id, kind, lead, withNgos]),
    );
    expect(facts?.followUps?.map((f) => f.followUpId)).toEqual(['report-on-joint-events-2025']);
    expect(facts?.adoptingStates).toEqual(MEMBERS);
  });

  it('refuses any other record after the closing, and corrects the record keeping the original', () => {
    const meeting = tellTheMeeting();
    meeting.refused(
      meetingCommand('RecordDecision', { ...organising, decisionId: 'late', organise: [] }),
      'meeting.closed',
    );
    const correction = {
      meetingId,
      correctionId: 'youth-forum-in-minutes',
      target: { kind: 'decision' as const, id: 'organise-2025' },
      reason: { en: 'The minutes name the Diaspora Youth Forum among the events agreed' },
    };
    meeting.refused(
      meetingCommand('CorrectRecord', {
        ...correction,
        field: 'adoptingStates',
        correctedValue: ['UZ', 'TR'],
      }),
      'correction.needs-new-decision',
    );
    const corrected = { ...correction, field: 'text', correctedValue: correctedOrganiseText };
    meeting.step(meetingCommand('CorrectRecord', corrected), [
      { type: 'RecordCorrected', data: { ...corrected, originalValue: organiseText } },
    ]);

    const recorded = meeting.history.find(
      (e) => e.type === 'DecisionRecorded' && e.data.decisionId === 'organise-2025',
    );
    expect(recorded?.type === 'DecisionRecorded' && recorded.data.text).toEqual(organiseText);
    const state = fold(meetingDecider, meeting.history);
    const decision = state.status === 'closed' ? state.decisions[1] : undefined;
    expect(decision?.text).toEqual(correctedOrganiseText);
    expect(decision?.adoptingStates).toEqual(MEMBERS);
  });
});
