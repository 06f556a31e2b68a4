import { join } from 'node:path';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario } from '../../apps/api/src/scenario/scenario.js';
import { startEngine, type RunningEngine } from '../support/engine.js';

const FILE = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');
const TASHKENT = 'diaspora-ministerial-6';
const VISION = 'turkic-world-vision-2040';
const DOCUMENTS = ['bishkek-summit-declaration-2024', VISION, 'ots-strategy-2022-2026'];
const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];

interface Item {
  readonly decisionId: string;
  readonly kind: string;
  readonly meeting: { number: number };
}

/** The decision register and the strategic-document links over HTTP, with the bundled scenario imported. */
describe('the decision register and strategic documents over HTTP', () => {
  let engine: RunningEngine;
  let head: number;

  beforeAll(async () => {
    engine = await startEngine();
    head = (await importScenario(engine, await loadScenario(FILE))).headPosition;
  }, 60_000);
  afterAll(() => engine.close());

  const get = (path: string) => engine.get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`);
  const decision = async (id: string) => (await get(`/api/decisions/${TASHKENT}/${id}`)).body;

  it('lists the three decisions of the Tashkent meeting in the order recorded', async () => {
    const reply = await get(`/api/decisions?meetingId=${TASHKENT}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(reply.body.items.map((d: Item) => [d.decisionId, d.kind, d.meeting.number])).toEqual([
      ['adopt-plan-2025', 'adopted', 6],
      ['organise-joint-events', 'agreed-to-organise', 6],
      ['noted-strategic-documents', 'noted', 6],
    ]);
  });

  it('shows the plan the 2025 decision adopted, with the meeting and agenda item it was taken at', async () => {
    const adopted = await decision('adopt-plan-2025');
    expect(adopted).toMatchObject({
      meetingId: TASHKENT,
      decisionId: 'adopt-plan-2025',
      meeting: {
        id: TASHKENT,
        number: 6,
        date: '2024-11-18',
        city: 'Tashkent',
        host: { state: 'UZ', institutionId: 'uz-interethnic-committee' },
      },
      agendaItem: {
        id: 'joint-activity-plan-2025',
        title: { en: 'Diaspora Joint Activity Plan of the OTS for the year 2025' },
      },
      kind: 'adopted',
      subject: { planId: 'diaspora-2025' },
      adoptingStates: MEMBERS,
      corrections: [],
      visibility: 'public',
      occurredAt: '2024-11-18T00:00:00.000Z',
    });
    expect(adopted.produced).toEqual({
      plan: {
        planId: 'diaspora-2025',
        year: 2025,
        title: { en: 'Diaspora Joint Activity Plan of the OTS for the year 2025' },
        status: 'adopted',
        adoptedOn: '2024-11-18',
      },
      amendedPlans: [],
      activities: [],
      followUps: [],
    });
    expect(adopted.timeline.map((t: { type: string }) => t.type)).toEqual([
      'DecisionRecorded',
      'PlanAdopted',
    ]);
  });

  it('shows the round and the follow-up the decision to organise set going, and its timeline', async () => {
    const organise = await decision('organise-joint-events');
    expect(organise.kind).toBe('agreed-to-organise');
    expect(organise.strategicDocuments).toEqual([{ id: VISION, title: { en: 'Turkic World Vision-2040' } }]);
    expect(organise.produced.plan).toBeNull();
    expect(organise.produced.activities).toEqual([
      {
        activityId: 'diaspora-ministerial-7',
        kind: 'meeting-round',
        title: { en: '7th Meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs' },
        leadState: 'KZ',
        plannedStart: '2025-11-17',
        plannedEnd: '2025-11-17',
        status: 'scheduled',
        progress: 0,
        visibility: 'public',
      },
    ]);
    expect(organise.produced.followUps).toEqual([
      expect.objectContaining({
        followUpId: 'report-joint-events-2025',
        assignee: { state: null, institutionId: 'ots-secretariat' },
        dueDate: '2025-11-01',
        status: 'in-progress',
      }),
    ]);
    const timeline = organise.timeline as {
      position: number;
      type: string;
      stream: string;
      occurredAt: string;
    }[];
    expect(timeline.map((t) => [t.type, t.stream])).toEqual([
      ['DecisionRecorded', `meeting-${TASHKENT}`],
      ['ActivityScheduled', 'activity-diaspora-ministerial-7'],
      ['FollowUpAssigned', 'followup-report-joint-events-2025'],
      ['ImplementationStatusUpdated', 'followup-report-joint-events-2025'],
    ]);
    expect(timeline.at(-1)).toMatchObject({ occurredAt: '2025-03-01T00:00:00.000Z' });
    expect(timeline.map((t) => t.position)).toEqual(
      [...timeline.map((t) => t.position)].sort((a, b) => a - b),
    );
    expect(organise.position).toBe(timeline.at(-1)?.position);
  });

  it('shows the briefing noted, citing the three strategic documents', async () => {
    const noted = await decision('noted-strategic-documents');
    expect(noted).toMatchObject({
      kind: 'noted',
      adoptingStates: [],
      agendaItem: { id: 'strategic-documents' },
    });
    expect(noted.strategicDocuments.map((d: { id: string }) => d.id)).toEqual(DOCUMENTS);
    expect(noted.strategicDocuments.every((d: { title: unknown }) => d.title !== null)).toBe(true);
  });

  it("lists each year's plan adoption by its meeting, oldest first", async () => {
    const adopted = (await get('/api/decisions?kind=adopted&sort=date')).body;
    expect(adopted.items.map((d: Item) => [d.decisionId, d.meeting.number])).toEqual([
      ['adopt-plan-2023', 4],
      ['adopt-plan-2024', 5],
      ['adopt-plan-2025', 6],
    ]);
    const newest = (await get('/api/decisions?kind=adopted&sort=-date&limit=1&offset=1')).body;
    expect(newest).toMatchObject({
      total: 3,
      limit: 1,
      offset: 1,
      items: [{ decisionId: 'adopt-plan-2024' }],
    });
    const p2023 = (await get('/api/decisions/diaspora-ministerial-4/adopt-plan-2023')).body;
    expect(p2023).toMatchObject({ meeting: { number: 4, city: 'Baku' }, agendaItem: null });
    expect(p2023.produced.plan).toMatchObject({ planId: 'diaspora-2023', adoptedOn: '2022-12-15' });
  });

  it('filters by adopting state and by the document cited', async () => {
    expect((await get('/api/decisions?state=TR')).body.total).toBe(4);
    const vision = (await get(`/api/decisions?documentId=${VISION}&sort=date`)).body;
    expect(vision.items.map((d: Item) => d.decisionId)).toEqual([
      'organise-joint-events',
      'noted-strategic-documents',
    ]);
  });

  it('links the Turkic World Vision-2040 to the two decisions and the briefing that cite it in Tashkent', async () => {
    const reply = await get(`/api/strategic-documents/${VISION}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: VISION,
      title: { en: 'Turkic World Vision-2040' },
      kind: 'vision',
      adoptedAt: '2021-11-12',
      adoptedAtPlace: 'Istanbul',
      citedBy: { decisions: 2, briefings: 1 },
    });
    const tashkent = { id: TASHKENT, number: 6, date: '2024-11-18', city: 'Tashkent' };
    expect(reply.body.decisions).toEqual([
      expect.objectContaining({
        decisionId: 'organise-joint-events',
        meeting: expect.objectContaining(tashkent),
      }),
      expect.objectContaining({
        decisionId: 'noted-strategic-documents',
        meeting: expect.objectContaining(tashkent),
      }),
    ]);
    expect(reply.body.briefings).toEqual([
      expect.objectContaining({
        briefingId: 'secretariat-briefing',
        meeting: expect.objectContaining(tashkent),
      }),
    ]);
    const list = (await get('/api/strategic-documents')).body;
    expect(list.items.map((d: { id: string; citedBy: object }) => [d.id, d.citedBy])).toEqual([
      [VISION, { decisions: 2, briefings: 1 }],
      ['ots-strategy-2022-2026', { decisions: 1, briefings: 1 }],
      ['bishkek-summit-declaration-2024', { decisions: 1, briefings: 1 }],
    ]);
    expect(list.total).toBe(3);
  });

  it('answers "as of" the end of 2024: the follow-up not started yet', async () => {
    const reply = await engine.get(
      `/api/decisions/${TASHKENT}/organise-joint-events?asOf=occurred:2024-12-31`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.produced.followUps).toEqual([
      expect.objectContaining({ followUpId: 'report-joint-events-2025', status: 'not-started' }),
    ]);
    expect(reply.body.timeline.map((t: { type: string }) => t.type)).not.toContain(
      'ImplementationStatusUpdated',
    );
    const before = await engine.get(`/api/decisions?meetingId=${TASHKENT}&asOf=occurred:2024-11-17`);
    expect(before.body).toMatchObject({ items: [], total: 0 });
  });

  it('answers 404 problem details for an unknown decision or document, 400 for a bad query', async () => {
    const unknown = await get(`/api/decisions/${TASHKENT}/no-such-decision`);
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toContain('application/problem+json');
    expect(unknown.body).toMatchObject({
      type: 'urn:kurultai:problem:not-found',
      rule: 'decision.not-found',
    });
    expect((await get('/api/strategic-documents/no-such-document')).status).toBe(404);
    const bad = await engine.get('/api/decisions?sort=newest');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'sort' })]);
    expect((await engine.get('/api/decisions?kind=vetoed')).status).toBe(400);
  });

  it('shows a corrected decision with the original kept, and the correction on its timeline', async () => {
    const text = {
      en: 'The parties took note of the briefing of the Secretariat on the strategic documents',
    };
    const reason = { en: 'The minutes word it so' };
    const corrected = await engine.post('/api/commands/CorrectRecord', {
      meetingId: TASHKENT,
      correctionId: 'noted-wording',
      target: { kind: 'decision', id: 'noted-strategic-documents' },
      field: 'text',
      correctedValue: text,
      reason,
    });
    expect(corrected.status).toBe(200);
    const reply = await engine.get(
      `/api/decisions/${TASHKENT}/noted-strategic-documents?minPosition=${corrected.body.position}`,
    );
    expect(reply.body.text).toEqual(text);
    expect(reply.body.corrections).toEqual([
      expect.objectContaining({
        correctionId: 'noted-wording',
        field: 'text',
        originalValue: {
          en: 'The parties took note of the briefing of the Secretariat on the Bishkek Summit Declaration, the Turkic World Vision-2040 and the OTS Strategy 2022-2026',
        },
        correctedValue: text,
        reason,
        position: corrected.body.position,
      }),
    ]);
    expect(reply.body.timeline.at(-1)).toMatchObject({
      type: 'RecordCorrected',
      position: corrected.body.position,
    });
    const vision = (await engine.get(`/api/strategic-documents/${VISION}`)).body;
    expect(vision.decisions[1].text).toEqual(text);
  });
});
