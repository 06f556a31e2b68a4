import { Type } from 'typebox';
import { RuleViolation } from '#eventsourcing/decider.js';
import { id, nullable, oneOf, record, type Payload } from '../schemas/schema-kit.js';
import { assertIsoDate, compareIsoDates, IsoDateSchema } from './iso-date.js';
import { assertLocalizedText, LocalizedTextSchema, type LocalizedText } from './localized-text.js';
import { assertOneOf, assertOptionalText } from './required.js';
import { assertKnownState, assertStateList, StateCodeSchema } from './states.js';

export const ActivityKindSchema = oneOf(
  ['forum', 'exchange-programme', 'training-programme', 'internship', 'meeting-round', 'other'],
  { description: 'What sort of activity: a forum, a programme, a training, an internship, a meeting round' },
);

export type ActivityKind = Type.Static<typeof ActivityKindSchema>;

export const ACTIVITY_KINDS: readonly ActivityKind[] = ActivityKindSchema.enum;

/** What a plan, an amendment or a decision says of an activity besides its id. */
export const ActivityFieldsSchema = record({
  kind: ActivityKindSchema,
  title: LocalizedTextSchema,
  leadState: StateCodeSchema,
  leadInstitutionId: nullable(id('The institution that leads it, if named')),
  participatingStates: Type.Array(StateCodeSchema, { minItems: 1, uniqueItems: true }),
  plannedStart: nullable(IsoDateSchema),
  plannedEnd: nullable(IsoDateSchema),
});

export type ActivityFields = Payload<typeof ActivityFieldsSchema>;

/** The same fields as a command gives them: optional ones may be left out. */
export interface ActivityFieldsInput {
  readonly kind: ActivityKind;
  readonly title: LocalizedText;
  readonly leadState: string;
  readonly leadInstitutionId?: string | null;
  readonly participatingStates: readonly string[];
  /** YYYY-MM-DD */
  readonly plannedStart?: string | null;
  /** YYYY-MM-DD */
  readonly plannedEnd?: string | null;
}

/**
 * Checks an activity the way AddActivityToPlan always has (so AmendPlan and RecordDecision's
 * `organise` refuse with the same rules) and returns it with absent fields as null.
 * `at` names a field in the command, e.g. `organise[2].leadState`.
 */
export function activityFieldsOf(
  input: ActivityFieldsInput,
  at: (field: string) => string = (field) => field,
): ActivityFields {
  assertOneOf(input.kind, ACTIVITY_KINDS, 'activity.kind-unknown', at('kind'));
  assertLocalizedText(input.title, at('title'));
  assertStateList(input.participatingStates, at('participatingStates'));
  assertKnownState(input.leadState, at('leadState'));
  if (!input.participatingStates.includes(input.leadState)) {
    throw new RuleViolation(
      'activity.lead-not-participating',
      `the lead state ${input.leadState} must be one of the participating states`,
      at('leadState'),
    );
  }
  assertOptionalText(input.leadInstitutionId, 'activity.lead-institution-blank', at('leadInstitutionId'));
  const start = input.plannedStart ?? null;
  const end = input.plannedEnd ?? null;
  if (start !== null) assertIsoDate(start, at('plannedStart'));
  if (end !== null) assertIsoDate(end, at('plannedEnd'));
  if (start !== null && end !== null && compareIsoDates(end, start) < 0) {
    throw new RuleViolation(
      'activity.end-before-start',
      `the planned end ${end} is before the planned start ${start}`,
      at('plannedEnd'),
    );
  }
  return {
    kind: input.kind,
    title: input.title,
    leadState: input.leadState,
    leadInstitutionId: input.leadInstitutionId ?? null,
    participatingStates: [...input.participatingStates],
    plannedStart: start,
    plannedEnd: end,
  };
}
