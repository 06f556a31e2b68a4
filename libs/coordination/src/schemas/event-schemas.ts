import type { TSchema } from 'typebox';
import type { DomainEvent } from '#eventsourcing/decider.js';
import * as activity from '../activities/activity.js';
import * as followUp from '../follow-ups/follow-up.js';
import * as institution from '../institutions/institution.js';
import * as series from '../meeting-series/meeting-series.js';
import * as meeting from '../meetings/meeting.js';
import * as plan from '../plans/joint-activity-plan.js';
import * as protocol from '../protocols/protocol.js';
import * as state from '../states/state.js';
import * as document from '../strategic-documents/strategic-document.js';

/** Every event the coordination domain decides: the union of the deciders' event unions. */
export type CoordinationEvent =
  | activity.ActivityEvent
  | followUp.FollowUpEvent
  | institution.InstitutionEvent
  | series.MeetingSeriesEvent
  | meeting.MeetingEvent
  | plan.PlanEvent
  | protocol.ProtocolEvent
  | state.StateEvent
  | document.StrategicDocumentEvent;

export type CoordinationEventType = CoordinationEvent['type'];

/** The payload schema of each event type, checked by the compiler against the event unions. */
type PayloadSchemas<E extends DomainEvent> = { readonly [T in E['type']]: TSchema };

interface AggregateSchemas<E extends DomainEvent> {
  readonly aggregate: string;
  /** The stream of one entity, e.g. `meeting-<id>`; its category is the part before the dash. */
  readonly stream: (id: string) => string;
  readonly payloads: PayloadSchemas<E>;
}

const aggregate = <E extends DomainEvent>(schemas: AggregateSchemas<E>) => schemas;

/** The aggregates in the order the catalogue tells them, each with its events in decision order. */
export const AGGREGATE_SCHEMAS = [
  aggregate<state.StateEvent>({
    aggregate: 'State',
    stream: state.stateStream,
    payloads: {
      StateRegistered: state.StateRegisteredData,
      MembershipStatusChanged: state.MembershipStatusChangedData,
    },
  }),
  aggregate<institution.InstitutionEvent>({
    aggregate: 'Institution',
    stream: institution.institutionStream,
    payloads: {
      InstitutionRegistered: institution.InstitutionRegisteredData,
      InstitutionRenamed: institution.InstitutionRenamedData,
    },
  }),
  aggregate<series.MeetingSeriesEvent>({
    aggregate: 'MeetingSeries',
    stream: series.meetingSeriesStream,
    payloads: {
      MeetingSeriesDefined: series.MeetingSeriesDefinedData,
      MeetingNumbered: series.MeetingNumberedData,
    },
  }),
  aggregate<meeting.MeetingEvent>({
    aggregate: 'Meeting',
    stream: meeting.meetingStream,
    payloads: {
      MeetingScheduled: meeting.MeetingScheduledData,
      AgendaItemAdded: meeting.AgendaItemAddedData,
      DelegationAccredited: meeting.DelegationAccreditedData,
      MeetingConvened: meeting.MeetingConvenedData,
      DecisionRecorded: meeting.DecisionRecordedData,
      BriefingDelivered: meeting.BriefingDeliveredData,
      BilateralMeetingHeld: meeting.BilateralMeetingHeldData,
      MeetingClosed: meeting.MeetingClosedData,
      RecordCorrected: meeting.RecordCorrectedData,
    },
  }),
  aggregate<plan.PlanEvent>({
    aggregate: 'JointActivityPlan',
    stream: plan.planStream,
    payloads: {
      PlanDrafted: plan.PlanDraftedData,
      ActivityAddedToPlan: plan.ActivityAddedToPlanData,
      PlanAdopted: plan.PlanAdoptedData,
      PlanAmended: plan.PlanAmendedData,
      PlanClosed: plan.PlanClosedData,
    },
  }),
  aggregate<activity.ActivityEvent>({
    aggregate: 'Activity',
    stream: activity.activityStream,
    payloads: {
      ActivityScheduled: activity.ActivityScheduledData,
      ActivityStarted: activity.ActivityStartedData,
      ProgressReported: activity.ProgressReportedData,
      ActivityCompleted: activity.ActivityCompletedData,
      ActivityPostponed: activity.ActivityPostponedData,
      ActivityCancelled: activity.ActivityCancelledData,
    },
  }),
  aggregate<protocol.ProtocolEvent>({
    aggregate: 'Protocol',
    stream: protocol.protocolStream,
    payloads: {
      ProtocolDrafted: protocol.ProtocolDraftedData,
      PartyAdded: protocol.PartyAddedData,
      PartyRemoved: protocol.PartyRemovedData,
      SignatoryDesignated: protocol.SignatoryDesignatedData,
      ProtocolSignatureRecorded: protocol.ProtocolSignatureRecordedData,
      ProtocolSigned: protocol.ProtocolSignedData,
      ProtocolEnteredIntoForce: protocol.ProtocolEnteredIntoForceData,
      ProtocolTerminated: protocol.ProtocolTerminatedData,
    },
  }),
  aggregate<followUp.FollowUpEvent>({
    aggregate: 'FollowUp',
    stream: followUp.followUpStream,
    payloads: {
      FollowUpAssigned: followUp.FollowUpAssignedData,
      ImplementationStatusUpdated: followUp.ImplementationStatusUpdatedData,
      ReviewScheduled: followUp.ReviewScheduledData,
    },
  }),
  aggregate<document.StrategicDocumentEvent>({
    aggregate: 'StrategicDocument',
    stream: document.strategicDocumentStream,
    payloads: { StrategicDocumentRegistered: document.StrategicDocumentRegisteredData },
  }),
] as const;
