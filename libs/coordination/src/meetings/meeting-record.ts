import type {
  DecisionActivityRequest,
  DecisionFollowUpRequest,
  DecisionKind,
  DecisionSubject,
} from '../shared/decision-facts.js';
import type { LocalizedText } from '../shared/localized-text.js';

/** What the record of a meeting holds besides its delegations and decisions. */

export interface AgendaItem {
  readonly itemId: string;
  readonly title: LocalizedText;
  /** Place on the agenda, from 1. */
  readonly order: number;
}

/** A decision as the record keeps it: what was decided, where, on what documents, asking for what. */
export interface Decision {
  readonly decisionId: string;
  readonly kind: DecisionKind;
  readonly text: LocalizedText;
  readonly subject: DecisionSubject;
  readonly adoptingStates: readonly string[];
  readonly agendaItemId: string | null;
  readonly documents: readonly DecisionDocument[];
  /** Ids of the strategic documents it refers to. */
  readonly citesStrategicDocuments: readonly string[];
  /** Only on a decision "agreed to organise": the activities it asks for. */
  readonly organise: readonly DecisionActivityRequest[];
  readonly followUps: readonly DecisionFollowUpRequest[];
}

/** A document a decision adopts, notes or refers to. */
export interface DecisionDocument {
  readonly documentId: string | null;
  readonly title: LocalizedText;
  readonly url: string | null;
}

/** Who briefed: an institution (the Secretariat, a ministry) and the speaker's role. */
export interface Briefer {
  readonly institutionId: string | null;
  readonly role: LocalizedText;
}

export interface Briefing {
  readonly briefingId: string;
  readonly by: Briefer;
  readonly topic: LocalizedText;
  /** Ids of the strategic documents the briefing was on. */
  readonly citesStrategicDocuments: readonly string[];
}

export interface BilateralParty {
  readonly state: string;
  readonly institutionId: string | null;
}

/** Two delegations meeting on the margins of the meeting. */
export interface BilateralMeeting {
  readonly bilateralId: string;
  readonly parties: readonly BilateralParty[];
  readonly topic: LocalizedText | null;
}

export type CorrectionTargetKind = 'decision' | 'agenda-item' | 'briefing' | 'bilateral';

export const CORRECTION_TARGET_KINDS: readonly CorrectionTargetKind[] = [
  'decision',
  'agenda-item',
  'briefing',
  'bilateral',
];

/** A correction of the record of a closed meeting: the value it replaced is kept beside the new one. */
export interface RecordCorrection {
  readonly correctionId: string;
  readonly target: { readonly kind: CorrectionTargetKind; readonly id: string };
  readonly field: string;
  readonly originalValue: unknown;
  readonly correctedValue: unknown;
  readonly reason: LocalizedText;
}
