/**
 * What the HTTP benchmark sends: a world set up over HTTP as an officer would (a convened
 * meeting adopts a plan of many activities, which are scheduled and started), then a realistic
 * mix of commands, each request a new command: progress reports on many activities, activities
 * added to draft plans, new draft plans.
 */
const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];
const SERIES = 'bench-ministerial';
const MEETING = 'bench-ministerial-1';
const ADOPTED_PLAN = 'bench-adopted-2025';

export interface WorldSizes {
  /** Started activities the progress reports go round. */
  readonly activities: number;
  /** Draft plans the added activities go round. */
  readonly draftPlans: number;
}

export const activityIdOf = (n: number) => `bench-activity-${n}`;
export const draftPlanIdOf = (n: number) => `bench-draft-${n}`;

const planActivity = (planId: string, activityId: string, n: number) => ({
  planId,
  activityId,
  kind: ['training-programme', 'exchange-programme', 'internship', 'other'][n % 4],
  title: { en: `Joint activity no. ${n}`, ru: `Совместное мероприятие № ${n}` },
  leadState: MEMBERS[n % MEMBERS.length],
  participatingStates: MEMBERS,
  plannedStart: '2025-03-01',
  plannedEnd: '2025-11-30',
});

/** Sends one command and fails unless the engine took it. */
type Send = (type: string, body: unknown) => Promise<{ position: number }>;

export function sender(url: string, headers: Record<string, string>): Send {
  return async (type, body) => {
    const response = await fetch(`${url}/api/commands/${type}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    const reply = (await response.json()) as { position: number };
    if (response.status !== 200)
      throw new Error(`${type} answered ${response.status}: ${JSON.stringify(reply)}`);
    return reply;
  };
}

/** The world the timed commands act on; the adoption comes from the engine's own process manager. */
export async function setUpWorld(
  url: string,
  headers: Record<string, string>,
  sizes: WorldSizes,
): Promise<void> {
  const send = sender(url, headers);
  await send('DefineMeetingSeries', {
    seriesId: SERIES,
    title: { en: 'Benchmark ministerial' },
    domain: 'diaspora',
  });
  await send('ScheduleMeeting', {
    meetingId: MEETING,
    seriesId: SERIES,
    number: 1,
    title: { en: '1st benchmark ministerial meeting' },
    hostState: 'UZ',
    city: 'Tashkent',
    date: '2024-11-18',
  });
  for (const state of MEMBERS)
    await send('AccreditDelegation', { meetingId: MEETING, state, level: 'head-of-institution' });
  await send('ConveneMeeting', { meetingId: MEETING });
  await send('DraftPlan', {
    planId: ADOPTED_PLAN,
    seriesId: SERIES,
    year: 2025,
    title: { en: 'Benchmark plan 2025' },
  });
  for (let n = 0; n < sizes.activities; n++)
    await send('AddActivityToPlan', planActivity(ADOPTED_PLAN, activityIdOf(n), n));
  const decided = await send('RecordDecision', {
    meetingId: MEETING,
    decisionId: 'adopt-bench-plan',
    kind: 'adopted',
    text: { en: 'The parties adopted the benchmark plan for 2025' },
    subject: { planId: ADOPTED_PLAN },
    adoptingStates: MEMBERS,
  });
  await waitForProcesses(url, headers, decided.position);
  for (let n = 0; n < sizes.activities; n++) {
    const { planId: _planId, activityId, ...details } = planActivity(ADOPTED_PLAN, activityIdOf(n), n);
    await send('ScheduleActivity', {
      ...details,
      activityId,
      origin: { planId: ADOPTED_PLAN, planActivityId: activityId },
    });
    await send('StartActivity', { activityId, startedOn: '2025-03-01' });
  }
  for (let n = 0; n < sizes.draftPlans; n++)
    await send('DraftPlan', {
      planId: draftPlanIdOf(n),
      seriesId: SERIES,
      year: 2026,
      title: { en: `Draft plan ${n}` },
    });
}

/** Waits until the process managers (here: the plan's adoption) have followed the log to `position`. */
async function waitForProcesses(
  url: string,
  headers: Record<string, string>,
  position: number,
): Promise<void> {
  const response = await fetch(`${url}/api/processes?minPosition=${position}`, { headers });
  if (response.status !== 200) throw new Error(`/api/processes answered ${response.status}`);
}

/**
 * The n-th timed command (`run` keeps requests of different runs apart): of every 8, 5 progress
 * reports, 2 activities added to a draft plan, 1 new draft plan.
 */
export function mixedCommand(sizes: WorldSizes, run: number, n: number): { type: string; body: unknown } {
  const slot = n % 8;
  const unique = `${run}-${n}`;
  if (slot < 5) {
    return {
      type: 'ReportProgress',
      body: {
        activityId: activityIdOf(n % sizes.activities),
        // Progress never goes down: every report of a run gives the same figure, later runs higher ones.
        progress: Math.min(99, run),
        note: { en: `Progress report ${unique}` },
        asOf: '2025-06-01',
      },
    };
  }
  if (slot < 7) {
    const planId = draftPlanIdOf(n % sizes.draftPlans);
    return { type: 'AddActivityToPlan', body: planActivity(planId, `bench-added-${unique}`, n) };
  }
  return {
    type: 'DraftPlan',
    body: {
      planId: `bench-new-${unique}`,
      seriesId: SERIES,
      year: 2027,
      title: { en: `New plan ${unique}` },
    },
  };
}
