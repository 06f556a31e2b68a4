import { ACTIVITY_KINDS, type AddActivityToPlan, type AdoptPlan, type DraftPlan } from '#coordination';
import type { CommandContext } from '#eventsourcing';

/**
 * Deterministic, realistic plan data: joint activity plans of the OTS with multilingual titles,
 * member and observer states, lead institutions and dates, as officers enter them.
 */
const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'] as const;
const OBSERVERS = ['HU', 'TM'] as const;
const SERIES = ['diaspora-ministerial', 'education-ministerial', 'tourism-ministerial', 'youth-sport'];
const YEAR = 2025;

export const planIdOf = (p: number): string => `${SERIES[p % SERIES.length]}-${YEAR}-${p}`;

export function contextOf(commandId: string): CommandContext {
  return {
    commandId,
    correlationId: `bench-${commandId}`,
    causationId: null,
    actor: { id: 'secretariat-officer-1', role: 'secretariat' },
    occurredAt: `${YEAR - 1}-11-18`,
    source: { kind: 'minutes', title: 'Minutes of the 6th meeting of the ministers' },
    visibility: 'public',
  };
}

export function draftPlanData(p: number): DraftPlan['data'] {
  const seriesId = SERIES[p % SERIES.length];
  return {
    planId: planIdOf(p),
    seriesId,
    year: YEAR,
    title: {
      en: `Joint Activity Plan of the OTS (${seriesId}) for the year ${YEAR}, no. ${p}`,
      ru: `Совместный план мероприятий ОТГ на ${YEAR} год, № ${p}`,
      tr: `TDT ${YEAR} yılı Ortak Faaliyet Planı, no. ${p}`,
    },
  };
}

/** The n-th activity of a plan: every field filled the way a real plan fills it. */
export function activityData(planId: string, n: number): AddActivityToPlan['data'] {
  const kind = ACTIVITY_KINDS[n % ACTIVITY_KINDS.length];
  const lead = MEMBERS[n % MEMBERS.length];
  const others = MEMBERS.filter((state) => state !== lead).slice(0, 2 + (n % 3));
  const participatingStates = n % 4 === 0 ? [lead, ...others, OBSERVERS[n % 2]] : [lead, ...others];
  const month = String(1 + (n % 12)).padStart(2, '0');
  const day = 1 + (n % 25);
  return {
    planId,
    activityId: `${kind}-${n}`,
    kind,
    title: {
      en: `${kind.replace(/-/g, ' ')} no. ${n} of the joint plan`,
      ru: `Мероприятие № ${n} совместного плана`,
    },
    leadState: lead,
    ...(n % 3 === 0 ? { leadInstitutionId: `ministry-${lead.toLowerCase()}-${n % 7}` } : {}),
    participatingStates,
    plannedStart: `${YEAR}-${month}-${String(day).padStart(2, '0')}`,
    plannedEnd: `${YEAR}-${month}-${String(day + 3).padStart(2, '0')}`,
  };
}

/** Adopts plan `p` at a convened meeting of its series, the year before. */
export function adoptPlanData(p: number): AdoptPlan['data'] {
  const planId = planIdOf(p);
  const seriesId = SERIES[p % SERIES.length];
  const decision = { meetingId: `${seriesId}-meeting-${p}`, decisionId: `adopt-${planId}` };
  return {
    planId,
    decision,
    facts: {
      decision: {
        ...decision,
        seriesId,
        meetingDate: `${YEAR - 1}-11-18`,
        meetingConvened: true,
        kind: 'adopted',
        subject: { planId },
        adoptingStates: [...MEMBERS, 'HU'],
        accreditedMemberStates: [...MEMBERS],
      },
      adoptedPlanOfSeriesYear: null,
    },
  };
}
