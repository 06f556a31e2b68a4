import { meetingDecider } from '../meetings/meeting.decider.js';
import { meetingCommand } from '../meetings/testing/meeting-fixtures.js';
import { story } from '../shared/testing/story.js';
import {
  MEMBERS,
  agenda,
  bilaterals,
  briefing,
  followUp,
  meetingId,
  organise,
  organiseText,
  planId,
} from './tashkent-2024.data.js';

export const adoption = {
  meetingId,
  decisionId: 'decision-1',
  kind: 'adopted' as const,
  text: { en: 'The parties adopted the Diaspora Joint Activity Plan of the OTS for the year 2025.' },
  subject: { planId },
  adoptingStates: MEMBERS,
  agendaItemId: 'joint-activity-plan-2025',
};

export const organising = {
  meetingId,
  decisionId: 'organise-2025',
  kind: 'agreed-to-organise' as const,
  text: organiseText,
  adoptingStates: MEMBERS,
  agendaItemId: 'joint-events-2025',
  organise,
  followUps: [followUp],
};

const NO_PARTS = {
  agendaItemId: null,
  documents: [],
  citesStrategicDocuments: [],
  organise: [],
  followUps: [],
};

/** Tells the meeting up to its closing, checking every event; returns the story to go on with. */
export function tellTheMeeting() {
  const meeting = story(meetingDecider);
  const details = {
    meetingId,
    seriesId: 'diaspora-ministerial',
    number: 6,
    title: {
      en: '6th Meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs of the OTS',
    },
    hostState: 'UZ',
    hostInstitutionId: 'uz-interethnic-committee',
    city: 'Tashkent',
    date: '2024-11-18',
  };
  meeting.step(meetingCommand('ScheduleMeeting', details), [{ type: 'MeetingScheduled', data: details }]);
  agenda.forEach(([itemId, en], index) => {
    const data = { meetingId, itemId, title: { en } };
    meeting.step(meetingCommand('AddAgendaItem', data), [
      { type: 'AgendaItemAdded', data: { ...data, order: index + 1 } },
    ]);
  });
  for (const state of [...MEMBERS, 'HU']) {
    const data = { meetingId, state, level: 'head-of-institution' as const };
    const membership = state === 'HU' ? 'observer' : 'member';
    meeting.step(meetingCommand('AccreditDelegation', data), [
      { type: 'DelegationAccredited', data: { ...data, membership, headOfDelegation: null } },
    ]);
  }
  meeting.step(meetingCommand('ConveneMeeting', { meetingId }), [
    { type: 'MeetingConvened', data: { meetingId, memberStatesPresent: MEMBERS } },
  ]);
  meeting.step(meetingCommand('RecordBriefing', briefing), [{ type: 'BriefingDelivered', data: briefing }]);

  meeting.refused(
    meetingCommand('RecordDecision', { ...adoption, adoptingStates: [...MEMBERS, 'HU'] }),
    'decision.observers-do-not-count',
  );
  const planText = {
    documentId: null,
    title: { en: 'Diaspora Joint Activity Plan of the OTS for the year 2025' },
    url: null,
  };
  meeting.step(meetingCommand('RecordDecision', { ...adoption, documents: [{ title: planText.title }] }), [
    { type: 'DecisionRecorded', data: { ...NO_PARTS, ...adoption, documents: [planText] } },
  ]);
  const asked = organise.map((a) => ({
    ...a,
    leadInstitutionId: null,
    plannedStart: null,
    plannedEnd: null,
    city: null,
  }));
  const assigned = { ...followUp, assignee: { state: null, institutionId: 'ots-secretariat' } };
  meeting.step(meetingCommand('RecordDecision', organising), [
    {
      type: 'DecisionRecorded',
      data: { ...NO_PARTS, ...organising, subject: { planId: null }, organise: asked, followUps: [assigned] },
    },
  ]);

  for (const bilateral of bilaterals) {
    meeting.step(
      meetingCommand('RecordBilateralMeeting', bilateral, { occurredAt: '2024-11-18T13:00:00+05:00' }),
      [{ type: 'BilateralMeetingHeld', data: { topic: null, ...bilateral } }],
    );
  }
  meeting.step(meetingCommand('CloseMeeting', { meetingId }), [
    { type: 'MeetingClosed', data: { meetingId } },
  ]);
  return meeting;
}
