import fc from 'fast-check';
import { runCommands } from '../shared/testing/run-commands.js';
import { isSamePlace } from './margins-facts.js';
import { protocolDecider } from './protocol.decider.js';
import type { ProtocolState } from './protocol.js';
import { MIN_PARTIES, MIN_PARTY_STATES, hasAnySignature } from './protocol.guards.js';
import { protocolCommands } from './testing/protocol-arbitraries.js';
import { TASHKENT } from './testing/protocol-fixtures.js';

function assertInvariants(protocol: ProtocolState): void {
  if (protocol.status === 'none') return;
  const ids = protocol.parties.map((p) => p.institutionId);
  expect(ids.length).toBeGreaterThanOrEqual(MIN_PARTIES);
  expect(new Set(ids).size).toBe(ids.length);
  const states = new Set(protocol.parties.map((p) => p.state).filter((s) => s !== null));
  expect(states.size).toBeGreaterThanOrEqual(MIN_PARTY_STATES);
  const signatures = protocol.parties.flatMap((p) => (p.signature ? [p.signature] : []));
  for (const party of protocol.parties) {
    if (party.signature) expect(party.signature.signatory).toEqual(party.signatory);
  }
  if (protocol.margins) {
    for (const s of signatures) {
      expect(s.signedOn).toBe(TASHKENT.date);
      expect(isSamePlace(s.place, TASHKENT.city)).toBe(true);
    }
  }
  const allSigned = signatures.length === ids.length;
  expect(protocol.status === 'drafted').toBe(!allSigned);
  if (protocol.status === 'drafted') return;
  const lastDay = signatures
    .map((s) => s.signedOn)
    .sort()
    .at(-1);
  expect(protocol.signedOn).toBe(lastDay);
  const since = protocol.enteredIntoForceOn ?? protocol.signedOn ?? '';
  expect(since >= (protocol.signedOn ?? '')).toBe(true);
  if (protocol.terminatedOn !== null) expect(protocol.terminatedOn >= since).toBe(true);
}

describe('Protocol invariants', () => {
  it('hold after any sequence of commands, refused ones skipped', () => {
    fc.assert(
      fc.property(protocolCommands, (commands) => {
        runCommands(protocolDecider, commands, ({ before, events, after }) => {
          if (before.status === 'terminated') expect(after).toEqual(before);
          if (before.status !== 'none' && after.status !== 'none' && hasAnySignature(before)) {
            expect(after.parties.map((p) => p.institutionId)).toEqual(
              before.parties.map((p) => p.institutionId),
            );
          }
          const signed = events.filter((e) => e.type === 'ProtocolSigned').length;
          expect(signed).toBe(before.status === 'drafted' && after.status === 'signed' ? 1 : 0);
          assertInvariants(after);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('reach signed, in-force and terminated protocols, so the invariants are not checked in vain', () => {
    const finals = fc
      .sample(protocolCommands, { numRuns: 400, seed: 42 })
      .map((c) => runCommands(protocolDecider, c));
    const count = (status: string) => finals.filter((p) => p.status === status).length;
    expect(count('signed') + count('in-force') + count('terminated')).toBeGreaterThan(30);
    expect(count('in-force') + count('terminated')).toBeGreaterThan(10);
    expect(count('terminated')).toBeGreaterThan(5);
  });
});
