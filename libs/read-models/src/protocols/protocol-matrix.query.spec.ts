import { protocolMatrix } from './protocol-matrix.query.js';
import {
  AZ,
  designated,
  drafted,
  given,
  institutions,
  KZ,
  OTS,
  signature,
  signedProtocol,
  TR,
  UZ,
} from './testing/protocol-events.js';

const cell = (a: string, b: string, protocols: string[]) => ({ a, b, count: protocols.length, protocols });

describe('protocol matrix', () => {
  it('counts a protocol of three states once for each of its three pairs', () => {
    const db = given([...institutions, ...signedProtocol('trilateral', [UZ, AZ, KZ])]);
    expect(protocolMatrix(db, 'signed')).toEqual({
      states: ['AZ', 'KZ', 'UZ'],
      cells: [
        cell('AZ', 'KZ', ['trilateral']),
        cell('AZ', 'UZ', ['trilateral']),
        cell('KZ', 'UZ', ['trilateral']),
      ],
      totals: [
        { state: 'AZ', count: 1, protocols: ['trilateral'] },
        { state: 'KZ', count: 1, protocols: ['trilateral'] },
        { state: 'UZ', count: 1, protocols: ['trilateral'] },
      ],
    });
  });

  it('counts two protocols between the same pair twice', () => {
    const db = given([
      ...institutions,
      ...signedProtocol('kz-uz-2023', [KZ, UZ], '2023-11-22'),
      ...signedProtocol('uz-kz-2024', [UZ, KZ]),
    ]);
    expect(protocolMatrix(db, 'signed').cells).toEqual([cell('KZ', 'UZ', ['kz-uz-2023', 'uz-kz-2024'])]);
    expect(protocolMatrix(db, 'signed').totals).toEqual([
      { state: 'KZ', count: 2, protocols: ['kz-uz-2023', 'uz-kz-2024'] },
      { state: 'UZ', count: 2, protocols: ['kz-uz-2023', 'uz-kz-2024'] },
    ]);
  });

  it('counts no pair for the Secretariat, which is no state', () => {
    const db = given([...institutions, ...signedProtocol('with-ots', [AZ, TR, OTS])]);
    expect(protocolMatrix(db, 'signed')).toMatchObject({
      states: ['AZ', 'TR'],
      cells: [cell('AZ', 'TR', ['with-ots'])],
    });
  });

  it('counts signed protocols, in force or not; in force only those; all every protocol', () => {
    const db = given([
      ...institutions,
      ...signedProtocol('az-uz', [AZ, UZ]),
      ...signedProtocol('kz-uz', [KZ, UZ]),
      ['ProtocolEnteredIntoForce', { protocolId: 'kz-uz', date: '2025-01-01' }],
      ...signedProtocol('az-kz', [AZ, KZ]),
      ['ProtocolTerminated', { protocolId: 'az-kz', date: '2025-06-01', reason: null }],
      drafted('kz-tr', [KZ, TR]),
      designated('kz-tr', KZ),
      signature('kz-tr', KZ),
    ]);
    const pairs = (status: 'signed' | 'in-force' | 'all') =>
      protocolMatrix(db, status).cells.map((c) => `${c.a}-${c.b}`);
    expect(pairs('signed')).toEqual(['AZ-UZ', 'KZ-UZ']);
    expect(pairs('in-force')).toEqual(['KZ-UZ']);
    expect(pairs('all')).toEqual(['AZ-KZ', 'AZ-UZ', 'KZ-TR', 'KZ-UZ']);
    expect(protocolMatrix(given(institutions), 'all')).toEqual({ states: [], cells: [], totals: [] });
  });
});
