import { Type } from 'typebox';
import { id, nullable, oneOf, record, text, type Payload } from '../schemas/schema-kit.js';
import { ActivityFieldsSchema } from './activity-fields.js';
import { IsoDateSchema, type IsoDate } from './iso-date.js';
import { LocalizedTextSchema } from './localized-text.js';
import { StateCodeSchema } from './states.js';

export const DecisionKindSchema = oneOf(['adopted', 'agreed-to-organise', 'noted'], {
  description: 'adopted (a plan, a document), agreed to organise (activities), noted',
});

export type DecisionKind = Type.Static<typeof DecisionKindSchema>;

export const DECISION_KINDS: readonly DecisionKind[] = DecisionKindSchema.enum;

export const DecisionSubjectSchema = record(
  { planId: nullable(id()) },
  { description: 'What a decision is about; only plans can be named so far' },
);

/** What a decision is about; only plans can be named so far. */
export type DecisionSubject = Payload<typeof DecisionSubjectSchema>;

export const DecisionRefSchema = record(
  { meetingId: id(), decisionId: id() },
  { description: "Where a decision is recorded: the meeting and the decision's id within it" },
);

/** Where a decision is recorded: the meeting and the decision's id within it. */
export type DecisionRef = Payload<typeof DecisionRefSchema>;

export const DecisionActivityRequestSchema = record(
  {
    activityId: id(),
    ...ActivityFieldsSchema.properties,
    city: nullable(text()),
    withNgos: Type.Boolean(),
  },
  { description: 'An activity a decision "agreed to organise" asks for; a process manager schedules it' },
);

/** An activity a decision "agreed to organise" asks for; a process manager schedules it. */
export type DecisionActivityRequest = Payload<typeof DecisionActivityRequestSchema>;

export const DecisionFollowUpRequestSchema = record(
  {
    followUpId: id(),
    assignee: record({ state: nullable(StateCodeSchema), institutionId: nullable(id()) }),
    description: LocalizedTextSchema,
    dueDate: nullable(IsoDateSchema),
  },
  { description: 'A follow-up a decision asks for; a process manager assigns it' },
);

/** A follow-up a decision asks for; a process manager assigns it. */
export type DecisionFollowUpRequest = Payload<typeof DecisionFollowUpRequestSchema>;

/**
 * What the Meeting aggregate knows of one decision. Command handlers of other aggregates
 * prefetch it and pass it in the command, so that their `decide` stays pure.
 */
export interface DecisionFacts {
  readonly meetingId: string;
  readonly decisionId: string;
  readonly seriesId: string;
  readonly meetingDate: IsoDate;
  readonly meetingConvened: boolean;
  readonly kind: DecisionKind;
  readonly subject: DecisionSubject;
  readonly adoptingStates: readonly string[];
  /** Member states whose delegations were accredited at the meeting. */
  readonly accreditedMemberStates: readonly string[];
  /** The agenda item it was taken under. The fields below are optional for facts built elsewhere. */
  readonly agendaItemId?: string | null;
  /** The activities it asks to organise (only a decision "agreed to organise" has any). */
  readonly organise?: readonly DecisionActivityRequest[];
  readonly followUps?: readonly DecisionFollowUpRequest[];
}
