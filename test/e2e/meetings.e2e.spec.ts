import { startEngine, type RunningEngine } from '../support/engine.js';
import {
  defineSeries,
  MEETING,
  ORGANISE_DECISION,
  PLAN,
  STRATEGIC_DOCUMENTS,
  agendaItems,
  bilateralMeetings,
  delegations,
  organiseDecision,
  recordBriefing,
  recordDecision,
  recordTashkentMeeting,
  scheduleMeeting,
} from '../support/tashkent.js';

interface StoredEvent {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

describe('the record of a meeting over HTTP (Tashkent, 18 November 2024)', () => {
  let engine: RunningEngine;

  beforeEach(async () => {
    engine = await startEngine();
  });
  afterEach(() => engine.close());

  const send = (type: string, body: unknown) => engine.post(`/api/commands/${type}`, body);
  const ok = async (type: string, body: unknown) => {
    const reply = await send(type, body);
    if (reply.status !== 200)
      throw new Error(`${type} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply;
  };
  const expectRefusal = async (type: string, body: unknown, status: number, rule: string) => {
    const reply = await send(type, body);
    expect({ status: reply.status, rule: reply.body.rule }).toEqual({ status, rule });
    expect(reply.contentType).toContain('application/problem+json');
  };
  const stream = async (name: string): Promise<StoredEvent[]> =>
    engine.app.get(Symbol.for('kurultai.EventStore')).readStream(name);

  const correction = {
    meetingId: MEETING,
    correctionId: 'youth-forum-in-minutes',
    target: { kind: 'decision', id: ORGANISE_DECISION },
    field: 'text',
    correctedValue: {
      en: 'The parties agreed to organise the joint events of 2025, among them the Diaspora Youth Forum',
    },
    reason: { en: 'The minutes name the Diaspora Youth Forum' },
  };

  it('records agenda, briefing, decisions and bilaterals, closes, then only corrects keeping the original', async () => {
    await ok('DefineMeetingSeries', defineSeries);
    await ok('ScheduleMeeting', { ...scheduleMeeting, hostInstitutionId: 'uz-interethnic-committee' });
    for (const item of agendaItems) await ok('AddAgendaItem', item);
    for (const d of delegations) await ok('AccreditDelegation', { meetingId: MEETING, ...d });
    await ok('ConveneMeeting', { meetingId: MEETING });
    await ok('RecordBriefing', recordBriefing);
    await ok('RecordDecision', { ...recordDecision, agendaItemId: 'joint-activity-plan-2025' });
    await ok('RecordDecision', organiseDecision);
    for (const bilateral of bilateralMeetings) {
      await ok('RecordBilateralMeeting', { ...bilateral, occurredAt: '2024-11-18T13:00:00+05:00' });
    }
    await expectRefusal('CorrectRecord', correction, 422, 'correction.meeting-not-closed');
    await ok('CloseMeeting', { meetingId: MEETING });

    await expectRefusal('RecordDecision', { ...organiseDecision, decisionId: 'late' }, 422, 'meeting.closed');
    await expectRefusal('RecordBriefing', { ...recordBriefing, briefingId: 'late' }, 422, 'meeting.closed');
    const adoptingStates = { ...correction, field: 'adoptingStates', correctedValue: ['UZ', 'TR'] };
    await expectRefusal('CorrectRecord', adoptingStates, 422, 'correction.needs-new-decision');
    const nowhere = { ...correction, target: { kind: 'briefing', id: 'nowhere' } };
    await expectRefusal('CorrectRecord', nowhere, 404, 'correction.target-not-found');
    const corrected = await ok('CorrectRecord', correction);
    expect(corrected.body.events.map((e: { type: string }) => e.type)).toEqual(['RecordCorrected']);

    const events = await stream(`meeting-${MEETING}`);
    const decided = events.filter((e) => e.type === 'DecisionRecorded').map((e) => e.data);
    expect(decided[1]).toMatchObject({
      kind: 'agreed-to-organise',
      text: organiseDecision.text,
      agendaItemId: 'joint-events-2025',
      documents: [],
      citesStrategicDocuments: ['turkic-world-vision-2040'],
      followUps: [{ followUpId: 'report-on-joint-events-2025', dueDate: '2025-11-01' }],
    });
    expect(decided[1].organise).toHaveLength(6);
    expect(decided[1].organise).toContainEqual(
      expect.objectContaining({ activityId: 'turkic-diaspora-forum-2025', withNgos: true, city: 'Istanbul' }),
    );
    expect(events.find((e) => e.type === 'BriefingDelivered')?.data.citesStrategicDocuments).toEqual(
      STRATEGIC_DOCUMENTS,
    );
    expect(events.filter((e) => e.type === 'BilateralMeetingHeld')).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({
      type: 'RecordCorrected',
      data: { originalValue: organiseDecision.text, correctedValue: correction.correctedValue },
    });
  });

  it('amends the adopted plan citing the decision "agreed to organise", closes it, and shows both', async () => {
    await recordTashkentMeeting(engine);
    await ok('AdoptPlan', { planId: PLAN, decision: { meetingId: MEETING, decisionId: 'adopt-plan-2025' } });
    await ok('AddAgendaItem', agendaItems[3]);
    await ok('RecordDecision', organiseDecision);
    const nextRound = organiseDecision.organise[0];
    const amend = {
      planId: PLAN,
      amendmentId: 'next-ministerial-round',
      decision: { meetingId: MEETING, decisionId: ORGANISE_DECISION },
      changes: { addActivities: [nextRound], retitle: { en: 'Diaspora Joint Activity Plan 2025 (amended)' } },
    };
    const missing = { ...amend, decision: { meetingId: MEETING, decisionId: 'nowhere' } };
    await expectRefusal('AmendPlan', missing, 404, 'decision.not-found');
    const amended = await ok('AmendPlan', amend);
    let plan = await engine.get(`/api/plans/${PLAN}?minPosition=${amended.body.position}`);
    expect(plan.body).toMatchObject({
      status: 'adopted',
      title: amend.changes.retitle,
      amendments: [{ amendmentId: 'next-ministerial-round', amendedOn: '2024-11-18' }],
    });
    expect(plan.body.activities.map((a: { id: string }) => a.id)).toContain('diaspora-ministerial-7');

    const closed = await ok('ClosePlan', { planId: PLAN, closedOn: '2025-12-31' });
    plan = await engine.get(`/api/plans/${PLAN}?minPosition=${closed.body.position}`);
    expect(plan.body).toMatchObject({ status: 'closed', closure: { closedOn: '2025-12-31', reason: null } });
    const list = await engine.get(`/api/plans?status=closed&minPosition=${closed.body.position}`);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([PLAN]);
    await expectRefusal('AmendPlan', { ...amend, amendmentId: 'too-late' }, 422, 'plan.closed');
  });
});
