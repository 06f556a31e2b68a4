import type { Command } from '#eventsourcing/decider.js';
import type { LocalizedText } from '../shared/localized-text.js';
import type { MarginsFacts } from './margins-facts.js';
import type { ProtocolPartyFacts, SigningPartyFacts } from './party-facts.js';

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
    readonly signatory: { readonly name: string; readonly title?: LocalizedText | null };
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
