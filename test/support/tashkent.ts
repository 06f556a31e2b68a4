/**
 * The 6th meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs
 * (Tashkent, 18 November 2024) as the commands a Secretariat officer sends.
 */
export const MEETING = 'diaspora-ministerial-6';
export const PLAN = 'diaspora-2025';
export const DECISION = 'adopt-plan-2025';

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

/** Sends the meeting's commands up to (not including) the plan's adoption. */
export async function recordTashkentMeeting(
  post: (path: string, body: unknown) => Promise<{ status: number; body: unknown }>,
) {
  const expectOk = async (type: string, body: unknown) => {
    const reply = await post(`/api/commands/${type}`, body);
    if (reply.status !== 200)
      throw new Error(`${type} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply;
  };
  await expectOk('ScheduleMeeting', scheduleMeeting);
  for (const d of delegations) await expectOk('AccreditDelegation', { meetingId: MEETING, ...d });
  await expectOk('ConveneMeeting', { meetingId: MEETING });
  await expectOk('RecordDecision', recordDecision);
  await expectOk('DraftPlan', draftPlan);
  for (const a of activities) await expectOk('AddActivityToPlan', a);
}
