import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { DECISION_KINDS, type DecisionKind } from '../shared/decision-facts.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import { assertOneOf, assertOptionalText, assertText } from '../shared/required.js';
import { assertKnownState, membershipOf } from '../shared/states.js';
import type { RecordDecision } from './meeting.commands.js';
import type { DecisionRecorded, ScheduledMeeting } from './meeting.js';
import { assertSitting } from './meeting.guards.js';
import { followUpRequests, organiseRequests } from './decision-requests.rules.js';
import { agendaItemRef, decisionDocuments, strategicDocumentIds } from './record-values.rules.js';

/** Kinds that commit the parties, and so need states that adopt them. */
const COMMITTING_KINDS: readonly DecisionKind[] = ['adopted', 'agreed-to-organise'];

export function recordDecision(command: RecordDecision, meeting: ScheduledMeeting): [DecisionRecorded] {
  const data = command.data;
  assertSitting(meeting, 'decisions');
  assertText(data.decisionId, 'decision.id-required', 'decisionId');
  if (meeting.decisions.some((d) => d.decisionId === data.decisionId)) {
    throw new StateConflict(
      'decision.already-recorded',
      `decision ${data.decisionId} is already recorded at meeting ${meeting.meetingId}`,
      'decisionId',
    );
  }
  assertOneOf(data.kind, DECISION_KINDS, 'decision.kind-unknown', 'kind');
  assertLocalizedText(data.text, 'text');
  assertOptionalText(data.subject?.planId, 'decision.subject-blank', 'subject.planId');
  assertAdoptingStates(data.adoptingStates, data.kind, meeting);
  const agendaItemId = agendaItemRef(data.agendaItemId, meeting, 'agendaItemId');
  const documents = decisionDocuments(data.documents, 'documents');
  const citesStrategicDocuments = strategicDocumentIds(
    data.citesStrategicDocuments,
    'citesStrategicDocuments',
  );
  const organise = organiseRequests(data.organise, data.kind, meeting);
  const followUps = followUpRequests(data.followUps, meeting);
  return [
    {
      type: 'DecisionRecorded',
      data: {
        meetingId: data.meetingId,
        decisionId: data.decisionId,
        kind: data.kind,
        text: data.text,
        subject: { planId: data.subject?.planId ?? null },
        adoptingStates: [...data.adoptingStates],
        agendaItemId,
        documents,
        citesStrategicDocuments,
        organise,
        followUps,
      },
    },
  ];
}

function assertAdoptingStates(states: unknown, kind: DecisionKind, meeting: ScheduledMeeting): void {
  const field = 'adoptingStates';
  if (!Array.isArray(states))
    throw new RuleViolation('decision.adopting-states-required', 'list the adopting states', field);
  if (states.length === 0 && COMMITTING_KINDS.includes(kind)) {
    throw new RuleViolation(
      'decision.adopting-states-required',
      `a decision of kind "${kind}" needs the member states that adopt it`,
      field,
    );
  }
  states.forEach((state: unknown, index) => {
    assertKnownState(state, `${field}[${index}]`);
    if (states.indexOf(state) !== index) {
      throw new RuleViolation('state.listed-twice', `${field} lists ${state} twice`, field);
    }
    const delegation = meeting.delegations.find((d) => d.state === state);
    if ((delegation?.membership ?? membershipOf(state)) === 'observer') {
      throw new RuleViolation(
        'decision.observers-do-not-count',
        `${state} is an observer: observers attend but do not count towards adoption`,
        `${field}[${index}]`,
      );
    }
    if (!delegation) {
      throw new RuleViolation(
        'decision.adopting-state-not-accredited',
        `${state} has no accredited delegation at meeting ${meeting.meetingId}`,
        `${field}[${index}]`,
      );
    }
  });
}
