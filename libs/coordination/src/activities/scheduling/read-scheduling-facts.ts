import type { EventStore } from '#event-store';
import { fold, readHistory } from '#eventsourcing';
import { readInstitutionFacts } from '../../institutions/facts/read-institution-facts.js';
import { decisionFacts } from '../../meetings/decision-facts.js';
import { meetingDecider } from '../../meetings/meeting.decider.js';
import { meetingStream, type MeetingEvent } from '../../meetings/meeting.js';
import { planDecider } from '../../plans/joint-activity-plan.decider.js';
import { planStream, type PlanEvent } from '../../plans/joint-activity-plan.js';
import {
  planFacts,
  type DecisionOrigin,
  type PlanOrigin,
  type SchedulingFacts,
} from '../scheduling-facts.js';

type Origin = Partial<PlanOrigin & DecisionOrigin>;

/** The plan origin of a scheduling command, when it names one. */
export function planOriginOf(origin: unknown): PlanOrigin | null {
  const { planId, planActivityId } = (origin ?? {}) as Origin;
  return planId && planActivityId ? { planId, planActivityId } : null;
}

/** Reads the cited plan or decision and the lead institution; which plan activity is taken is read apart. */
export async function readSchedulingFacts(
  store: EventStore,
  data: { readonly origin: unknown; readonly leadInstitutionId?: string },
): Promise<Omit<SchedulingFacts, 'planActivityScheduledAs'>> {
  const plan = planOriginOf(data.origin);
  const { meetingId, decisionId } = data.origin as Origin;
  const institution = data.leadInstitutionId
    ? await readInstitutionFacts(store, data.leadInstitutionId)
    : null;
  return {
    plan: plan
      ? planFacts(
          fold(planDecider, (await readHistory(store, planStream(plan.planId))) as unknown as PlanEvent[]),
          plan.planActivityId,
        )
      : null,
    decision:
      meetingId && decisionId
        ? decisionFacts(
            fold(
              meetingDecider,
              (await readHistory(store, meetingStream(meetingId))) as unknown as MeetingEvent[],
            ),
            decisionId,
          )
        : null,
    leadInstitution: institution && { institutionId: institution.institutionId, state: institution.state },
  };
}
