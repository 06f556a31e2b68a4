import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { LocalizedText } from '../shared/localized-text.js';

export const protocolStream = (protocolId: string): string => `protocol-${protocolId}`;

/** A party as the protocol lists it; `state` null is the OTS Secretariat. */
export interface ProtocolParty {
  readonly institutionId: string;
  readonly state: string | null;
}

export interface ProtocolSignatory {
  readonly name: string;
  readonly title: string | null;
}

/** The meeting on whose margins the protocol is to be signed. */
export interface MarginsRef {
  readonly meetingId: string;
}

export type ProtocolDrafted = DomainEvent<
  'ProtocolDrafted',
  {
    readonly protocolId: string;
    readonly title: LocalizedText;
    readonly parties: readonly ProtocolParty[];
    readonly margins: MarginsRef | null;
  }
>;

export type PartyAdded = DomainEvent<'PartyAdded', { readonly protocolId: string } & ProtocolParty>;

export type PartyRemoved = DomainEvent<
  'PartyRemoved',
  { readonly protocolId: string; readonly institutionId: string }
>;

export type SignatoryDesignated = DomainEvent<
  'SignatoryDesignated',
  { readonly protocolId: string; readonly institutionId: string; readonly signatory: ProtocolSignatory }
>;

/** `institutionName` is the party's name on the signing day, as the Institution aggregate knew it. */
export type ProtocolSignatureRecorded = DomainEvent<
  'ProtocolSignatureRecorded',
  {
    readonly protocolId: string;
    readonly institutionId: string;
    readonly state: string | null;
    readonly institutionName: LocalizedText;
    readonly signatory: ProtocolSignatory;
    readonly signedOn: IsoDate;
    readonly place: string;
  }
>;

/** Every party has signed; `signedOn` is the day of the last signature. */
export type ProtocolSigned = DomainEvent<
  'ProtocolSigned',
  { readonly protocolId: string; readonly signedOn: IsoDate; readonly parties: readonly string[] }
>;

export type ProtocolEnteredIntoForce = DomainEvent<
  'ProtocolEnteredIntoForce',
  { readonly protocolId: string; readonly date: IsoDate }
>;

export type ProtocolTerminated = DomainEvent<
  'ProtocolTerminated',
  { readonly protocolId: string; readonly date: IsoDate; readonly reason: LocalizedText | null }
>;

export type ProtocolEvent =
  | ProtocolDrafted
  | PartyAdded
  | PartyRemoved
  | SignatoryDesignated
  | ProtocolSignatureRecorded
  | ProtocolSigned
  | ProtocolEnteredIntoForce
  | ProtocolTerminated;

export interface ProtocolSignature {
  readonly signatory: ProtocolSignatory;
  readonly signedOn: IsoDate;
  readonly place: string;
}

export interface ProtocolPartyRecord extends ProtocolParty {
  readonly signatory: ProtocolSignatory | null;
  readonly signature: ProtocolSignature | null;
}

/** drafted: open for signature (possibly partly signed); signed: by every party. */
export type ProtocolStatus = 'drafted' | 'signed' | 'in-force' | 'terminated';

export interface DraftedProtocol {
  readonly protocolId: string;
  readonly title: LocalizedText;
  readonly margins: MarginsRef | null;
  readonly status: ProtocolStatus;
  readonly parties: readonly ProtocolPartyRecord[];
  readonly signedOn: IsoDate | null;
  readonly enteredIntoForceOn: IsoDate | null;
  readonly terminatedOn: IsoDate | null;
}

export type ProtocolState = { readonly status: 'none' } | DraftedProtocol;

export const initialProtocolState = (): ProtocolState => ({ status: 'none' });

export function evolveProtocol(state: ProtocolState, event: ProtocolEvent): ProtocolState {
  if (event.type === 'ProtocolDrafted') {
    const { protocolId, title, parties, margins } = event.data;
    return {
      protocolId,
      title,
      margins,
      status: 'drafted',
      parties: parties.map((p) => ({ ...p, signatory: null, signature: null })),
      signedOn: null,
      enteredIntoForceOn: null,
      terminatedOn: null,
    };
  }
  if (state.status === 'none') return state;
  const withParty = (institutionId: string, change: (p: ProtocolPartyRecord) => ProtocolPartyRecord) => ({
    ...state,
    parties: state.parties.map((p) => (p.institutionId === institutionId ? change(p) : p)),
  });
  switch (event.type) {
    case 'PartyAdded': {
      const { institutionId, state: partyState } = event.data;
      const party = { institutionId, state: partyState, signatory: null, signature: null };
      return { ...state, parties: [...state.parties, party] };
    }
    case 'PartyRemoved':
      return { ...state, parties: state.parties.filter((p) => p.institutionId !== event.data.institutionId) };
    case 'SignatoryDesignated':
      return withParty(event.data.institutionId, (p) => ({ ...p, signatory: event.data.signatory }));
    case 'ProtocolSignatureRecorded': {
      const { signatory, signedOn, place } = event.data;
      return withParty(event.data.institutionId, (p) => ({
        ...p,
        signature: { signatory, signedOn, place },
      }));
    }
    case 'ProtocolSigned':
      return { ...state, status: 'signed', signedOn: event.data.signedOn };
    case 'ProtocolEnteredIntoForce':
      return { ...state, status: 'in-force', enteredIntoForceOn: event.data.date };
    case 'ProtocolTerminated':
      return { ...state, status: 'terminated', terminatedOn: event.data.date };
    default:
      return unreachable(event);
  }
}
