import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertIsoDate, compareIsoDates } from '../shared/iso-date.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import { assertText } from '../shared/required.js';
import type { AssignFollowUp } from './follow-up.commands.js';
import type { FollowUpAssigned, FollowUpAssignee, FollowUpState } from './follow-up.js';

/** A follow-up points back to a recorded decision and names who is to act on it. */
export function assignFollowUp(command: AssignFollowUp, state: FollowUpState): [FollowUpAssigned] {
  const data = command.data;
  if (state.status === 'assigned') {
    throw new StateConflict(
      'followup.already-assigned',
      `follow-up ${data.followUpId} is already assigned`,
      'followUpId',
    );
  }
  assertText(data.followUpId, 'followup.id-required', 'followUpId');
  const decision = data.facts.decision;
  if (decision === null) {
    throw new EntityNotFound(
      'decision.not-found',
      `meeting ${data.decision?.meetingId} has no decision ${data.decision?.decisionId}`,
      'decision',
    );
  }
  const assignee = assigneeOf(command);
  assertLocalizedText(data.description, 'description');
  if (data.dueDate !== undefined) {
    assertIsoDate(data.dueDate, 'dueDate');
    if (compareIsoDates(data.dueDate, decision.meetingDate) < 0) {
      throw new RuleViolation(
        'followup.due-before-decision',
        `the due date ${data.dueDate} is before the decision was taken on ${decision.meetingDate}`,
        'dueDate',
      );
    }
  }
  return [
    {
      type: 'FollowUpAssigned',
      data: {
        followUpId: data.followUpId,
        decision: { meetingId: decision.meetingId, decisionId: decision.decisionId },
        decidedOn: decision.meetingDate,
        assignee,
        description: data.description,
        dueDate: data.dueDate ?? null,
      },
    },
  ];
}

/** The state is the one named, or else the named institution's (null for the Secretariat's). */
function assigneeOf({ data }: AssignFollowUp): FollowUpAssignee {
  const { state, institutionId } = data.assignee ?? {};
  if (state === undefined && institutionId === undefined) {
    throw new RuleViolation(
      'followup.assignee-required',
      'name the state or the institution to act',
      'assignee',
    );
  }
  if (state !== undefined && data.facts.state?.code !== state) {
    throw new EntityNotFound('state.not-found', `state ${state} has not been registered`, 'assignee.state');
  }
  if (institutionId === undefined) return { state: state ?? null, institutionId: null };
  const institution = data.facts.institution;
  if (institution === null || institution.institutionId !== institutionId) {
    throw new EntityNotFound(
      'institution.not-found',
      `institution ${institutionId} has not been registered`,
      'assignee.institutionId',
    );
  }
  if (state !== undefined && institution.state !== state) {
    throw new RuleViolation(
      'followup.institution-of-another-state',
      `${institutionId} belongs to ${institution.state ?? 'the OTS Secretariat'}, not to ${state}`,
      'assignee.institutionId',
    );
  }
  return { state: institution.state, institutionId };
}
