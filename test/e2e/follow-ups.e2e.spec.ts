import { OTS_STATE_REGISTRATIONS } from '../../libs/coordination/src/states/testing/ots-states.js';
import { startEngine, type RunningEngine } from '../support/engine.js';
import { DECISION, MEETING, recordTashkentMeeting } from '../support/tashkent.js';

const YTB = {
  institutionId: 'tr-ytb',
  state: 'TR',
  name: { en: 'Presidency for Turks Abroad and Related Communities' },
  validFrom: '2018-07-15',
};
const ASSIGN = {
  followUpId: 'plan-2025-forum-venue',
  decision: { meetingId: MEETING, decisionId: DECISION },
  assignee: { state: 'TR' },
  description: { en: 'Propose the venue and dates of the Turkic Diaspora Forum' },
  dueDate: '2025-02-28',
};

/** The FollowUp aggregate over HTTP, on a decision of the Tashkent meeting (18 November 2024). */
describe('follow-ups over HTTP', () => {
  let engine: RunningEngine;

  beforeEach(async () => {
    engine = await startEngine();
    for (const state of OTS_STATE_REGISTRATIONS) {
      expect((await engine.post('/api/commands/RegisterState', state)).status).toBe(200);
    }
    expect((await engine.post('/api/commands/RegisterInstitution', YTB)).status).toBe(200);
    await recordTashkentMeeting(engine);
  });
  afterEach(() => engine.close());

  const post = (type: string, body: object) => engine.post(`/api/commands/${type}`, body);
  const store = () => engine.app.get(Symbol.for('kurultai.EventStore'));
  const head = async () => (await engine.get('/health/ready')).body.headPosition as number;

  it('assigns a follow-up of the decision, tracks its implementation and schedules its review', async () => {
    const assigned = await post('AssignFollowUp', { ...ASSIGN, assignee: { institutionId: 'tr-ytb' } });
    expect(assigned.body).toMatchObject({ stream: 'followup-plan-2025-forum-venue', revision: 0 });
    const review = {
      followUpId: ASSIGN.followUpId,
      reviewOn: '2025-11-20',
      meetingId: 'diaspora-ministerial-7',
    };
    expect((await post('ScheduleReview', review)).status).toBe(200);
    const note = { en: 'Istanbul proposed' };
    expect(
      (
        await post('UpdateImplementationStatus', {
          followUpId: ASSIGN.followUpId,
          status: 'in-progress',
          note,
        })
      ).status,
    ).toBe(200);
    expect(
      (await post('UpdateImplementationStatus', { followUpId: ASSIGN.followUpId, status: 'implemented' }))
        .status,
    ).toBe(200);

    const events = await store().readStream('followup-plan-2025-forum-venue');
    expect(events.map((e: { type: string; data: unknown }) => [e.type, e.data])).toEqual([
      [
        'FollowUpAssigned',
        {
          followUpId: ASSIGN.followUpId,
          decision: ASSIGN.decision,
          decidedOn: '2024-11-18',
          assignee: { state: 'TR', institutionId: 'tr-ytb' },
          description: ASSIGN.description,
          dueDate: '2025-02-28',
        },
      ],
      ['ReviewScheduled', review],
      [
        'ImplementationStatusUpdated',
        { followUpId: ASSIGN.followUpId, status: 'in-progress', previousStatus: 'not-started', note },
      ],
      [
        'ImplementationStatusUpdated',
        { followUpId: ASSIGN.followUpId, status: 'implemented', previousStatus: 'in-progress', note: null },
      ],
    ]);

    const reopened = await post('UpdateImplementationStatus', {
      followUpId: ASSIGN.followUpId,
      status: 'in-progress',
    });
    expect([reopened.status, reopened.body.rule]).toEqual([422, 'followup.status-final']);
    const late = await post('ScheduleReview', { ...review, reviewOn: '2026-11-20' });
    expect([late.status, late.body.rule]).toEqual([422, 'followup.status-final']);
  });

  it.each([
    [
      'an unknown decision',
      { decision: { meetingId: MEETING, decisionId: 'none' } },
      404,
      'decision.not-found',
    ],
    [
      'an unknown meeting',
      { decision: { meetingId: 'nowhere', decisionId: DECISION } },
      404,
      'decision.not-found',
    ],
    ['a state never registered', { assignee: { state: 'RU' } }, 404, 'state.not-found'],
    [
      'an institution never registered',
      { assignee: { institutionId: 'nowhere' } },
      404,
      'institution.not-found',
    ],
    [
      'an institution of another state',
      { assignee: { state: 'AZ', institutionId: 'tr-ytb' } },
      422,
      'followup.institution-of-another-state',
    ],
    ['nobody to act', { assignee: {} }, 422, 'followup.assignee-required'],
    ['a due date before the decision', { dueDate: '2024-11-01' }, 422, 'followup.due-before-decision'],
  ])('refuses %s, naming the rule, and writes nothing', async (_case, change, status, rule) => {
    const before = await head();
    const reply = await post('AssignFollowUp', { ...ASSIGN, ...change });
    expect([reply.status, reply.body.rule]).toEqual([status, rule]);
    expect(await head()).toBe(before);
  });

  it('refuses to assign twice, to update the unchanged status, a second review that day, or an unknown follow-up', async () => {
    expect((await post('AssignFollowUp', ASSIGN)).status).toBe(200);
    const twice = await post('AssignFollowUp', ASSIGN);
    expect([twice.status, twice.body.rule]).toEqual([409, 'followup.already-assigned']);
    const same = await post('UpdateImplementationStatus', {
      followUpId: ASSIGN.followUpId,
      status: 'not-started',
    });
    expect([same.status, same.body.rule]).toEqual([422, 'followup.status-unchanged']);
    const review = { followUpId: ASSIGN.followUpId, reviewOn: '2025-06-01' };
    expect((await post('ScheduleReview', review)).status).toBe(200);
    const again = await post('ScheduleReview', review);
    expect([again.status, again.body.rule]).toEqual([409, 'followup.review-already-scheduled']);
    const early = await post('ScheduleReview', { ...review, reviewOn: '2024-01-01' });
    expect([early.status, early.body.rule]).toEqual([422, 'followup.review-before-decision']);
    const unknown = await post('UpdateImplementationStatus', {
      followUpId: 'nowhere',
      status: 'in-progress',
    });
    expect([unknown.status, unknown.body.rule]).toEqual([404, 'followup.not-found']);
    const bad = await post('UpdateImplementationStatus', { followUpId: ASSIGN.followUpId, status: 'done' });
    expect(bad.status).toBe(400);
  });
});
