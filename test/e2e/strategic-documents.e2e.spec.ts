import { startEngine, type RunningEngine } from '../support/engine.js';

/** The documents the Secretariat briefed the Tashkent meeting on, as its press releases tell them. */
const DOCUMENTS = [
  {
    documentId: 'turkic-world-vision-2040',
    title: { en: 'Turkic World Vision-2040', tr: 'Türk Dünyası 2040 Vizyonu' },
    kind: 'vision',
    adoptedAt: '2021-11-12',
    adoptedAtPlace: 'Istanbul',
    source: { kind: 'press-release', url: 'https://www.turkicstates.org/' },
  },
  {
    documentId: 'ots-strategy-2022-2026',
    title: { en: 'OTS Strategy 2022-2026' },
    kind: 'strategy',
    adoptedAt: '2022-11-11',
  },
  {
    documentId: 'bishkek-summit-declaration-2024',
    title: { en: 'Bishkek Summit Declaration' },
    kind: 'declaration',
    adoptedAt: '2024-11-06',
    adoptedAtPlace: 'Bishkek',
  },
];

/** The StrategicDocument aggregate over HTTP: registered once, immutable. */
describe('strategic documents over HTTP', () => {
  let engine: RunningEngine;

  beforeEach(async () => {
    engine = await startEngine();
  });
  afterEach(() => engine.close());

  const register = (body: object) => engine.post('/api/commands/RegisterStrategicDocument', body);
  const store = () => engine.app.get(Symbol.for('kurultai.EventStore'));
  const head = async () => (await engine.get('/health/ready')).body.headPosition as number;

  it('registers Vision-2040, the Strategy 2022-2026 and the Bishkek Declaration, keeping their sources', async () => {
    for (const document of DOCUMENTS) expect((await register(document)).status).toBe(200);
    const [vision] = await store().readStream('document-turkic-world-vision-2040');
    expect(vision.data).toEqual({
      ...DOCUMENTS[0],
      source: { kind: 'press-release', url: 'https://www.turkicstates.org/', title: null, date: null },
    });
    expect(vision.metadata.source).toEqual(DOCUMENTS[0].source);
    const [strategy] = await store().readStream('document-ots-strategy-2022-2026');
    expect(strategy.data).toMatchObject({ kind: 'strategy', adoptedAtPlace: null, source: null });
  });

  it('refuses a second registration, even an identical one (409), and writes nothing', async () => {
    expect((await register(DOCUMENTS[2])).status).toBe(200);
    const before = await head();
    for (const body of [DOCUMENTS[2], { ...DOCUMENTS[2], adoptedAt: '2024-11-05' }]) {
      const again = await register(body);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        type: 'urn:kurultai:problem:rule-conflict',
        rule: 'document.already-registered',
      });
    }
    expect(await head()).toBe(before);
  });

  it('refuses a document not adopted yet (422) and a kind it does not know (400)', async () => {
    const future = await register({
      ...DOCUMENTS[1],
      documentId: 'strategy-2027-2031',
      adoptedAt: '2999-01-01',
    });
    expect([future.status, future.body.rule]).toEqual([422, 'document.adopted-in-future']);
    const treaty = await register({ ...DOCUMENTS[1], kind: 'treaty' });
    expect(treaty.status).toBe(400);
    expect(treaty.body.errors[0].field).toBe('kind');
    expect(await head()).toBe(0);
  });
});
