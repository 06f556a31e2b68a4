import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { yearOfTimestamp } from '../shared/iso-date.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import { assertText } from '../shared/required.js';
import type { DraftPlan } from './joint-activity-plan.commands.js';
import type { PlanDrafted, PlanState } from './joint-activity-plan.js';

/** The OTS (then the Turkic Council) was founded in 2009: no joint plan is older. */
export const FIRST_PLAN_YEAR = 2009;
/** Plans are drafted for the coming years, not for a far future. */
export const PLAN_YEARS_AHEAD = 3;

export function draftPlan(command: DraftPlan, state: PlanState): [PlanDrafted] {
  const data = command.data;
  if (state.status !== 'none') {
    throw new StateConflict('plan.already-drafted', `plan ${data.planId} is already drafted`, 'planId');
  }
  assertText(data.planId, 'plan.id-required', 'planId');
  assertText(data.seriesId, 'plan.series-required', 'seriesId');
  assertSensibleYear(data.year, command.metadata.recordedAt);
  assertLocalizedText(data.title, 'title');
  return [
    {
      type: 'PlanDrafted',
      data: { planId: data.planId, seriesId: data.seriesId, year: data.year, title: data.title },
    },
  ];
}

function assertSensibleYear(year: number, recordedAt: string): void {
  const recordedYear = yearOfTimestamp(recordedAt);
  const latest = Number.isNaN(recordedYear) ? Number.POSITIVE_INFINITY : recordedYear + PLAN_YEARS_AHEAD;
  if (!Number.isInteger(year) || year < FIRST_PLAN_YEAR || year > latest) {
    throw new RuleViolation(
      'plan.year-out-of-range',
      `a plan's year is from ${FIRST_PLAN_YEAR} to ${PLAN_YEARS_AHEAD} years after it is recorded`,
      'year',
    );
  }
}
