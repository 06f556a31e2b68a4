import type { DecisionFacts } from '../shared/decision-facts.js';
import type { MeetingState } from './meeting.js';
import { accreditedMemberStates } from './meeting.js';

/**
 * What the meeting knows of one of its decisions, for the handlers of other aggregates to
 * prefetch and pass in their commands; null when the meeting or the decision is unknown.
 */
export function decisionFacts(meeting: MeetingState, decisionId: string): DecisionFacts | null {
  if (meeting.status === 'unscheduled') return null;
  const decision = meeting.decisions.find((d) => d.decisionId === decisionId);
  if (!decision) return null;
  return {
    meetingId: meeting.meetingId,
    decisionId: decision.decisionId,
    seriesId: meeting.seriesId,
    meetingDate: meeting.date,
    meetingConvened: meeting.status === 'convened' || meeting.status === 'closed',
    kind: decision.kind,
    subject: decision.subject,
    adoptingStates: decision.adoptingStates,
    accreditedMemberStates: accreditedMemberStates(meeting),
    agendaItemId: decision.agendaItemId,
    organise: decision.organise,
    followUps: decision.followUps,
  };
}
