import { protocolsProjection as projection } from './protocols.projection.js';
import { findProtocol, listProtocols } from './protocols.query.js';
import {
  added,
  apply,
  AZ,
  designated,
  drafted,
  given,
  institutions,
  KZ,
  nameOf,
  OTS,
  removed,
  renamed,
  signature,
  signatoryOf,
  signed,
  signedProtocol,
  TR,
  UZ,
} from './testing/protocol-events.js';

const P = 'kz-uz-2024';
const view = (db: ReturnType<typeof given>, id = P) => findProtocol(db, id);
const partiesOf = (db: ReturnType<typeof given>, id = P) =>
  view(db, id)?.parties.map((p) => [p.institutionId, p.state, p.signedOn]);

describe('protocols projection', () => {
  it('reads the protocol events and the names of institutions, and keys its rows protocol/<id>', () => {
    expect(projection).toMatchObject({ name: 'protocols', version: 2 });
    expect(projection.eventTypes).toEqual(
      expect.arrayContaining(['ProtocolDrafted', 'ProtocolSigned', 'InstitutionRenamed']),
    );
    const db = given(institutions);
    const [event] = apply(db, [drafted(P, [KZ, UZ])], 5);
    expect(projection.rowsOf?.(event, db)).toEqual([`protocol/${P}`]);
  });

  it('given a bilateral protocol drafted on the margins, then it is drafted, with its parties named', () => {
    const db = given([...institutions, drafted(P, [KZ, UZ]), designated(P, KZ)]);
    expect(view(db)).toEqual({
      id: P,
      title: { en: `Cooperation Protocol ${P}` },
      status: 'drafted',
      visibility: 'public',
      margins: { meetingId: 'diaspora-ministerial-6' },
      states: ['KZ', 'UZ'],
      parties: [
        {
          institutionId: KZ[0],
          state: 'KZ',
          name: nameOf(KZ),
          nameOn: '2024-11-18',
          signatory: signatoryOf(KZ),
          signedOn: null,
        },
        {
          institutionId: UZ[0],
          state: 'UZ',
          name: nameOf(UZ),
          nameOn: '2024-11-18',
          signatory: null,
          signedOn: null,
        },
      ],
      signatures: [],
      signedOn: null,
      enteredIntoForceOn: null,
      termination: null,
      draftedAt: '2024-11-18T09:00:00.000Z',
      position: 7,
    });
  });

  it('given the first signature, then it is partly signed; given the last, then signed on its day', () => {
    const life = [...institutions, drafted(P, [KZ, UZ]), designated(P, KZ), designated(P, UZ)];
    const partly = given([...life, signature(P, KZ, '2024-11-17')]);
    expect(view(partly)).toMatchObject({ status: 'partly-signed', signedOn: null, position: 9 });
    expect(partiesOf(partly)).toEqual([
      [KZ[0], 'KZ', '2024-11-17'],
      [UZ[0], 'UZ', null],
    ]);

    const db = given([...life, signature(P, KZ, '2024-11-17'), signature(P, UZ), signed(P, [KZ, UZ])]);
    expect(view(db)).toMatchObject({ status: 'signed', signedOn: '2024-11-18', position: 11 });
    expect(view(db)?.signatures).toEqual([
      {
        institutionId: KZ[0],
        state: 'KZ',
        institutionName: nameOf(KZ),
        signatory: signatoryOf(KZ),
        signedOn: '2024-11-17',
        place: 'Tashkent',
      },
      expect.objectContaining({ institutionId: UZ[0], signedOn: '2024-11-18', place: 'Tashkent' }),
    ]);
  });

  it('given a multilateral protocol with the Secretariat, then the Secretariat is a party of no state', () => {
    const db = given([...institutions, ...signedProtocol('multi', [AZ, KZ, UZ, OTS])]);
    expect(view(db, 'multi')).toMatchObject({ status: 'signed', states: ['AZ', 'KZ', 'UZ'] });
    expect(view(db, 'multi')?.parties[3]).toMatchObject({
      institutionId: 'ots-secretariat',
      state: null,
      name: nameOf(OTS),
    });
    expect(view(db, 'multi')?.signatures).toHaveLength(4);
  });

  it('given parties added and removed before signing, then the parties left sign, in the order they joined', () => {
    const changes = [added(P, TR), added(P, AZ), removed(P, TR), removed(P, KZ), added(P, KZ)];
    const db = given([...institutions, drafted(P, [KZ, UZ]), ...changes]);
    expect(partiesOf(db)).toEqual([
      [UZ[0], 'UZ', null],
      [AZ[0], 'AZ', null],
      [KZ[0], 'KZ', null],
    ]);
    expect(view(db)).toMatchObject({ status: 'drafted', states: ['AZ', 'KZ', 'UZ'], position: 11 });
    const left = [UZ, AZ, KZ];
    apply(
      db,
      [...left.map((p) => designated(P, p)), ...left.map((p) => signature(P, p)), signed(P, left)],
      11,
    );
    expect(view(db)).toMatchObject({ status: 'signed', position: 18 });
    expect(view(db)?.signatures.map((s) => s.institutionId)).toEqual([UZ[0], AZ[0], KZ[0]]);
  });

  it('given it entered into force, then terminated, then it shows both days and the reason', () => {
    const life = [...institutions, ...signedProtocol(P, [KZ, UZ])];
    const inForce = ['ProtocolEnteredIntoForce', { protocolId: P, date: '2025-01-01' }] as const;
    expect(view(given([...life, inForce]))).toMatchObject({
      status: 'in-force',
      signedOn: '2024-11-18',
      enteredIntoForceOn: '2025-01-01',
      termination: null,
    });
    const reason = { en: 'Replaced by a new protocol' };
    const db = given([
      ...life,
      inForce,
      ['ProtocolTerminated', { protocolId: P, date: '2026-06-30', reason }],
    ]);
    expect(view(db)).toMatchObject({
      status: 'terminated',
      enteredIntoForceOn: '2025-01-01',
      termination: { date: '2026-06-30', reason },
      position: 13,
    });
  });

  describe('an institution renamed between the drafting and the signing', () => {
    const NEW_NAME = { en: 'Committee on Interethnic Relations under the Ministry of Culture' };
    const rename = renamed(UZ[0], NEW_NAME.en, '2024-12-01', '2024-11-30');
    const life = [...institutions, drafted(P, [KZ, UZ]), designated(P, KZ), designated(P, UZ)];

    it('shows the name it bore on the drafting day until it signs: a later name leaves the protocol alone', () => {
      const db = given(life);
      const [event] = apply(db, [rename], 8);
      expect(projection.rowsOf?.(event, db)).toEqual([]);
      expect(view(db)).toMatchObject({ position: 8 });
      expect(view(db)?.parties[1]).toMatchObject({ name: nameOf(UZ), nameOn: '2024-11-18' });
    });

    it('shows a name recorded later that covers the drafting day, and counts the rename among its events', () => {
      const db = given([...institutions, drafted(P, [KZ, UZ])]);
      const [event] = apply(db, [renamed(UZ[0], 'Earlier new name', '2024-11-01', '2024-10-31')], 6);
      expect(projection.rowsOf?.(event, db)).toEqual([`protocol/${P}`]);
      expect(view(db)).toMatchObject({ parties: [{}, { name: { en: 'Earlier new name' } }], position: 7 });
    });

    it('shows the name at the signing once signed, in the party and in its signature', () => {
      const db = given([
        ...life,
        rename,
        signature(P, KZ, '2024-12-05'),
        signature(P, UZ, '2024-12-05', NEW_NAME),
        signed(P, [KZ, UZ], '2024-12-05'),
      ]);
      expect(view(db)?.parties[1]).toMatchObject({ name: NEW_NAME, nameOn: '2024-12-05' });
      expect(view(db)?.signatures[1]).toMatchObject({ institutionName: NEW_NAME });
      const [later] = apply(db, [renamed(UZ[0], 'Yet another name', '2025-03-01', '2025-02-28')], 12);
      expect(projection.rowsOf?.(later, db)).toEqual([]);
      expect(view(db)?.parties[1]).toMatchObject({ name: NEW_NAME });
    });
  });

  describe('the list', () => {
    const db = given([
      ...institutions,
      ...signedProtocol('az-uz', [AZ, UZ], '2024-11-18'),
      ...signedProtocol('kz-tr', [KZ, TR], '2023-11-22'),
      drafted('az-kz', [AZ, KZ]),
    ]);
    const ids = (filter: Partial<Parameters<typeof listProtocols>[1]>) =>
      listProtocols(db, { sort: '-signedOn', limit: 50, offset: 0, ...filter }).items.map((p) => p.id);

    it('sorts by signing day either way, protocols not yet signed last, or by title', () => {
      expect(ids({})).toEqual(['az-uz', 'kz-tr', 'az-kz']);
      expect(ids({ sort: 'signedOn' })).toEqual(['kz-tr', 'az-uz', 'az-kz']);
      expect(ids({ sort: 'title' })).toEqual(['az-kz', 'az-uz', 'kz-tr']);
    });

    it('filters by a party state, status and margins meeting, and pages with the total', () => {
      expect(ids({ state: 'AZ' })).toEqual(['az-uz', 'az-kz']);
      expect(ids({ status: 'drafted' })).toEqual(['az-kz']);
      expect(ids({ meetingId: 'diaspora-ministerial-6', state: 'TR' })).toEqual(['kz-tr']);
      expect(ids({ meetingId: 'another-meeting' })).toEqual([]);
      expect(listProtocols(db, { sort: 'title', limit: 1, offset: 1 })).toMatchObject({
        items: [{ id: 'az-uz' }],
        total: 3,
        limit: 1,
        offset: 1,
      });
    });
  });
});
