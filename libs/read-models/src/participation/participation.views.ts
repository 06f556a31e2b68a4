import type { LocalizedText } from './participation-events.js';

/** What a state's participation lists hold, each entry as the API shows it. */
export interface StateMeetingAttended {
  readonly meetingId: string;
  readonly seriesId: string | null;
  readonly number: number | null;
  readonly title: LocalizedText | null;
  readonly date: string | null;
  readonly city: string | null;
  readonly hostState: string | null;
  readonly level: string | null;
  readonly headOfDelegation: string | null;
  /** The state's membership when its delegation was accredited. */
  readonly membership: string | null;
  readonly visibility: string;
}

export interface StateMeetingHosted {
  readonly meetingId: string;
  readonly seriesId: string | null;
  readonly number: number | null;
  readonly title: LocalizedText | null;
  readonly date: string | null;
  readonly city: string | null;
  readonly hostInstitutionId: string | null;
  readonly visibility: string;
}

export interface StateActivity {
  readonly activityId: string;
  readonly kind: string | null;
  readonly title: LocalizedText | null;
  readonly leadState: string | null;
  readonly leadInstitutionId: string | null;
  readonly participatingStates: string[];
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
  readonly city: string | null;
  readonly hostState: string | null;
  /** `{ planId, planActivityId }` or `{ meetingId, decisionId }`. */
  readonly origin: Record<string, string | null>;
  readonly status: string;
  readonly progress: number;
  readonly visibility: string;
}

export interface StateProtocol {
  readonly protocolId: string;
  readonly title: LocalizedText | null;
  /** drafted (not every party has signed yet), signed, in-force, terminated. */
  readonly status: string | null;
  /** The signatures of this state's institutions. */
  readonly signatures: {
    institutionId: string;
    institutionName: LocalizedText | null;
    signatory: { name: string; title: Record<string, string> | null } | null;
    signedOn: string | null;
    place: string | null;
  }[];
  /** The other states whose institutions signed it. */
  readonly counterparts: string[];
  readonly visibility: string;
}

export interface StateDecision {
  readonly meetingId: string;
  readonly decisionId: string;
  readonly kind: string | null;
  readonly text: LocalizedText | null;
  readonly date: string | null;
  readonly city: string | null;
  readonly adoptingStates: string[];
  readonly visibility: string;
}

export interface ParticipationSections {
  readonly meetingsAttended: StateMeetingAttended[];
  readonly meetingsHosted: StateMeetingHosted[];
  /** Activities it leads. */
  readonly activitiesLed: StateActivity[];
  /** Every activity it takes part in, those it leads included. */
  readonly activitiesParticipated: StateActivity[];
  readonly protocolsSigned: StateProtocol[];
  readonly decisionsAdopted: StateDecision[];
}
