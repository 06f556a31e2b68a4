import { fold } from '#eventsourcing/decider.js';
import { decisionFacts } from './decision-facts.js';
import { meetingDecider } from './meeting.decider.js';
import type { MeetingEvent } from './meeting.js';
import { forumRequest, reportFollowUp } from './testing/decision-requests.js';
import {
  MEETING_ID,
  closed,
  closedMeeting,
  convenedMeeting,
  decisionRecorded,
  scheduled,
} from './testing/meeting-fixtures.js';

describe('decisionFacts', () => {
  it('tells what the meeting knows of a decision', () => {
    const meeting = fold(meetingDecider, [...convenedMeeting, decisionRecorded(), closed]);
    expect(decisionFacts(meeting, 'decision-1')).toEqual({
      meetingId: MEETING_ID,
      decisionId: 'decision-1',
      seriesId: 'diaspora-ministerial',
      meetingDate: '2024-11-18',
      meetingConvened: true,
      kind: 'adopted',
      subject: { planId: 'plan-diaspora-2025' },
      adoptingStates: ['UZ', 'AZ', 'KZ'],
      accreditedMemberStates: ['UZ', 'AZ', 'KZ'],
      agendaItemId: null,
      organise: [],
      followUps: [],
    });
  });

  it('is null for an unknown decision or meeting', () => {
    expect(decisionFacts(fold(meetingDecider, [scheduled]), 'decision-1')).toBeNull();
    expect(decisionFacts(meetingDecider.initialState(), 'decision-1')).toBeNull();
  });

  it('tells what a decision "agreed to organise" asks for, for a process manager to act on', () => {
    const organise = decisionRecorded({
      decisionId: 'organise-2025',
      kind: 'agreed-to-organise',
      organise: [forumRequest()],
      followUps: [reportFollowUp()],
    });
    const facts = decisionFacts(fold(meetingDecider, [...convenedMeeting, organise]), 'organise-2025');
    expect(facts).toMatchObject({
      kind: 'agreed-to-organise',
      organise: [forumRequest()],
      followUps: [reportFollowUp()],
    });
  });

  it('tells the record as corrected', () => {
    const correction: MeetingEvent = {
      type: 'RecordCorrected',
      data: {
        meetingId: MEETING_ID,
        correctionId: 'c1',
        target: { kind: 'decision', id: 'decision-1' },
        field: 'agendaItemId',
        originalValue: 'plan-2025',
        correctedValue: 'opening',
        reason: { en: 'The minutes place it under the opening' },
      },
    };
    const facts = decisionFacts(fold(meetingDecider, [...closedMeeting, correction]), 'decision-1');
    expect(facts?.agendaItemId).toBe('opening');
  });

  it('reads decisions recorded before agenda items, documents and requests existed', () => {
    const {
      agendaItemId: _a,
      documents: _d,
      citesStrategicDocuments: _c,
      organise: _o,
      followUps: _f,
      ...old
    } = decisionRecorded().data;
    const legacy = { type: 'DecisionRecorded', data: old } as unknown as MeetingEvent;
    const facts = decisionFacts(fold(meetingDecider, [...convenedMeeting, legacy]), 'decision-1');
    expect(facts).toMatchObject({ agendaItemId: null, organise: [], followUps: [] });
  });
});
