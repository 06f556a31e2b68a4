import type { Command } from '#eventsourcing/decider.js';
import type { ActivityFieldsInput } from '../shared/activity-fields.js';
import type { DecisionKind } from '../shared/decision-facts.js';
import type { LocalizedText } from '../shared/localized-text.js';
import type { CorrectionTargetKind } from './meeting-record.js';
import type { DelegationLevel } from './meeting.js';

export type ScheduleMeeting = Command<
  'ScheduleMeeting',
  {
    readonly meetingId: string;
    readonly seriesId: string;
    readonly number: number;
    readonly title: LocalizedText;
    readonly hostState: string;
    readonly hostInstitutionId?: string;
    readonly city: string;
    /** YYYY-MM-DD */
    readonly date: string;
  }
>;

export type AccreditDelegation = Command<
  'AccreditDelegation',
  {
    readonly meetingId: string;
    readonly state: string;
    readonly headOfDelegation?: string;
    readonly level: DelegationLevel;
  }
>;

export type AddAgendaItem = Command<
  'AddAgendaItem',
  {
    readonly meetingId: string;
    readonly itemId: string;
    readonly title: LocalizedText;
    readonly order?: number;
  }
>;

export type ConveneMeeting = Command<'ConveneMeeting', { readonly meetingId: string }>;

export type RecordDecision = Command<
  'RecordDecision',
  {
    readonly meetingId: string;
    readonly decisionId: string;
    readonly kind: DecisionKind;
    readonly text: LocalizedText;
    readonly subject?: { readonly planId?: string };
    readonly adoptingStates: readonly string[];
    readonly agendaItemId?: string;
    readonly documents?: readonly {
      readonly documentId?: string;
      readonly title: LocalizedText;
      readonly url?: string;
    }[];
    /** Ids of the strategic documents the decision refers to. */
    readonly citesStrategicDocuments?: readonly string[];
    /** Only on a decision "agreed to organise": the activities it asks for. */
    readonly organise?: readonly (ActivityFieldsInput & {
      readonly activityId: string;
      readonly city?: string;
      readonly withNgos?: boolean;
    })[];
    readonly followUps?: readonly {
      readonly followUpId: string;
      readonly assignee: { readonly state?: string; readonly institutionId?: string };
      readonly description: LocalizedText;
      /** YYYY-MM-DD */
      readonly dueDate?: string;
    }[];
  }
>;

export type RecordBriefing = Command<
  'RecordBriefing',
  {
    readonly meetingId: string;
    readonly briefingId: string;
    readonly by: { readonly institutionId?: string; readonly role: LocalizedText };
    readonly topic: LocalizedText;
    readonly citesStrategicDocuments: readonly string[];
  }
>;

export type RecordBilateralMeeting = Command<
  'RecordBilateralMeeting',
  {
    readonly meetingId: string;
    readonly bilateralId: string;
    readonly parties: readonly { readonly state: string; readonly institutionId?: string }[];
    readonly topic?: LocalizedText;
  }
>;

export type CloseMeeting = Command<'CloseMeeting', { readonly meetingId: string }>;

/** `correctedValue` is any JSON; the target's field says what shape it must have. */
export type CorrectRecord = Command<
  'CorrectRecord',
  {
    readonly meetingId: string;
    readonly correctionId: string;
    readonly target: { readonly kind: CorrectionTargetKind; readonly id: string };
    readonly field: string;
    readonly correctedValue: unknown;
    readonly reason: LocalizedText;
  }
>;

export type MeetingCommand =
  | ScheduleMeeting
  | AddAgendaItem
  | AccreditDelegation
  | ConveneMeeting
  | RecordDecision
  | RecordBriefing
  | RecordBilateralMeeting
  | CloseMeeting
  | CorrectRecord;
