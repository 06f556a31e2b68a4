import Database from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';
import { protocolsProjection as projection } from '../protocols.projection.js';

/** An event as a spec gives it: type, data, and the day it occurred. */
export type Given = readonly [type: string, data: Record<string, unknown>, occurredOn?: string];

/** [institution id, state (null: the Secretariat)] */
export type Party = readonly [string, string | null];

export const KZ: Party = ['kz-otandastar', 'KZ'];
export const UZ: Party = ['uz-interethnic-committee', 'UZ'];
export const AZ: Party = ['az-diaspora-committee', 'AZ'];
export const TR: Party = ['tr-ytb', 'TR'];
export const OTS: Party = ['ots-secretariat', null];

const NAMES: Record<string, string> = {
  'kz-otandastar': 'Otandastar Foundation',
  'uz-interethnic-committee': 'Committee on Interethnic Relations',
  'az-diaspora-committee': 'State Committee on Work with Diaspora',
  'tr-ytb': 'Presidency for Turks Abroad and Related Communities',
  'ots-secretariat': 'Secretariat of the Organization of Turkic States',
};
export const nameOf = ([id]: Party) => ({ en: NAMES[id] });

export const registered = ([institutionId, state]: Party, validFrom = '2017-01-01'): Given => [
  'InstitutionRegistered',
  { institutionId, state, name: nameOf([institutionId, state]), parent: null, validFrom },
  validFrom,
];
export const renamed = (
  institutionId: string,
  en: string,
  validFrom: string,
  previousValidTo: string,
): Given => [
  'InstitutionRenamed',
  { institutionId, name: { en }, parent: null, validFrom, previousValidTo },
  validFrom,
];
export const institutions: Given[] = [KZ, UZ, AZ, TR, OTS].map((p) => registered(p));

export const drafted = (protocolId: string, parties: Party[], on = '2024-11-18'): Given => [
  'ProtocolDrafted',
  {
    protocolId,
    title: { en: `Cooperation Protocol ${protocolId}` },
    parties: parties.map(([institutionId, state]) => ({ institutionId, state })),
    margins: { meetingId: 'diaspora-ministerial-6' },
  },
  on,
];
export const added = (protocolId: string, [institutionId, state]: Party): Given => [
  'PartyAdded',
  { protocolId, institutionId, state },
];
export const removed = (protocolId: string, [institutionId]: Party): Given => [
  'PartyRemoved',
  { protocolId, institutionId },
];
export const signatoryOf = ([id]: Party) => ({ name: `Head of ${id}`, title: null });
export const designated = (protocolId: string, party: Party): Given => [
  'SignatoryDesignated',
  { protocolId, institutionId: party[0], signatory: signatoryOf(party) },
];
export const signature = (
  protocolId: string,
  party: Party,
  signedOn = '2024-11-18',
  name = nameOf(party),
): Given => [
  'ProtocolSignatureRecorded',
  {
    protocolId,
    institutionId: party[0],
    state: party[1],
    institutionName: name,
    signatory: signatoryOf(party),
    signedOn,
    place: 'Tashkent',
  },
  signedOn,
];
export const signed = (protocolId: string, parties: Party[], signedOn = '2024-11-18'): Given => [
  'ProtocolSigned',
  { protocolId, signedOn, parties: parties.map(([id]) => id) },
  signedOn,
];

/** Drafted, then signed by every party on one day. */
export const signedProtocol = (protocolId: string, parties: Party[], signedOn = '2024-11-18'): Given[] => [
  drafted(protocolId, parties),
  ...parties.map((p) => designated(protocolId, p)),
  ...parties.map((p) => signature(protocolId, p, signedOn)),
  signed(protocolId, parties, signedOn),
];

const streamOf = ({ protocolId, institutionId }: Record<string, unknown>) =>
  protocolId ? `protocol-${String(protocolId)}` : `institution-${String(institutionId)}`;

/** Applies events at positions after the database's last one; returns them as recorded. */
export function apply(db: Database.Database, events: readonly Given[], from = 0): RecordedEvent[] {
  return events.map(([type, data, occurredOn = '2024-11-18'], index) => {
    const event: RecordedEvent = {
      ...newEvent(type, data, {
        metadata: { occurredAt: `${occurredOn}T09:00:00.000Z`, visibility: 'public' },
      }),
      stream: streamOf(data),
      revision: index,
      position: from + index + 1,
    };
    projection.apply(db, event);
    return event;
  });
}

/** Given these events applied in order at positions 1, 2, ...: the read model's database. */
export function given(events: readonly Given[]): Database.Database {
  const db = new Database(':memory:');
  projection.setup(db);
  apply(db, events);
  return db;
}
