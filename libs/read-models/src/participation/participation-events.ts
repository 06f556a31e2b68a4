/**
 * The wire shape of the events the participation read model reads. Read models depend on the
 * published event shapes (the event catalogue), not on the domain's code.
 */
export type LocalizedText = Record<string, string>;

export interface StateRegisteredData {
  readonly code: string;
  readonly name: LocalizedText;
  readonly membership: string;
  readonly since: string;
}

export interface MembershipStatusChangedData {
  readonly code: string;
  readonly membership: string;
  readonly previousMembership: string;
  readonly since: string;
}

export interface MeetingScheduledData {
  readonly meetingId: string;
  readonly seriesId: string;
  readonly number: number;
  readonly title: LocalizedText;
  readonly hostState: string;
  readonly hostInstitutionId: string | null;
  readonly city: string;
  readonly date: string;
}

/** `membership` is the state's status when accredited. */
export interface DelegationAccreditedData {
  readonly meetingId: string;
  readonly state: string;
  readonly membership: string;
  readonly headOfDelegation: string | null;
  readonly level: string;
}

export interface DecisionRecordedData {
  readonly meetingId: string;
  readonly decisionId: string;
  readonly kind: string;
  readonly text: LocalizedText;
  readonly adoptingStates: string[];
}

/** A correction of the record of a closed meeting; only a decision's `text` matters here. */
export interface RecordCorrectedData {
  readonly meetingId: string;
  readonly target: { readonly kind: string; readonly id: string };
  readonly field: string;
  readonly correctedValue: unknown;
}

export interface ActivityScheduledData {
  readonly activityId: string;
  readonly kind: string;
  readonly title: LocalizedText;
  readonly leadState: string;
  readonly leadInstitutionId: string | null;
  readonly participatingStates: string[];
  readonly plannedStart: string;
  readonly plannedEnd: string;
  readonly city: string | null;
  readonly hostState: string | null;
  readonly planId: string | null;
  readonly planActivityId: string | null;
  readonly meetingId: string | null;
  readonly decisionId: string | null;
}

/** ActivityStarted, ProgressReported, ActivityCompleted, ActivityPostponed, ActivityCancelled. */
export interface ActivityLifeData {
  readonly activityId: string;
  readonly startedOn?: string;
  readonly progress?: number;
  readonly completedOn?: string;
  readonly newStart?: string;
  readonly newEnd?: string;
}

export interface ProtocolDraftedData {
  readonly protocolId: string;
  readonly title: LocalizedText;
}

/** `state` is null when the OTS Secretariat signs. */
export interface ProtocolSignatureRecordedData {
  readonly protocolId: string;
  readonly institutionId: string;
  readonly state: string | null;
  readonly institutionName: LocalizedText;
  readonly signatory: { readonly name: string; readonly title: LocalizedText | null };
  readonly signedOn: string;
  readonly place: string;
}

/** ProtocolSigned (`signedOn`), ProtocolEnteredIntoForce and ProtocolTerminated (`date`). */
export interface ProtocolStatusData {
  readonly protocolId: string;
  readonly signedOn?: string;
  readonly date?: string;
}
