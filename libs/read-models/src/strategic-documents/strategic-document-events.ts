/**
 * The wire shape of the events the strategic-document links read. Read models depend on the
 * published event shapes (the event catalogue), not on the domain's code.
 */
export type Text = Record<string, string>;

export interface StrategicDocumentRegisteredData {
  readonly documentId: string;
  readonly title: Text;
  readonly kind: string;
  readonly adoptedAt: string;
  readonly adoptedAtPlace: string | null;
  readonly source: {
    readonly kind: string;
    readonly title: string | null;
    readonly url: string | null;
    readonly date: string | null;
  } | null;
}

export interface MeetingScheduledData {
  readonly meetingId: string;
  readonly number: number;
  readonly title: Text;
  readonly city: string;
  readonly date: string;
}

/** Decisions recorded before they could cite strategic documents carry no `citesStrategicDocuments`. */
export interface DecisionRecordedData {
  readonly meetingId: string;
  readonly decisionId: string;
  readonly kind: string;
  readonly text: Text;
  readonly citesStrategicDocuments?: string[];
}

export interface BriefingDeliveredData {
  readonly meetingId: string;
  readonly briefingId: string;
  readonly topic: Text;
  readonly citesStrategicDocuments: string[];
}

export interface RecordCorrectedData {
  readonly meetingId: string;
  readonly target: { readonly kind: string; readonly id: string };
  readonly field: string;
  readonly originalValue: unknown;
  readonly correctedValue: unknown;
}
