import type { RecordedEvent } from '#event-store';
import type { CommandRequest, ProcessCommand, ProcessManager } from '#eventsourcing';
import { AssignFollowUpDto } from '../follow-ups/assign-follow-up/assign-follow-up.dto.js';
import { AssignFollowUpCommand } from '../follow-ups/assign-follow-up/assign-follow-up.handler.js';
import { ScheduleActivityDto } from '../activities/schedule-activity/schedule-activity.dto.js';
import { ScheduleActivityCommand } from '../activities/schedule-activity/schedule-activity.handler.js';
import { ScheduleForumDto } from '../activities/schedule-forum/schedule-forum.dto.js';
import { ScheduleForumCommand } from '../activities/schedule-forum/schedule-forum.handler.js';
import type { DecisionRecorded } from '../meetings/meeting.js';
import { AdoptPlanDto } from '../plans/adopt-plan/adopt-plan.dto.js';
import { AdoptPlanCommand } from '../plans/adopt-plan/adopt-plan.handler.js';
import type { DecisionActivityRequest, DecisionFollowUpRequest } from '../shared/decision-facts.js';
import { validatedBody } from './validated-body.js';

type Decision = DecisionRecorded['data'];

/**
 * A decision does what it says: "adopted" about a plan adopts the plan, "agreed to organise"
 * schedules the activities and assigns the follow-ups it names.
 */
export const decisionFollowThrough: ProcessManager = {
  name: 'decision-follow-through',
  eventTypes: ['DecisionRecorded'],
  react(event: RecordedEvent): ProcessCommand[] {
    const decision = event.data as unknown as Decision;
    const told = toldAs(event);
    const cite = { meetingId: decision.meetingId, decisionId: decision.decisionId };
    if (decision.kind === 'adopted' && decision.subject.planId) {
      const planId = decision.subject.planId;
      return [
        {
          key: `adopt:${planId}`,
          build: (r) =>
            new AdoptPlanCommand(validatedBody(AdoptPlanDto, { planId, decision: cite, ...told }), r),
        },
      ];
    }
    if (decision.kind !== 'agreed-to-organise') return [];
    return [
      ...(decision.organise ?? []).map((activity) => schedule(activity, cite, told)),
      ...(decision.followUps ?? []).map((followUp) => assign(followUp, cite, told)),
    ];
  },
};

/**
 * The new commands happened when the decision did, and are told by the same source. An internal
 * decision makes internal activities, follow-ups and adoptions; a public one says nothing, so
 * that the entity it acts on keeps its own visibility (an internal plan stays internal).
 */
function toldAs(event: RecordedEvent): Record<string, unknown> {
  const { occurredAt, source, visibility } = event.metadata;
  return {
    occurredAt,
    source: source ?? undefined,
    ...(visibility === 'public' ? {} : { visibility: 'internal' }),
  };
}

function schedule(activity: DecisionActivityRequest, origin: object, told: object): ProcessCommand {
  const { kind, ...fields } = activity;
  const body = { ...fields, origin, ...told };
  return {
    key: `schedule:${activity.activityId}`,
    build: (request: CommandRequest) =>
      kind === 'forum'
        ? new ScheduleForumCommand(validatedBody(ScheduleForumDto, body), request)
        : new ScheduleActivityCommand(validatedBody(ScheduleActivityDto, { ...body, kind }), request),
  };
}

function assign(followUp: DecisionFollowUpRequest, decision: object, told: object): ProcessCommand {
  const assignee = Object.fromEntries(Object.entries(followUp.assignee).filter(([, v]) => v !== null));
  const body = { ...followUp, assignee, decision, ...told };
  return {
    key: `assign:${followUp.followUpId}`,
    build: (request: CommandRequest) =>
      new AssignFollowUpCommand(validatedBody(AssignFollowUpDto, body), request),
  };
}
