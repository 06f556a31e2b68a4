import { join } from 'node:path';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario } from '../../apps/api/src/scenario/scenario.js';
import { startEngine, type RunningEngine } from '../support/engine.js';

const FILE = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');
const KZ_UZ = 'kz-otandastar-uz-committee-2024';
const AZ_UZ = 'az-committee-uz-committee-2024';
const UZ_COMMITTEE = {
  en: 'Committee on Interethnic Relations and Friendly Cooperation with Foreign Countries under the Ministry of Culture',
};

/** The protocols read model over real HTTP, with the bundled OTS diaspora scenario imported. */
describe('the protocols and the state × state matrix of the OTS diaspora scenario', () => {
  let engine: RunningEngine;
  let head: number;

  beforeAll(async () => {
    engine = await startEngine();
    await importScenario(engine, await loadScenario(FILE));
    head = (await engine.get('/health/ready')).body.headPosition;
  }, 60_000);
  afterAll(() => engine.close());

  const store = () => engine.app.get(Symbol.for('kurultai.EventStore'));

  it('lists the two Tashkent protocols, signed on 18 November 2024 in Tashkent', async () => {
    const reply = await engine.get(`/api/protocols?minPosition=${head}&sort=title`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(reply.body.items.map((p: { id: string }) => p.id)).toEqual([AZ_UZ, KZ_UZ]);
    for (const protocol of reply.body.items) {
      expect(protocol).toMatchObject({
        status: 'signed',
        signedOn: '2024-11-18',
        margins: { meetingId: 'diaspora-ministerial-6' },
        visibility: 'public',
      });
      expect(protocol.signatures).toHaveLength(2);
      for (const s of protocol.signatures)
        expect(s).toMatchObject({ signedOn: '2024-11-18', place: 'Tashkent' });
    }
    const ids = async (query: string) =>
      (await engine.get(`/api/protocols?${query}`)).body.items.map((p: { id: string }) => p.id);
    expect(await ids('state=KZ')).toEqual([KZ_UZ]);
    expect(await ids('state=TR')).toEqual([]);
    expect(await ids('status=signed&meetingId=diaspora-ministerial-6&sort=signedOn')).toHaveLength(2);
    expect(await ids('status=drafted')).toEqual([]);
  });

  it('shows one protocol with its parties as named on the signing day, and 404 for an unknown one', async () => {
    const protocol = (await engine.get(`/api/protocols/${KZ_UZ}`)).body;
    expect(protocol).toMatchObject({
      id: KZ_UZ,
      title: { en: 'Cooperation Protocol in the field of diaspora affairs' },
      states: ['KZ', 'UZ'],
      parties: [
        {
          institutionId: 'kz-otandastar',
          state: 'KZ',
          name: { en: 'Otandastar Foundation' },
          nameOn: '2024-11-18',
          signatory: { name: 'Chairperson of the Board, Otandastar Foundation' },
          signedOn: '2024-11-18',
        },
        { institutionId: 'uz-interethnic-committee', state: 'UZ', name: UZ_COMMITTEE },
      ],
      enteredIntoForceOn: null,
      termination: null,
    });
    expect(protocol.signatures[1]).toMatchObject({
      institutionId: 'uz-interethnic-committee',
      institutionName: UZ_COMMITTEE,
      signatory: { name: 'Chairman of the Committee on Interethnic Relations' },
    });
    const unknown = await engine.get('/api/protocols/no-such-protocol');
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toContain('application/problem+json');
    expect(unknown.body).toMatchObject({ type: 'urn:kurultai:problem:not-found', status: 404 });
  });

  it('answers the matrix with exactly the two pairs, each with its protocol', async () => {
    const matrix = (await engine.get(`/api/protocols/matrix?minPosition=${head}`)).body;
    expect(matrix).toEqual({
      states: ['AZ', 'KZ', 'UZ'],
      cells: [
        { a: 'AZ', b: 'UZ', count: 1, protocols: [AZ_UZ] },
        { a: 'KZ', b: 'UZ', count: 1, protocols: [KZ_UZ] },
      ],
      totals: [
        { state: 'AZ', count: 1, protocols: [AZ_UZ] },
        { state: 'KZ', count: 1, protocols: [KZ_UZ] },
        { state: 'UZ', count: 2, protocols: [AZ_UZ, KZ_UZ] },
      ],
    });
    expect((await engine.get('/api/protocols/matrix?status=all')).body.cells).toEqual(matrix.cells);
    expect((await engine.get('/api/protocols/matrix?status=in-force')).body).toEqual({
      states: [],
      cells: [],
      totals: [],
    });
  });

  it('shows, as of the position before the last signature, the protocol partly signed and out of the matrix', async () => {
    const events = await store().readStream(`protocol-${AZ_UZ}`);
    const last = events.filter((e: { type: string }) => e.type === 'ProtocolSignatureRecorded').at(-1);
    const asOf = `asOf=position:${last.position - 1}`;
    const protocol = (await engine.get(`/api/protocols/${AZ_UZ}?${asOf}`)).body;
    expect(protocol).toMatchObject({ status: 'partly-signed', signedOn: null });
    expect(protocol.signatures.map((s: { institutionId: string }) => s.institutionId)).toEqual([
      'az-diaspora-committee',
    ]);
    expect((await engine.get(`/api/protocols/matrix?${asOf}`)).body.cells).toEqual([
      { a: 'KZ', b: 'UZ', count: 1, protocols: [KZ_UZ] },
    ]);
    expect((await engine.get(`/api/protocols/matrix?status=all&${asOf}`)).body.cells).toHaveLength(2);
    expect((await engine.get(`/api/protocols?status=partly-signed&${asOf}`)).body).toMatchObject({
      total: 1,
      items: [{ id: AZ_UZ }],
    });
  });

  it('refuses malformed query parameters with problem details', async () => {
    for (const path of [
      '/api/protocols?sort=date',
      '/api/protocols?state=uzb',
      '/api/protocols?status=ratified',
      '/api/protocols/matrix?status=drafted',
      '/api/protocols/Not_A_Slug',
      '/api/protocols?asOf=yesterday',
    ]) {
      const reply = await engine.get(path);
      expect([path, reply.status, reply.body.type]).toEqual([path, 400, 'urn:kurultai:problem:validation']);
    }
  });
});
