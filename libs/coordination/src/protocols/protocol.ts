import { Type } from 'typebox';
import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import { id, nullable, record, text, type Payload } from '../schemas/schema-kit.js';
import { IsoDateSchema, type IsoDate } from '../shared/iso-date.js';
import { LocalizedTextSchema, type LocalizedText } from '../shared/localized-text.js';
import { StateCodeSchema } from '../shared/states.js';

export const protocolStream = (protocolId: string): string => `protocol-${protocolId}`;

export const ProtocolPartySchema = record(
  { institutionId: id(), state: nullable(StateCodeSchema) },
  { description: 'A party as the protocol lists it; `state` null is the OTS Secretariat' },
);

/** A party as the protocol lists it; `state` null is the OTS Secretariat. */
export type ProtocolParty = Payload<typeof ProtocolPartySchema>;

/**
 * Who signs for a party. Since schema version 2 the title is text people read, per language
 * (version 1 held one plain string, read as English: see schemas/upcasters.ts).
 */
export const ProtocolSignatorySchema = record(
  { name: text(), title: nullable(LocalizedTextSchema) },
  { description: "Who signs for a party: the signatory's name and title (per language)" },
);

export type ProtocolSignatory = Payload<typeof ProtocolSignatorySchema>;

export const MarginsRefSchema = record(
  { meetingId: id() },
  { description: 'The meeting on whose margins the protocol is to be signed' },
);

/** The meeting on whose margins the protocol is to be signed. */
export type MarginsRef = Payload<typeof MarginsRefSchema>;

const protocolId = id();

export const ProtocolDraftedData = record(
  {
    protocolId,
    title: LocalizedTextSchema,
    parties: Type.Array(ProtocolPartySchema, { minItems: 2 }),
    margins: nullable(MarginsRefSchema),
  },
  {
    description:
      'A cooperation protocol between at least two parties of at least two states is drafted, ' +
      'possibly to be signed on the margins of a meeting',
  },
);

export type ProtocolDrafted = DomainEvent<'ProtocolDrafted', Payload<typeof ProtocolDraftedData>>;

export const PartyAddedData = record(
  { protocolId, ...ProtocolPartySchema.properties },
  { description: 'A party is added to a protocol nobody has signed yet' },
);

export type PartyAdded = DomainEvent<'PartyAdded', Payload<typeof PartyAddedData>>;

export const PartyRemovedData = record(
  { protocolId, institutionId: id() },
  { description: 'A party is removed from a protocol nobody has signed yet' },
);

export type PartyRemoved = DomainEvent<'PartyRemoved', Payload<typeof PartyRemovedData>>;

export const SignatoryDesignatedData = record(
  { protocolId, institutionId: id(), signatory: ProtocolSignatorySchema },
  { description: 'A party names who signs for it; it may name someone else until it has signed' },
);

export type SignatoryDesignated = DomainEvent<'SignatoryDesignated', Payload<typeof SignatoryDesignatedData>>;

export const ProtocolSignatureRecordedData = record(
  {
    protocolId,
    institutionId: id(),
    state: nullable(StateCodeSchema),
    institutionName: LocalizedTextSchema,
    signatory: ProtocolSignatorySchema,
    signedOn: IsoDateSchema,
    place: text(),
  },
  {
    description:
      "One party signed through its designated signatory. `institutionName` is the party's name on " +
      'the signing day, as the Institution aggregate knew it',
  },
);

export type ProtocolSignatureRecorded = DomainEvent<
  'ProtocolSignatureRecorded',
  Payload<typeof ProtocolSignatureRecordedData>
>;

export const ProtocolSignedData = record(
  {
    protocolId,
    signedOn: IsoDateSchema,
    parties: Type.Array(id(), { description: 'The institutions of the parties' }),
  },
  { description: 'Every party has signed; `signedOn` is the day of the last signature' },
);

export type ProtocolSigned = DomainEvent<'ProtocolSigned', Payload<typeof ProtocolSignedData>>;

export const ProtocolEnteredIntoForceData = record(
  { protocolId, date: IsoDateSchema },
  { description: 'The signed protocol entered into force on the day given' },
);

export type ProtocolEnteredIntoForce = DomainEvent<
  'ProtocolEnteredIntoForce',
  Payload<typeof ProtocolEnteredIntoForceData>
>;

export const ProtocolTerminatedData = record(
  { protocolId, date: IsoDateSchema, reason: nullable(LocalizedTextSchema) },
  { description: 'The protocol was terminated on the day given' },
);

export type ProtocolTerminated = DomainEvent<'ProtocolTerminated', Payload<typeof ProtocolTerminatedData>>;

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

export type ProtocolPartyRecord = ProtocolParty & {
  readonly signatory: ProtocolSignatory | null;
  readonly signature: ProtocolSignature | null;
};

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
