import type { EventMetadata, NewEvent } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';

/**
 * Plan events in the published wire shape the plan-implementation read model reads
 * (libs/read-models/src/plan-implementation/plan-events.ts), for projection tests.
 */
export const STATES = ['AZ', 'KZ', 'KG', 'TR', 'UZ'] as const;

type Meta = Partial<EventMetadata>;

export function planDrafted(planId: string, metadata: Meta = {}): NewEvent {
  const year = 2024 + (planId.length % 3);
  return newEvent(
    'PlanDrafted',
    {
      planId,
      seriesId: `series-${planId.length % 2}`,
      year,
      title: { en: `Plan ${planId}`, tr: `Plan ${planId}` },
    },
    { metadata: { occurredAt: `${year - 1}-11-18T09:00:00.000Z`, ...metadata } },
  );
}

export function activityAdded(planId: string, n: number, metadata: Meta = {}): NewEvent {
  return newEvent(
    'ActivityAddedToPlan',
    {
      planId,
      activityId: `activity-${n}`,
      kind: n % 2 === 0 ? 'meeting' : 'training',
      title: { en: `Activity ${n} of ${planId}` },
      leadState: STATES[n % STATES.length],
      leadInstitutionId: n % 3 === 0 ? null : `institution-${n}`,
      participatingStates: STATES.filter((_, i) => i !== n % STATES.length),
      plannedStart: n % 4 === 0 ? null : '2025-03-01',
      plannedEnd: n % 4 === 0 ? null : '2025-06-30',
    },
    { metadata },
  );
}

export function planAdopted(planId: string, metadata: Meta = {}): NewEvent {
  return newEvent(
    'PlanAdopted',
    {
      planId,
      decision: { meetingId: 'meeting-1', decisionId: `decision-${planId}` },
      adoptedOn: '2025-01-20',
      adoptingStates: [...STATES],
    },
    { metadata },
  );
}

/** A drafted plan with `activities` activities, as one append (as the draft command would). */
export function draftedPlan(planId: string, activities: number, metadata: Meta = {}): NewEvent[] {
  return [
    planDrafted(planId, metadata),
    ...Array.from({ length: activities }, (_, n) => activityAdded(planId, n, metadata)),
  ];
}
