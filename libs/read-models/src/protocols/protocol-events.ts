/**
 * The wire shape of the protocol and institution events this read model reads. Read models
 * depend on the published event shapes (the event catalogue), not on the domain's code.
 */
export type Text = Record<string, string>;

/** A party as the protocol lists it; `state` null is the OTS Secretariat. */
export interface ProtocolPartyData {
  readonly institutionId: string;
  readonly state: string | null;
}

export interface SignatoryData {
  readonly name: string;
  readonly title: Text | null;
}

export interface ProtocolDraftedData {
  readonly protocolId: string;
  readonly title: Text;
  readonly parties: readonly ProtocolPartyData[];
  readonly margins: { readonly meetingId: string } | null;
}

export interface PartyAddedData extends ProtocolPartyData {
  readonly protocolId: string;
}

export interface PartyRemovedData {
  readonly protocolId: string;
  readonly institutionId: string;
}

export interface SignatoryDesignatedData {
  readonly protocolId: string;
  readonly institutionId: string;
  readonly signatory: SignatoryData;
}

/** `institutionName` is the party's name on the signing day. */
export interface ProtocolSignatureRecordedData {
  readonly protocolId: string;
  readonly institutionId: string;
  readonly state: string | null;
  readonly institutionName: Text;
  readonly signatory: SignatoryData;
  readonly signedOn: string;
  readonly place: string;
}

/** Every party has signed; `signedOn` is the day of the last signature. */
export interface ProtocolSignedData {
  readonly protocolId: string;
  readonly signedOn: string;
  readonly parties: readonly string[];
}

export interface ProtocolEnteredIntoForceData {
  readonly protocolId: string;
  readonly date: string;
}

export interface ProtocolTerminatedData {
  readonly protocolId: string;
  readonly date: string;
  readonly reason: Text | null;
}

/** `state` null is the OTS Secretariat. */
export interface InstitutionRegisteredData {
  readonly institutionId: string;
  readonly state: string | null;
  readonly name: Text;
  readonly validFrom: string;
}

/** Opens a new name period; the previous one ends on `previousValidTo`, the day before. */
export interface InstitutionRenamedData {
  readonly institutionId: string;
  readonly name: Text;
  readonly validFrom: string;
  readonly previousValidTo: string;
}
