import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { activityFieldsOf, type ActivityFieldsInput } from '../shared/activity-fields.js';
import type {
  DecisionActivityRequest,
  DecisionFollowUpRequest,
  DecisionKind,
} from '../shared/decision-facts.js';
import { assertIsoDate, compareIsoDates } from '../shared/iso-date.js';
import { assertOptionalText, assertText } from '../shared/required.js';
import { objectOf, optionalList } from '../shared/shapes.js';
import { assertKnownState } from '../shared/states.js';
import type { ScheduledMeeting } from './meeting.js';
import { localizedText } from './record-values.rules.js';

/**
 * What a decision asks for: the activities it agreed to organise and the follow-ups it
 * assigns. A process manager turns them into commands later, under these ids, so an id is
 * used once in the whole meeting.
 */
export function organiseRequests(
  value: unknown,
  kind: DecisionKind,
  meeting: ScheduledMeeting,
): DecisionActivityRequest[] {
  const list = optionalList(value, 'decision.organise-invalid', 'organise');
  if (list.length > 0 && kind !== 'agreed-to-organise') {
    throw new RuleViolation(
      'decision.organise-needs-agreed-to-organise',
      `only a decision "agreed-to-organise" asks for activities; this one is "${kind}"`,
      'organise',
    );
  }
  const requested = new Set(meeting.decisions.flatMap((d) => d.organise.map((a) => a.activityId)));
  const listed = new Set<string>();
  return list.map((entry, index) => {
    const at = (field: string) => `organise[${index}].${field}`;
    const activity = objectOf(entry, 'decision.organise-invalid', `organise[${index}]`);
    const activityId = activity.activityId;
    assertText(activityId, 'activity.id-required', at('activityId'));
    if (listed.has(activityId)) {
      throw new RuleViolation(
        'decision.activity-listed-twice',
        `organise lists ${activityId} twice`,
        at('activityId'),
      );
    }
    listed.add(activityId);
    if (requested.has(activityId)) {
      throw new StateConflict(
        'decision.activity-already-organised',
        `another decision of meeting ${meeting.meetingId} already organises ${activityId}`,
        at('activityId'),
      );
    }
    const fields = activityFieldsOf(activity as unknown as ActivityFieldsInput, at);
    assertOptionalText(activity.city, 'activity.city-blank', at('city'));
    const withNgos = activity.withNgos ?? false;
    if (typeof withNgos !== 'boolean') {
      throw new RuleViolation('activity.with-ngos-invalid', 'withNgos is true or false', at('withNgos'));
    }
    const city = (activity.city as string | undefined) ?? null;
    return { activityId, ...fields, city, withNgos };
  });
}

export function followUpRequests(value: unknown, meeting: ScheduledMeeting): DecisionFollowUpRequest[] {
  const assigned = new Set(meeting.decisions.flatMap((d) => d.followUps.map((f) => f.followUpId)));
  const listed = new Set<string>();
  return optionalList(value, 'decision.follow-ups-invalid', 'followUps').map((entry, index) => {
    const at = (field: string) => `followUps[${index}].${field}`;
    const followUp = objectOf(entry, 'decision.follow-ups-invalid', `followUps[${index}]`);
    const followUpId = followUp.followUpId;
    assertText(followUpId, 'follow-up.id-required', at('followUpId'));
    if (listed.has(followUpId)) {
      throw new RuleViolation(
        'decision.follow-up-listed-twice',
        `followUps lists ${followUpId} twice`,
        at('followUpId'),
      );
    }
    listed.add(followUpId);
    if (assigned.has(followUpId)) {
      throw new StateConflict(
        'decision.follow-up-already-assigned',
        `another decision of meeting ${meeting.meetingId} already assigns ${followUpId}`,
        at('followUpId'),
      );
    }
    const assignee = objectOf(followUp.assignee, 'follow-up.assignee-required', at('assignee'));
    const state = (assignee.state as string | null | undefined) ?? null;
    const institutionId = (assignee.institutionId as string | null | undefined) ?? null;
    if (state === null && institutionId === null) {
      throw new RuleViolation(
        'follow-up.assignee-required',
        'a follow-up is assigned to a state, an institution or both',
        at('assignee'),
      );
    }
    if (state !== null) assertKnownState(state, at('assignee.state'));
    assertOptionalText(institutionId, 'follow-up.institution-blank', at('assignee.institutionId'));
    const description = localizedText(followUp.description, at('description'));
    const dueDate = followUp.dueDate ?? null;
    if (dueDate !== null) {
      assertIsoDate(dueDate, at('dueDate'));
      if (compareIsoDates(dueDate, meeting.date) < 0) {
        throw new RuleViolation(
          'follow-up.due-before-meeting',
          `a follow-up cannot be due (${dueDate}) before the meeting that asks for it (${meeting.date})`,
          at('dueDate'),
        );
      }
    }
    return {
      followUpId,
      assignee: { state, institutionId },
      description,
      dueDate,
    };
  });
}
