import { unreachable, type Command, type Decider } from '#eventsourcing/decider.js';
import type { LocalizedText } from '../shared/localized-text.js';
import { draftProtocol } from './draft-protocol.rules.js';
import type { MarginsFacts } from './margins-facts.js';
import { addParty, removeParty } from './parties.rules.js';
import type { ProtocolPartyFacts, SigningPartyFacts } from './party-facts.js';
import { evolveProtocol, initialProtocolState, type ProtocolEvent, type ProtocolState } from './protocol.js';
import { existingProtocol } from './protocol.guards.js';
import { recordEntryIntoForce, terminateProtocol } from './protocol-lifecycle.rules.js';
import { signProtocol } from './sign-protocol.rules.js';
import { designateSignatory } from './signatory.rules.js';

export type DraftProtocol = Command<
  'DraftProtocol',
  {
    readonly protocolId: string;
    readonly title: LocalizedText;
    readonly parties: readonly { readonly institutionId: string }[];
    readonly margins?: { readonly meetingId: string };
    /** The parties the Institution aggregate knows (unknown ones are missing); the margins meeting. */
    readonly facts: {
      readonly parties: readonly ProtocolPartyFacts[];
      readonly margins: MarginsFacts | null;
    };
  }
>;

export type AddParty = Command<
  'AddParty',
  {
    readonly protocolId: string;
    readonly institutionId: string;
    readonly facts: { readonly party: ProtocolPartyFacts | null };
  }
>;

export type RemoveParty = Command<
  'RemoveParty',
  { readonly protocolId: string; readonly institutionId: string }
>;

export type DesignateSignatory = Command<
  'DesignateSignatory',
  {
    readonly protocolId: string;
    readonly institutionId: string;
    readonly signatory: { readonly name: string; readonly title?: string };
  }
>;

export type SignProtocol = Command<
  'SignProtocol',
  {
    readonly protocolId: string;
    readonly institutionId: string;
    /** YYYY-MM-DD */
    readonly signedOn: string;
    readonly place: string;
    /** The signing institution, and the margins meeting when the protocol names one. */
    readonly facts: { readonly party: SigningPartyFacts | null; readonly margins: MarginsFacts | null };
  }
>;

export type RecordEntryIntoForce = Command<
  'RecordEntryIntoForce',
  { readonly protocolId: string; /** YYYY-MM-DD */ readonly date: string }
>;

export type TerminateProtocol = Command<
  'TerminateProtocol',
  { readonly protocolId: string; /** YYYY-MM-DD */ readonly date: string; readonly reason?: LocalizedText }
>;

export type ProtocolCommand =
  | DraftProtocol
  | AddParty
  | RemoveParty
  | DesignateSignatory
  | SignProtocol
  | RecordEntryIntoForce
  | TerminateProtocol;

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
