import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import { protocolDecider } from './protocol.decider.js';
import type { ProtocolEvent } from './protocol.js';
import {
  AZ,
  INSTITUTIONS,
  KZ,
  KZ_MINISTRY,
  PROTOCOL_ID,
  SECRETARIAT,
  UZ,
  designated,
  drafted,
  protocolCommand,
  signatureRecorded,
} from './testing/protocol-fixtures.js';

const factsOf = (institutionId: string) =>
  INSTITUTIONS.find((i) => i.institutionId === institutionId) ?? null;
const add = (institutionId: string, party = factsOf(institutionId)) =>
  protocolCommand('AddParty', { protocolId: PROTOCOL_ID, institutionId, facts: { party } });
const remove = (institutionId: string) =>
  protocolCommand('RemoveParty', { protocolId: PROTOCOL_ID, institutionId });
const oneSigned: ProtocolEvent[] = [drafted(), designated(KZ), signatureRecorded(KZ)];

describe('AddParty and RemoveParty', () => {
  it('adds a party before anyone signs, and the Secretariat too', () => {
    given(protocolDecider, [drafted()])
      .when(add(AZ))
      .then([{ type: 'PartyAdded', data: { protocolId: PROTOCOL_ID, institutionId: AZ, state: 'AZ' } }]);
    given(protocolDecider, [drafted()])
      .when(add(SECRETARIAT))
      .then([
        { type: 'PartyAdded', data: { protocolId: PROTOCOL_ID, institutionId: SECRETARIAT, state: null } },
      ]);
  });

  it('removes a party before anyone signs, keeping two states', () => {
    given(protocolDecider, [drafted([KZ, UZ, AZ]), designated(AZ)])
      .when(remove(AZ))
      .then([{ type: 'PartyRemoved', data: { protocolId: PROTOCOL_ID, institutionId: AZ } }]);
  });

  it('refuses any change of parties after the first signature', () => {
    given(protocolDecider, oneSigned).when(add(AZ)).thenRefuses(RuleViolation, 'protocol.parties-frozen');
    given(protocolDecider, [drafted([KZ, UZ, AZ]), designated(KZ), signatureRecorded(KZ)])
      .when(remove(AZ))
      .thenRefuses(RuleViolation, 'protocol.parties-frozen');
  });

  it('refuses a party already listed, or an unknown institution', () => {
    given(protocolDecider, [drafted()]).when(add(UZ)).thenRefuses(StateConflict, 'protocol.already-a-party');
    given(protocolDecider, [drafted()])
      .when(add('kg-unknown', null))
      .thenRefuses(EntityNotFound, 'protocol.party-institution-not-found');
  });

  it('refuses to remove a party it does not have', () => {
    given(protocolDecider, [drafted()]).when(remove(AZ)).thenRefuses(RuleViolation, 'protocol.not-a-party');
  });

  it('refuses a removal that leaves one party or one state', () => {
    given(protocolDecider, [drafted()])
      .when(remove(UZ))
      .thenRefuses(RuleViolation, 'protocol.too-few-parties');
    given(protocolDecider, [drafted([KZ, KZ_MINISTRY, UZ])])
      .when(remove(UZ))
      .thenRefuses(RuleViolation, 'protocol.parties-from-one-state');
  });

  it('refuses parties on a protocol never drafted', () => {
    given(protocolDecider).when(add(AZ)).thenRefuses(EntityNotFound, 'protocol.not-found');
  });
});
