import { planDecider, planStream, type PlanCommand, type PlanEvent, type PlanState } from '#coordination';
import type { EventStore, NewEvent } from '#event-store';
import { eventIdFor, eventMetadata } from '#eventsourcing';
import { activityData, adoptPlanData, contextOf, draftPlanData, planIdOf } from './plan-data.js';

/** What a generated log holds, to check the read models built from it. */
export interface PlanLog {
  readonly events: number;
  readonly plans: number;
  readonly activities: number;
  readonly adopted: number;
}

/** An event and the type of the command that produced it (its metadata names it). */
interface Produced {
  readonly event: PlanEvent;
  readonly commandType: PlanCommand['type'];
}

/** Between 4 and 40 activities a plan; four plans in five are adopted. */
const activitiesOf = (p: number) => 4 + ((p * 7) % 37);
const isAdopted = (p: number) => p % 5 !== 0;

/**
 * The events of plan `p` as the decider produces them: drafted, `activities` added, then
 * adopted or not. Running the real `decide` keeps the data shapes those of production.
 */
function planEvents(p: number, activities: number, adopted: boolean): Produced[] {
  const recordedAt = new Date().toISOString();
  const metadata = {
    actor: { id: 'secretariat-officer-1', role: 'secretariat' },
    occurredAt: recordedAt,
    recordedAt,
  };
  const produced: Produced[] = [];
  let state: PlanState = planDecider.initialState();
  const run = (command: Omit<PlanCommand, 'metadata'>) => {
    for (const event of planDecider.decide({ ...command, metadata } as PlanCommand, state)) {
      state = planDecider.evolve(state, event);
      produced.push({ event, commandType: command.type });
    }
  };
  run({ type: 'DraftPlan', data: draftPlanData(p) });
  for (let n = 0; n < activities; n++) run({ type: 'AddActivityToPlan', data: activityData(planIdOf(p), n) });
  if (adopted) run({ type: 'AdoptPlan', data: adoptPlanData(p) });
  return produced;
}

function toNewEvents(p: number, produced: readonly Produced[]): NewEvent[] {
  const recordedAt = new Date().toISOString();
  return produced.map(({ event, commandType }, i) => {
    const commandId = `log-plan-${p}-${i}`;
    return {
      id: eventIdFor(commandId, 0),
      type: event.type,
      schemaVersion: 1,
      data: event.data as unknown as Record<string, unknown>,
      metadata: eventMetadata(contextOf(commandId), recordedAt, commandType),
    };
  });
}

/**
 * Appends exactly `total` plan events to the store, one batch per plan (the last plan is cut
 * short and left in draft when the count runs out).
 */
export async function writePlanLog(store: EventStore, total: number): Promise<PlanLog> {
  const log = { events: 0, plans: 0, activities: 0, adopted: 0 };
  for (let p = 0; log.events < total; p++) {
    const room = total - log.events;
    const adopted = isAdopted(p) && activitiesOf(p) + 2 <= room;
    const activities = Math.min(activitiesOf(p), room - 1);
    const events = planEvents(p, activities, adopted);
    await store.append(planStream(planIdOf(p)), toNewEvents(p, events), { expectedRevision: 'no_stream' });
    log.events += events.length;
    log.plans += 1;
    log.activities += activities;
    log.adopted += adopted ? 1 : 0;
  }
  return log;
}
