import { unreachable, type Decider } from '#eventsourcing/decider.js';
import { draftProtocol } from './draft-protocol.rules.js';
import { addParty, removeParty } from './parties.rules.js';
import type { ProtocolCommand } from './protocol.commands.js';
import { evolveProtocol, initialProtocolState, type ProtocolEvent, type ProtocolState } from './protocol.js';
import { existingProtocol } from './protocol.guards.js';
import { recordEntryIntoForce, terminateProtocol } from './protocol-lifecycle.rules.js';
import { signProtocol } from './sign-protocol.rules.js';
import { designateSignatory } from './signatory.rules.js';

export type {
  DraftProtocol,
  AddParty,
  RemoveParty,
  DesignateSignatory,
  SignProtocol,
  RecordEntryIntoForce,
  TerminateProtocol,
  ProtocolCommand,
} from './protocol.commands.js';

export function decideProtocol(command: ProtocolCommand, state: ProtocolState): readonly ProtocolEvent[] {
  switch (command.type) {
    case 'DraftProtocol':
      return draftProtocol(command, state);
    case 'AddParty':
      return addParty(command, existingProtocol(state, command.data.protocolId));
    case 'RemoveParty':
      return removeParty(command, existingProtocol(state, command.data.protocolId));
    case 'DesignateSignatory':
      return designateSignatory(command, existingProtocol(state, command.data.protocolId));
    case 'SignProtocol':
      return signProtocol(command, existingProtocol(state, command.data.protocolId));
    case 'RecordEntryIntoForce':
      return recordEntryIntoForce(command, existingProtocol(state, command.data.protocolId));
    case 'TerminateProtocol':
      return terminateProtocol(command, existingProtocol(state, command.data.protocolId));
    default:
      return unreachable(command);
  }
}

export const protocolDecider: Decider<ProtocolCommand, ProtocolEvent, ProtocolState> = {
  initialState: initialProtocolState,
  evolve: evolveProtocol,
  decide: decideProtocol,
};
