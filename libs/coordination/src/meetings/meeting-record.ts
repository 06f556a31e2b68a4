import { Type } from 'typebox';
import { id, nullable, oneOf, record, text, type Payload } from '../schemas/schema-kit.js';
import {
  DecisionActivityRequestSchema,
  DecisionFollowUpRequestSchema,
  DecisionKindSchema,
  DecisionSubjectSchema,
} from '../shared/decision-facts.js';
import { LocalizedTextSchema } from '../shared/localized-text.js';
import { StateCodeSchema } from '../shared/states.js';

/** What the record of a meeting holds besides its delegations and decisions. */

export const AgendaItemSchema = record({
  itemId: id(),
  title: LocalizedTextSchema,
  order: Type.Integer({ minimum: 1, description: 'Place on the agenda, from 1' }),
});

export type AgendaItem = Payload<typeof AgendaItemSchema>;

export const DecisionDocumentSchema = record(
  { documentId: nullable(id()), title: LocalizedTextSchema, url: nullable(Type.String({ format: 'uri' })) },
  { description: 'A document a decision adopts, notes or refers to' },
);

/** A document a decision adopts, notes or refers to. */
export type DecisionDocument = Payload<typeof DecisionDocumentSchema>;

export const DecisionSchema = record(
  {
    decisionId: id(),
    kind: DecisionKindSchema,
    text: LocalizedTextSchema,
    subject: DecisionSubjectSchema,
    adoptingStates: Type.Array(StateCodeSchema, { uniqueItems: true }),
    agendaItemId: nullable(id('The agenda item it was taken under')),
    documents: Type.Array(DecisionDocumentSchema),
    citesStrategicDocuments: Type.Array(id(), {
      description: 'Ids of the strategic documents it refers to',
    }),
    organise: Type.Array(DecisionActivityRequestSchema, {
      description: 'Only on a decision "agreed to organise": the activities it asks for',
    }),
    followUps: Type.Array(DecisionFollowUpRequestSchema),
  },
  {
    description:
      'A decision as the record keeps it: what was decided, where, on what documents, asking for what',
  },
);

/** A decision as the record keeps it: what was decided, where, on what documents, asking for what. */
export type Decision = Payload<typeof DecisionSchema>;

export const BrieferSchema = record(
  { institutionId: nullable(id()), role: LocalizedTextSchema },
  { description: "Who briefed: an institution (the Secretariat, a ministry) and the speaker's role" },
);

/** Who briefed: an institution (the Secretariat, a ministry) and the speaker's role. */
export type Briefer = Payload<typeof BrieferSchema>;

export const BriefingSchema = record({
  briefingId: id(),
  by: BrieferSchema,
  topic: LocalizedTextSchema,
  citesStrategicDocuments: Type.Array(id(), {
    description: 'Ids of the strategic documents the briefing was on',
  }),
});

export type Briefing = Payload<typeof BriefingSchema>;

export const BilateralPartySchema = record({ state: StateCodeSchema, institutionId: nullable(id()) });

export type BilateralParty = Payload<typeof BilateralPartySchema>;

export const BilateralMeetingSchema = record(
  {
    bilateralId: id(),
    parties: Type.Array(BilateralPartySchema, { minItems: 2, maxItems: 2 }),
    topic: nullable(LocalizedTextSchema),
  },
  { description: 'Two delegations meeting on the margins of the meeting' },
);

/** Two delegations meeting on the margins of the meeting. */
export type BilateralMeeting = Payload<typeof BilateralMeetingSchema>;

export const CorrectionTargetKindSchema = oneOf(['decision', 'agenda-item', 'briefing', 'bilateral']);

export type CorrectionTargetKind = Type.Static<typeof CorrectionTargetKindSchema>;

export const CORRECTION_TARGET_KINDS: readonly CorrectionTargetKind[] = CorrectionTargetKindSchema.enum;

export const RecordCorrectionSchema = record(
  {
    correctionId: id(),
    target: record({ kind: CorrectionTargetKindSchema, id: id() }),
    field: text('The corrected field of the target'),
    originalValue: Type.Unknown({ description: 'The value as first recorded' }),
    correctedValue: Type.Unknown({ description: 'The value as corrected' }),
    reason: LocalizedTextSchema,
  },
  {
    description:
      'A correction of the record of a closed meeting: the value it replaced is kept beside the new one',
  },
);

/** A correction of the record of a closed meeting: the value it replaced is kept beside the new one. */
export type RecordCorrection = Payload<typeof RecordCorrectionSchema>;
