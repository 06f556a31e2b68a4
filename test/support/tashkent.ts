/**
 * The 6th meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs
 * (Tashkent, 18 November 2024) as the commands a Secretariat officer sends.
 */
export const MEETING = 'diaspora-ministerial-6';
export const PLAN = 'diaspora-2025';
export const DECISION = 'adopt-plan-2025';

export const defineSeries = {
  seriesId: 'diaspora-ministerial',
  title: { en: 'Meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs of the OTS' },
  domain: 'diaspora',
};

export const scheduleMeeting = {
  meetingId: MEETING,
  seriesId: 'diaspora-ministerial',
  number: 6,
  title: {
    en: '6th Meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs of the OTS',
  },
  hostState: 'UZ',
  city: 'Tashkent',
  date: '2024-11-18',
};

export const delegations = [
  { state: 'AZ', level: 'head-of-institution' },
  { state: 'KZ', level: 'head-of-institution' },
  { state: 'KG', level: 'deputy-minister' },
  { state: 'TR', level: 'head-of-institution' },
  { state: 'UZ', level: 'head-of-institution' },
  { state: 'HU', level: 'official' },
];

export const recordDecision = {
  meetingId: MEETING,
  decisionId: DECISION,
  kind: 'adopted',
  text: { en: 'The parties adopted the Diaspora Joint Activity Plan of the OTS for the year 2025' },
  subject: { planId: PLAN },
  adoptingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
};

export const draftPlan = {
  planId: PLAN,
  seriesId: 'diaspora-ministerial',
  year: 2025,
  title: { en: 'Diaspora Joint Activity Plan of the OTS for the year 2025' },
};

export const activities = [
  {
    activityId: 'turkic-diaspora-forum-2025',
    kind: 'forum',
    title: { en: 'Turkic Diaspora Forum' },
    leadState: 'TR',
  },
  {
    activityId: 'diaspora-youth-forum-2025',
    kind: 'forum',
    title: { en: 'Diaspora Youth Forum' },
    leadState: 'AZ',
  },
  {
    activityId: 'capacity-building-2025',
    kind: 'training-programme',
    title: { en: 'Capacity Building Training Program' },
    leadState: 'KZ',
  },
  {
    activityId: 'exchange-of-experience-2025',
    kind: 'exchange-programme',
    title: { en: 'Diaspora Exchange of Experience Program' },
    leadState: 'UZ',
  },
  { activityId: 'internship-2025', kind: 'internship', title: { en: 'Internship Program' }, leadState: 'KG' },
].map((a) => ({
  planId: PLAN,
  participatingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
  plannedStart: '2025-03-01',
  plannedEnd: '2025-11-30',
  ...a,
}));

type Reply = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Sends the meeting's commands up to (not including) the plan's adoption. The adoption decision
 * comes before the plan is drafted, so the process manager's own AdoptPlan is refused
 * (plan.not-found) and the tests adopt the plan themselves; waiting for the process manager keeps
 * that order certain.
 */
export async function recordTashkentMeeting(engine: {
  post: (path: string, body: unknown) => Promise<Reply>;
  get: (path: string) => Promise<Reply>;
}) {
  const expectOk = async (type: string, body: unknown) => {
    const reply = await engine.post(`/api/commands/${type}`, body);
    if (reply.status !== 200)
      throw new Error(`${type} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply;
  };
  await expectOk('DefineMeetingSeries', defineSeries);
  await expectOk('ScheduleMeeting', scheduleMeeting);
  for (const d of delegations) await expectOk('AccreditDelegation', { meetingId: MEETING, ...d });
  await expectOk('ConveneMeeting', { meetingId: MEETING });
  const decided = await expectOk('RecordDecision', recordDecision);
  const processes = await engine.get(`/api/processes?minPosition=${decided.body.position}`);
  if (processes.status !== 200) throw new Error(`processes answered ${processes.status}`);
  await expectOk('DraftPlan', draftPlan);
  for (const a of activities) await expectOk('AddActivityToPlan', a);
}

/** The rest of the meeting's record: its agenda, the briefing, what it agreed to organise, the margins. */
export const agendaItems = [
  { itemId: 'opening', title: { en: 'Opening of the meeting' } },
  { itemId: 'strategic-documents', title: { en: 'Briefing on the strategic documents of the OTS' } },
  { itemId: 'joint-activity-plan-2025', title: { en: 'Diaspora Joint Activity Plan for 2025' } },
  { itemId: 'joint-events-2025', title: { en: 'Forums, programmes and the next ministerial round' } },
].map((item) => ({ meetingId: MEETING, ...item }));

export const STRATEGIC_DOCUMENTS = [
  'bishkek-summit-declaration-2024',
  'turkic-world-vision-2040',
  'ots-strategy-2022-2026',
];

export const recordBriefing = {
  meetingId: MEETING,
  briefingId: 'secretariat-briefing',
  by: { institutionId: 'ots-secretariat', role: { en: 'Deputy Secretary General of the OTS' } },
  topic: { en: 'The Bishkek Summit Declaration, the Turkic World Vision-2040, the OTS Strategy 2022-2026' },
  citesStrategicDocuments: STRATEGIC_DOCUMENTS,
};

export const ORGANISE_DECISION = 'organise-2025';

export const organiseDecision = {
  meetingId: MEETING,
  decisionId: ORGANISE_DECISION,
  kind: 'agreed-to-organise',
  text: { en: 'The parties agreed to organise the joint events of 2025 and the next ministerial round' },
  adoptingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
  agendaItemId: 'joint-events-2025',
  citesStrategicDocuments: ['turkic-world-vision-2040'],
  organise: [
    ['diaspora-ministerial-7', 'meeting-round', 'The 7th meeting of the ministerial round', 'KZ'],
    ['exchange-of-experience-2025', 'exchange-programme', 'Diaspora Exchange of Experience Program', 'UZ'],
    ['capacity-building-2025', 'training-programme', 'Capacity Building Training Program', 'KZ'],
    ['turkic-diaspora-forum-2025', 'forum', 'Turkic Diaspora Forum', 'TR'],
    ['diaspora-youth-forum-2025', 'forum', 'Diaspora Youth Forum', 'AZ'],
    ['internship-2025', 'internship', 'Internship Program', 'KG'],
  ].map(([activityId, kind, en, leadState]) => ({
    activityId,
    kind,
    title: { en },
    leadState,
    participatingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
    ...(kind === 'forum' && leadState === 'TR' ? { withNgos: true, city: 'Istanbul' } : {}),
  })),
  followUps: [
    {
      followUpId: 'report-on-joint-events-2025',
      assignee: { institutionId: 'ots-secretariat' },
      description: { en: 'Report to the 7th meeting on the forums and programmes organised in 2025' },
      dueDate: '2025-11-01',
    },
  ],
};

export const bilateralMeetings = [
  ['uz-az-diaspora', 'UZ', 'uz-interethnic-committee', 'AZ', 'az-diaspora-committee'],
  ['kz-tr-diaspora', 'KZ', 'kz-otandastar', 'TR', 'tr-ytb'],
].map(([bilateralId, a, aInstitution, b, bInstitution]) => ({
  meetingId: MEETING,
  bilateralId,
  parties: [
    { state: a, institutionId: aInstitution },
    { state: b, institutionId: bInstitution },
  ],
}));
