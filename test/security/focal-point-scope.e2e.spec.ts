import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '#event-store';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario } from '../../apps/api/src/scenario/scenario.js';
import { startEngine, type RunningEngine } from '../support/engine.js';

const SCENARIO = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');

/** A focal point acts only for its own state: on activities its state leads, for its own institutions. */
describe('focal-point scope over HTTP', () => {
  let engine: RunningEngine;
  let store: EventStore;
  const kz = () => engine.as({ role: 'focal-point', state: 'KZ', sub: 'aigerim.kz' });
  const uz = () => engine.as({ role: 'focal-point', state: 'UZ', sub: 'dilnoza.uz' });
  const head = async () => (await store.head()).position;

  beforeAll(async () => {
    engine = await startEngine();
    store = engine.app.get<EventStore>(EVENT_STORE);
    await importScenario(engine, await loadScenario(SCENARIO));
  }, 120_000);
  afterAll(() => engine.close());

  describe('given the Capacity Building Training 2025, led by KZ, and the Turkic Diaspora Forum 2025, led by TR', () => {
    it("when KZ's focal point starts and reports on its own activity, then both are recorded under its identity", async () => {
      const started = await kz().post('/api/commands/StartActivity', {
        activityId: 'capacity-building-2025',
        startedOn: '2025-06-02',
      });
      expect(started.status).toBe(200);
      const progress = await kz().post('/api/commands/ReportProgress', {
        activityId: 'capacity-building-2025',
        progress: 40,
        asOf: '2025-06-20',
      });
      expect(progress.status).toBe(200);
      const events = await store.readStream('activity-capacity-building-2025');
      expect(events.slice(-2).map((e) => [e.type, e.metadata.actor])).toEqual([
        ['ActivityStarted', { id: 'aigerim.kz', role: 'focal-point', state: 'KZ' }],
        ['ProgressReported', { id: 'aigerim.kz', role: 'focal-point', state: 'KZ' }],
      ]);
    });

    it("when KZ's focal point reports progress on TR's forum, then it is refused with 403 and the reason, and nothing is written", async () => {
      const before = await head();
      const reply = await kz().post('/api/commands/ReportProgress', {
        activityId: 'turkic-diaspora-forum-2025',
        progress: 80,
        asOf: '2025-09-01',
      });
      expect(reply.status).toBe(403);
      expect(reply.contentType).toContain('application/problem+json');
      expect(reply.body).toMatchObject({
        type: 'urn:kurultai:problem:forbidden',
        detail: expect.stringMatching(
          /KZ acts only on activities KZ leads; turkic-diaspora-forum-2025 is not/,
        ),
      });
      expect(await head()).toBe(before);
    });

    it('when a focal point names an activity that does not exist, then it is refused with 403 (its existence is not told)', async () => {
      const reply = await kz().post('/api/commands/CompleteActivity', {
        activityId: 'no-such-activity',
        completedOn: '2025-06-30',
      });
      expect(reply.status).toBe(403);
    });
  });

  describe('given a protocol drafted between the KZ Otandastar Foundation and the UZ Committee', () => {
    const protocolId = 'kz-uz-youth-exchange-2025';
    beforeAll(async () => {
      const drafted = await engine.post('/api/commands/DraftProtocol', {
        protocolId,
        title: { en: 'Protocol on youth exchanges of the diaspora' },
        parties: [{ institutionId: 'kz-otandastar' }, { institutionId: 'uz-interethnic-committee' }],
      });
      expect(drafted.status).toBe(200);
    });

    it("when UZ's focal point designates a signatory or signs for the KZ foundation, then it is refused with 403 and nothing is written", async () => {
      const before = await head();
      const designate = await uz().post('/api/commands/DesignateSignatory', {
        protocolId,
        institutionId: 'kz-otandastar',
        signatory: { name: 'Someone of UZ' },
      });
      const sign = await uz().post('/api/commands/SignProtocol', {
        protocolId,
        institutionId: 'kz-otandastar',
        signedOn: '2025-05-15',
        place: 'Tashkent',
      });
      for (const reply of [designate, sign]) {
        expect(reply.status).toBe(403);
        expect(reply.body.detail).toMatch(
          /UZ signs only for UZ's institutions; kz-otandastar is not one of them/,
        );
      }
      expect(await head()).toBe(before);
    });

    it("when KZ's focal point designates its signatory and signs for its foundation, then the signature is recorded under its identity", async () => {
      const designated = await kz().post('/api/commands/DesignateSignatory', {
        protocolId,
        institutionId: 'kz-otandastar',
        signatory: { name: 'Director of the Otandastar Foundation' },
      });
      expect(designated.status).toBe(200);
      const signed = await kz().post('/api/commands/SignProtocol', {
        protocolId,
        institutionId: 'kz-otandastar',
        signedOn: '2025-05-15',
        place: 'Astana',
      });
      expect(signed.status).toBe(200);
      const [last] = (await store.readStream(`protocol-${protocolId}`)).slice(-1);
      expect(last.metadata.actor).toEqual({ id: 'aigerim.kz', role: 'focal-point', state: 'KZ' });
    });
  });
});
