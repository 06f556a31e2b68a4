import { EntityNotFound, StateConflict } from '#eventsourcing/decider.js';
import { assertText } from '../shared/required.js';
import type { AddParty, RemoveParty } from './protocol.commands.js';
import type { DraftedProtocol, PartyAdded, PartyRemoved } from './protocol.js';
import {
  assertNotTerminated,
  assertPartiesNotFrozen,
  assertPartySpread,
  existingParty,
  protocolPartyOf,
} from './protocol.guards.js';

/** Parties may join until the first signature. */
export function addParty(command: AddParty, protocol: DraftedProtocol): [PartyAdded] {
  const { protocolId, institutionId, facts } = command.data;
  assertNotTerminated(protocol);
  assertText(institutionId, 'protocol.party-required', 'institutionId');
  if (protocolPartyOf(protocol, institutionId)) {
    throw new StateConflict(
      'protocol.already-a-party',
      `${institutionId} is already a party to protocol ${protocolId}`,
      'institutionId',
    );
  }
  assertPartiesNotFrozen(protocol);
  if (facts.party?.institutionId !== institutionId) {
    throw new EntityNotFound(
      'protocol.party-institution-not-found',
      `institution ${institutionId} has not been registered`,
      'institutionId',
    );
  }
  return [{ type: 'PartyAdded', data: { protocolId, institutionId, state: facts.party.state } }];
}

/** Parties may leave until the first signature, as long as the protocol keeps its parties from two states. */
export function removeParty(command: RemoveParty, protocol: DraftedProtocol): [PartyRemoved] {
  const { protocolId, institutionId } = command.data;
  assertNotTerminated(protocol);
  existingParty(protocol, institutionId);
  assertPartiesNotFrozen(protocol);
  const remaining = protocol.parties.filter((p) => p.institutionId !== institutionId);
  assertPartySpread(remaining, 'institutionId');
  return [{ type: 'PartyRemoved', data: { protocolId, institutionId } }];
}
