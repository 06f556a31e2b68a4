import { startEngine, type RunningEngine } from '../support/engine.js';
import { MEETING, recordTashkentMeeting } from '../support/tashkent.js';

const KZ = 'kz-otandastar';
const UZ = 'uz-interethnic-committee';
const AZ = 'az-diaspora-committee';
const TR = 'tr-ytb';
const OTS = 'ots-secretariat';

const UZ_NAME = { en: 'Committee on Interethnic Relations and Friendly Cooperation with Foreign Countries' };
/** [code, name, member since]: the states of the parties, registered first. */
const states = [
  ['AZ', 'Azerbaijan', '2009-10-03'],
  ['KZ', 'Kazakhstan', '2009-10-03'],
  ['TR', 'Türkiye', '2009-10-03'],
  ['UZ', 'Uzbekistan', '2019-10-15'],
].map(([code, en, since]) => ({ code, name: { en }, membership: 'member', since }));
/** [id, state, English name, name valid from]: the diaspora institutions and the Secretariat. */
const institutions = (
  [
    [KZ, 'KZ', 'Otandastar Foundation', '2017-01-01'],
    [UZ, 'UZ', UZ_NAME.en, '2017-05-19'],
    [AZ, 'AZ', 'State Committee on Work with Diaspora', '2008-07-19'],
    [TR, 'TR', 'Presidency for Turks Abroad and Related Communities', '2010-04-06'],
    [OTS, null, 'Secretariat of the Organization of Turkic States', '2009-10-03'],
  ] as const
).map(([institutionId, state, en, validFrom]) => ({ institutionId, state, name: { en }, validFrom }));

describe('the protocol slices over HTTP: cooperation protocols of the Tashkent margins', () => {
  let engine: RunningEngine;
  const send = (type: string, body: unknown) => engine.post(`/api/commands/${type}`, body);
  const ok = async (type: string, body: unknown) => {
    const reply = await send(type, body);
    if (reply.status !== 200)
      throw new Error(`${type} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    return reply.body;
  };
  const types = (reply: { events: { type: string }[] }) => reply.events.map((e) => e.type);
  const events = (stream: string) => engine.app.get(Symbol.for('kurultai.EventStore')).readStream(stream);
  const draft = (protocolId: string, parties: string[], margins = true) =>
    send('DraftProtocol', {
      protocolId,
      title: { en: `Cooperation Protocol ${protocolId}` },
      parties: parties.map((institutionId) => ({ institutionId })),
      ...(margins ? { margins: { meetingId: MEETING } } : {}),
    });
  const designate = (protocolId: string, institutionId: string) =>
    ok('DesignateSignatory', { protocolId, institutionId, signatory: { name: `Head of ${institutionId}` } });
  const sign = (protocolId: string, institutionId: string, signedOn = '2024-11-18', place = 'Tashkent') =>
    send('SignProtocol', { protocolId, institutionId, signedOn, place });

  beforeAll(async () => {
    engine = await startEngine();
    for (const state of states) await ok('RegisterState', state);
    for (const institution of institutions) await ok('RegisterInstitution', institution);
    await recordTashkentMeeting(engine);
  });
  afterAll(() => engine.close());

  it('signs a bilateral KZ-UZ protocol on the margins of the Tashkent meeting, once per party', async () => {
    expect((await draft('kz-uz-2024', [KZ, UZ])).status).toBe(200);
    await designate('kz-uz-2024', KZ);
    await designate('kz-uz-2024', UZ);
    const first = await sign('kz-uz-2024', KZ);
    expect(first.status).toBe(200);
    expect(types(first.body)).toEqual(['ProtocolSignatureRecorded']);
    const twice = await sign('kz-uz-2024', KZ);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      type: 'urn:kurultai:problem:rule-conflict',
      rule: 'protocol.already-signed-by-party',
    });
    const last = await sign('kz-uz-2024', UZ);
    expect(last.status).toBe(200);
    expect(types(last.body)).toEqual(['ProtocolSignatureRecorded', 'ProtocolSigned']);
    expect(last.body.events[1].position).toBe(last.body.position);
    await ok('RecordEntryIntoForce', { protocolId: 'kz-uz-2024', date: '2024-11-18' });

    const stream = await events('protocol-kz-uz-2024');
    expect(stream.map((e: { type: string }) => e.type)).toEqual([
      'ProtocolDrafted',
      'SignatoryDesignated',
      'SignatoryDesignated',
      'ProtocolSignatureRecorded',
      'ProtocolSignatureRecorded',
      'ProtocolSigned',
      'ProtocolEnteredIntoForce',
    ]);
    expect(stream[0].data).toMatchObject({
      parties: [
        { institutionId: KZ, state: 'KZ' },
        { institutionId: UZ, state: 'UZ' },
      ],
    });
    expect(stream[4].data).toMatchObject({
      institutionId: UZ,
      state: 'UZ',
      institutionName: UZ_NAME,
      signatory: { name: `Head of ${UZ}`, title: null },
      signedOn: '2024-11-18',
      place: 'Tashkent',
    });
    expect(stream[5].data).toEqual({ protocolId: 'kz-uz-2024', signedOn: '2024-11-18', parties: [KZ, UZ] });
  });

  it('refuses a signature on the margins on another day or in another city (422), and writes nothing', async () => {
    await ok('DraftProtocol', {
      protocolId: 'az-tr-2024',
      title: { en: 'Protocol' },
      parties: [{ institutionId: AZ }, { institutionId: TR }],
      margins: { meetingId: MEETING },
    });
    await designate('az-tr-2024', AZ);
    const head = (await engine.get('/health/ready')).body.headPosition;
    const late = await sign('az-tr-2024', AZ, '2024-11-19');
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({
      type: 'urn:kurultai:problem:rule-violation',
      rule: 'protocol.margins-date-mismatch',
    });
    expect((await sign('az-tr-2024', AZ, '2024-11-18', 'Samarkand')).body.rule).toBe(
      'protocol.margins-place-mismatch',
    );
    expect((await engine.get('/health/ready')).body.headPosition).toBe(head);
    const undesignated = await sign('az-tr-2024', TR);
    expect([undesignated.status, undesignated.body.rule]).toEqual([422, 'protocol.no-designated-signatory']);
  });

  it('refuses a protocol of one state (422) and an unknown institution (404)', async () => {
    const oneState = await draft('kz-ots-2024', [KZ, OTS]);
    expect([oneState.status, oneState.body.rule]).toEqual([422, 'protocol.parties-from-one-state']);
    const unknown = await draft('kz-kg-2024', [KZ, 'kg-unknown']);
    expect([unknown.status, unknown.body.rule]).toEqual([404, 'protocol.party-institution-not-found']);
    const noMeeting = await send('DraftProtocol', {
      protocolId: 'x-2024',
      title: { en: 'P' },
      parties: [{ institutionId: KZ }, { institutionId: UZ }],
      margins: { meetingId: 'nowhere' },
    });
    expect([noMeeting.status, noMeeting.body.rule]).toEqual([404, 'protocol.margins-meeting-not-found']);
  });

  it('runs a multilateral protocol from draft to termination, parties frozen after the first signature', async () => {
    const id = 'diaspora-multilateral-2025';
    expect((await draft(id, [AZ, KZ, UZ], false)).status).toBe(200);
    await ok('AddParty', { protocolId: id, institutionId: TR });
    await ok('AddParty', { protocolId: id, institutionId: OTS });
    for (const party of [AZ, KZ, UZ, TR, OTS]) await designate(id, party);
    await ok('SignProtocol', { protocolId: id, institutionId: AZ, signedOn: '2025-02-10', place: 'Baku' });
    const frozen = await send('RemoveParty', { protocolId: id, institutionId: OTS });
    expect([frozen.status, frozen.body.rule]).toEqual([422, 'protocol.parties-frozen']);
    const signed = [KZ, UZ, TR].map((party) => ({
      protocolId: id,
      institutionId: party,
      signedOn: '2025-03-01',
      place: 'Istanbul',
    }));
    for (const body of signed)
      expect(types(await ok('SignProtocol', body))).toEqual(['ProtocolSignatureRecorded']);
    const last = await ok('SignProtocol', {
      protocolId: id,
      institutionId: OTS,
      signedOn: '2025-01-20',
      place: 'Istanbul',
    });
    expect(types(last)).toEqual(['ProtocolSignatureRecorded', 'ProtocolSigned']);
    const early = await send('RecordEntryIntoForce', { protocolId: id, date: '2025-02-28' });
    expect([early.status, early.body.rule]).toEqual([422, 'protocol.in-force-before-signing']);
    await ok('RecordEntryIntoForce', { protocolId: id, date: '2025-04-01' });
    await ok('TerminateProtocol', {
      protocolId: id,
      date: '2026-12-31',
      reason: { en: 'Replaced by a new protocol' },
    });
    const after = await send('TerminateProtocol', { protocolId: id, date: '2027-01-01' });
    expect([after.status, after.body.rule]).toEqual([409, 'protocol.already-terminated']);
    const stream = await events(`protocol-${id}`);
    expect(stream.at(-1).data).toEqual({
      protocolId: id,
      date: '2026-12-31',
      reason: { en: 'Replaced by a new protocol' },
    });
  });
});
