import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import { assertOneOf, assertOptionalText, assertText } from '../shared/required.js';
import { assertKnownState, assertStateList } from '../shared/states.js';
import type { ActivityKind } from '../shared/activity-fields.js';
import type { ScheduleActivity, ScheduleForum, SchedulingData } from './activity.commands.js';
import type { ActivityScheduled, ActivityState } from './activity.js';
import { PROGRAMME_KINDS } from './activity.js';
import { assertDateRange } from './activity-dates.js';
import { assertOrigin } from './activity-origin.rules.js';
import type { LeadInstitutionFacts } from './scheduling-facts.js';

export function scheduleActivity(
  command: ScheduleForum | ScheduleActivity,
  state: ActivityState,
): [ActivityScheduled] {
  const data = command.data;
  if (state.status !== 'none') {
    throw new StateConflict(
      'activity.already-scheduled',
      `activity ${data.activityId} is already scheduled`,
      'activityId',
    );
  }
  assertText(data.activityId, 'activity.id-required', 'activityId');
  const kind: ActivityKind = command.type === 'ScheduleForum' ? 'forum' : command.data.kind;
  if (command.type === 'ScheduleActivity')
    assertOneOf(kind, PROGRAMME_KINDS, 'activity.kind-unknown', 'kind');
  assertLocalizedText(data.title, 'title');
  const origin = assertOrigin(data.origin, data.activityId, kind, data.facts);
  assertStateList(data.participatingStates, 'participatingStates');
  assertKnownState(data.leadState, 'leadState');
  if (!data.participatingStates.includes(data.leadState)) {
    throw new RuleViolation(
      'activity.lead-not-participating',
      `the lead state ${data.leadState} must be one of the participating states`,
      'leadState',
    );
  }
  assertLeadInstitution(data, data.facts.leadInstitution);
  assertDateRange(data.plannedStart, data.plannedEnd, 'plannedStart', 'plannedEnd');
  assertOptionalText(data.city, 'activity.city-blank', 'city');
  if (data.hostState !== undefined && data.hostState !== null) assertKnownState(data.hostState, 'hostState');
  if (data.withNgos !== undefined && data.withNgos !== null && typeof data.withNgos !== 'boolean') {
    throw new RuleViolation('activity.with-ngos-invalid', 'withNgos is true or false', 'withNgos');
  }
  return [
    {
      type: 'ActivityScheduled',
      data: {
        activityId: data.activityId,
        kind,
        title: data.title,
        ...origin,
        leadState: data.leadState,
        leadInstitutionId: data.leadInstitutionId ?? null,
        participatingStates: [...data.participatingStates],
        plannedStart: data.plannedStart,
        plannedEnd: data.plannedEnd,
        city: data.city ?? null,
        hostState: data.hostState ?? null,
        withNgos: data.withNgos ?? null,
      },
    },
  ];
}

/** The lead institution, when named, exists and belongs to a participating state. */
function assertLeadInstitution(data: SchedulingData, facts: LeadInstitutionFacts | null): void {
  const institutionId = data.leadInstitutionId;
  if (institutionId === undefined || institutionId === null) return;
  assertText(institutionId, 'activity.lead-institution-blank', 'leadInstitutionId');
  if (facts === null || facts.institutionId !== institutionId) {
    throw new EntityNotFound(
      'institution.not-found',
      `institution ${institutionId} is not registered`,
      'leadInstitutionId',
    );
  }
  if (facts.state === null || !data.participatingStates.includes(facts.state)) {
    const owner = facts.state === null ? 'the Secretariat' : facts.state;
    throw new RuleViolation(
      'activity.lead-institution-not-participating',
      `institution ${institutionId} belongs to ${owner}, not to a participating state`,
      'leadInstitutionId',
    );
  }
}
