import { EntityNotFound, RuleViolation } from '#eventsourcing/decider.js';
import type { DraftedProtocol, ProtocolParty, ProtocolPartyRecord, ProtocolState } from './protocol.js';

/** A protocol has at least two parties... */
export const MIN_PARTIES = 2;
/** ...from at least two different states (the Secretariat is not a state). */
export const MIN_PARTY_STATES = 2;

/** Every command but DraftProtocol needs the protocol to exist. */
export function existingProtocol(state: ProtocolState, protocolId: string): DraftedProtocol {
  if (state.status === 'none') {
    throw new EntityNotFound(
      'protocol.not-found',
      `protocol ${protocolId} has not been drafted`,
      'protocolId',
    );
  }
  return state;
}

/** Termination is final: nothing is recorded on a terminated protocol. */
export function assertNotTerminated(protocol: DraftedProtocol): void {
  if (protocol.status === 'terminated') {
    throw new RuleViolation(
      'protocol.terminated',
      `protocol ${protocol.protocolId} was terminated on ${protocol.terminatedOn}; it can no longer change`,
      'protocolId',
    );
  }
}

export function existingParty(protocol: DraftedProtocol, institutionId: string): ProtocolPartyRecord {
  const party = protocolPartyOf(protocol, institutionId);
  if (!party) {
    throw new RuleViolation(
      'protocol.not-a-party',
      `${institutionId} is not a party to protocol ${protocol.protocolId}`,
      'institutionId',
    );
  }
  return party;
}

export function assertPartiesNotFrozen(protocol: DraftedProtocol): void {
  if (hasAnySignature(protocol)) {
    throw new RuleViolation(
      'protocol.parties-frozen',
      `protocol ${protocol.protocolId} has been signed by a party: its parties can no longer change`,
      'institutionId',
    );
  }
}

/** Bilateral or multilateral: at least two parties, from at least two different states. */
export function assertPartySpread(parties: readonly ProtocolParty[], field: string): void {
  if (parties.length < MIN_PARTIES) {
    throw new RuleViolation(
      'protocol.too-few-parties',
      `a protocol has at least ${MIN_PARTIES} parties; ${parties.length} listed`,
      field,
    );
  }
  const states = new Set(parties.map((p) => p.state).filter((s) => s !== null));
  if (states.size < MIN_PARTY_STATES) {
    throw new RuleViolation(
      'protocol.parties-from-one-state',
      `the parties of a protocol come from at least ${MIN_PARTY_STATES} different states; ` +
        `here: ${[...states].join(', ') || 'none (Secretariat only)'}`,
      field,
    );
  }
}

export function protocolPartyOf(
  protocol: DraftedProtocol,
  institutionId: string,
): ProtocolPartyRecord | undefined {
  return protocol.parties.find((p) => p.institutionId === institutionId);
}

/** Parties are frozen from the first signature on. */
export function hasAnySignature(protocol: DraftedProtocol): boolean {
  return protocol.parties.some((p) => p.signature !== null);
}
