import { join } from 'node:path';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario } from '../../apps/api/src/scenario/scenario.js';
import type { CallingEngine, Caller, RunningEngine } from '../support/engine.js';

/**
 * The world of the leak test: the bundled OTS diaspora scenario (public), and on top of it the
 * internal items of two states. Everything internal of state A carries `a-secret` in its id and
 * "Confidential UZ" in its title or text; of state B, `b-secret` and "Confidential TR".
 */
export const A = 'UZ';
export const B = 'TR';

export interface Secret {
  readonly state: string;
  /** Found in every id of the state's internal items. */
  readonly id: string;
  /** Found in every title and text of the state's internal items. */
  readonly title: string;
}
export const SECRET_A: Secret = { state: A, id: 'a-secret', title: 'Confidential UZ' };
export const SECRET_B: Secret = { state: B, id: 'b-secret', title: 'Confidential TR' };

export const A_MEETING = 'a-secret-meeting';
export const A_DECISION = 'a-secret-decision';
export const A_ACTIVITY = 'a-secret-exchange';
export const A_FOLLOW_UP = 'a-secret-follow-up';
export const A_PROTOCOL = 'a-secret-protocol';
export const A_PLAN = 'a-secret-plan';
export const A_CORRELATION = 'a-secret-correlation';
export const B_PROTOCOL = 'b-secret-protocol';

export const PUBLIC_MEETING = 'diaspora-ministerial-6';
export const PUBLIC_DECISION = 'adopt-plan-2025';
export const PUBLIC_PLAN = 'diaspora-2025';
export const PUBLIC_PROTOCOL = 'kz-otandastar-uz-committee-2024';

export const FOCAL_A: Caller = { role: 'focal-point', state: A };
export const FOCAL_B: Caller = { role: 'focal-point', state: B };

const SCENARIO = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');

type Step = [type: string, body: Record<string, unknown>, as?: Caller];

const protocol = (id: string, title: string, a: string, b: string, place: string): Step[] => [
  [
    'DraftProtocol',
    {
      protocolId: id,
      title: { en: title },
      parties: [{ institutionId: a }, { institutionId: b }],
      visibility: 'internal',
    },
  ],
  // Said nothing of visibility: the protocol is internal, so these are too.
  ...[a, b].map((institutionId): Step => [
    'DesignateSignatory',
    { protocolId: id, institutionId, signatory: { name: `Head of ${institutionId}` } },
  ]),
  ...[a, b].map((institutionId): Step => [
    'SignProtocol',
    { protocolId: id, institutionId, signedOn: '2025-02-10', place },
  ]),
];

/** A's internal meeting, decision, activity (then its progress), follow-up, plan and protocol. */
const INTERNAL_A: Step[] = [
  [
    'DefineMeetingSeries',
    {
      seriesId: 'a-secret-series',
      title: { en: 'Confidential UZ consultations' },
      domain: 'diaspora',
      visibility: 'internal',
    },
  ],
  [
    'ScheduleMeeting',
    {
      meetingId: A_MEETING,
      seriesId: 'a-secret-series',
      number: 1,
      title: { en: 'Confidential UZ meeting' },
      hostState: A,
      city: 'Samarkand',
      date: '2025-02-10',
      visibility: 'internal',
    },
  ],
  ...['UZ', 'KZ', 'KG'].map((state): Step => [
    'AccreditDelegation',
    { meetingId: A_MEETING, state, level: 'head-of-institution' },
  ]),
  ['ConveneMeeting', { meetingId: A_MEETING }],
  [
    'RecordDecision',
    {
      meetingId: A_MEETING,
      decisionId: A_DECISION,
      kind: 'agreed-to-organise',
      text: { en: 'Confidential UZ decision' },
      adoptingStates: ['UZ', 'KZ', 'KG'],
      citesStrategicDocuments: ['turkic-world-vision-2040'],
      organise: [
        {
          activityId: A_ACTIVITY,
          kind: 'exchange-programme',
          title: { en: 'Confidential UZ exchange' },
          leadState: A,
          participatingStates: ['UZ', 'KZ'],
          plannedStart: '2025-04-01',
          plannedEnd: '2025-04-05',
        },
      ],
      followUps: [
        {
          followUpId: A_FOLLOW_UP,
          assignee: { state: A },
          description: { en: 'Confidential UZ follow-up' },
          dueDate: '2025-06-30',
        },
      ],
    },
  ],
  [
    'DraftPlan',
    {
      planId: A_PLAN,
      seriesId: 'a-secret-series',
      year: 2026,
      title: { en: 'Confidential UZ plan' },
      visibility: 'internal',
    },
  ],
  [
    'AddActivityToPlan',
    {
      planId: A_PLAN,
      activityId: 'a-secret-plan-item',
      kind: 'forum',
      title: { en: 'Confidential UZ plan item' },
      leadState: A,
      participatingStates: [A],
      plannedStart: '2026-03-01',
      plannedEnd: '2026-03-02',
    },
  ],
  ...protocol(
    A_PROTOCOL,
    'Confidential UZ protocol',
    'uz-interethnic-committee',
    'kz-otandastar',
    'Samarkand',
  ),
];
/** B's internal protocol. */
const INTERNAL_B: Step[] = protocol(
  B_PROTOCOL,
  'Confidential TR protocol',
  'tr-ytb',
  'az-diaspora-committee',
  'Ankara',
);

type Reply = Awaited<ReturnType<CallingEngine['post']>>;

async function send(
  engine: RunningEngine,
  [type, body, as]: Step,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const reply = await (as ? engine.as(as) : engine).post(`/api/commands/${type}`, body, headers);
  if (reply.status !== 200)
    throw new Error(`${type} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return reply;
}

/**
 * Loads the world; answers the head position, the last event being a public one (a feed reader
 * knows it has seen everything it may once it has seen that one).
 */
export async function loadWorld(engine: RunningEngine): Promise<{ head: number; lastPublic: number }> {
  await importScenario(engine, await loadScenario(SCENARIO));
  for (const step of INTERNAL_B) await send(engine, step, { 'x-correlation-id': 'b-secret-correlation' });
  for (const step of INTERNAL_A) {
    const reply = await send(engine, step, { 'x-correlation-id': A_CORRELATION });
    if (step[0] === 'RecordDecision') {
      // The follow-through schedules the activity and assigns the follow-up; wait for it.
      const processes = await engine.get(`/api/processes?minPosition=${reply.body.position}`);
      if (processes.status !== 200) throw new Error(`processes answered ${processes.status}`);
    }
  }
  // The focal point of A reports on the activity its state leads (internal: the activity is).
  await send(engine, ['StartActivity', { activityId: A_ACTIVITY, startedOn: '2025-04-01' }, FOCAL_A]);
  await send(engine, [
    'ReportProgress',
    { activityId: A_ACTIVITY, progress: 40, asOf: '2025-04-03' },
    FOCAL_A,
  ]);
  const last = await send(engine, [
    'RegisterInstitution',
    {
      institutionId: 'kg-last-public-institution',
      state: 'KG',
      name: { en: 'Last public institution' },
      validFrom: '2025-01-01',
    },
  ]);
  const ready = await engine.get(`/api/plans?minPosition=${last.body.position}`);
  if (ready.status !== 200) throw new Error(`read models answered ${ready.status}`);
  return { head: last.body.position, lastPublic: last.body.position };
}
