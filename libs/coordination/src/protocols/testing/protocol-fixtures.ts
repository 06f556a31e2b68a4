import { commandsOf } from '../../shared/testing/command.js';
import type { MarginsFacts } from '../margins-facts.js';
import type { ProtocolPartyFacts, SigningPartyFacts } from '../party-facts.js';
import type { ProtocolCommand, SignProtocol } from '../protocol.commands.js';
import type {
  ProtocolDrafted,
  ProtocolSignatureRecorded,
  ProtocolSigned,
  SignatoryDesignated,
} from '../protocol.js';

export const protocolCommand = commandsOf<ProtocolCommand>();

export const PROTOCOL_ID = 'kz-uz-diaspora-2024';
export const MEETING_ID = 'diaspora-ministerial-6';
export const KZ = 'kz-otandastar';
export const UZ = 'uz-interethnic-committee';
export const AZ = 'az-diaspora-committee';
export const TR = 'tr-ytb';
export const KZ_MINISTRY = 'kz-foreign-ministry';
export const SECRETARIAT = 'ots-secretariat';

/** The institutions as the Institution aggregate knows them. */
export const INSTITUTIONS: readonly ProtocolPartyFacts[] = [
  { institutionId: KZ, state: 'KZ' },
  { institutionId: UZ, state: 'UZ' },
  { institutionId: AZ, state: 'AZ' },
  { institutionId: TR, state: 'TR' },
  { institutionId: KZ_MINISTRY, state: 'KZ' },
  { institutionId: SECRETARIAT, state: null },
];

export const NAMES: Record<string, string> = {
  [KZ]: 'Otandastar Foundation',
  [UZ]: 'Committee on Interethnic Relations and Friendly Cooperation with Foreign Countries',
  [AZ]: 'State Committee on Work with Diaspora',
  [TR]: 'Presidency for Turks Abroad and Related Communities',
  [KZ_MINISTRY]: 'Ministry of Foreign Affairs of Kazakhstan',
  [SECRETARIAT]: 'Secretariat of the Organization of Turkic States',
};

export const stateOf = (institutionId: string): string | null =>
  INSTITUTIONS.find((i) => i.institutionId === institutionId)?.state ?? null;

/** The Tashkent meeting, 18 November 2024. */
export const TASHKENT: MarginsFacts = { meetingId: MEETING_ID, date: '2024-11-18', city: 'Tashkent' };

export const TITLE = { en: 'Cooperation Protocol between the Otandastar Foundation and the Committee' };

export const drafted = (
  parties: readonly string[] = [KZ, UZ],
  margins: { meetingId: string } | null = { meetingId: MEETING_ID },
): ProtocolDrafted => ({
  type: 'ProtocolDrafted',
  data: {
    protocolId: PROTOCOL_ID,
    title: TITLE,
    parties: parties.map((institutionId) => ({ institutionId, state: stateOf(institutionId) })),
    margins,
  },
});

export const signatoryOf = (institutionId: string) => ({
  name: `Head of ${institutionId}`,
  title: { en: 'Chairman' },
});

export const designated = (institutionId: string): SignatoryDesignated => ({
  type: 'SignatoryDesignated',
  data: { protocolId: PROTOCOL_ID, institutionId, signatory: signatoryOf(institutionId) },
});

export const signatureRecorded = (
  institutionId: string,
  signedOn = '2024-11-18',
  place = 'Tashkent',
): ProtocolSignatureRecorded => ({
  type: 'ProtocolSignatureRecorded',
  data: {
    protocolId: PROTOCOL_ID,
    institutionId,
    state: stateOf(institutionId),
    institutionName: { en: NAMES[institutionId] },
    signatory: signatoryOf(institutionId),
    signedOn,
    place,
  },
});

export const protocolSigned = (
  parties: readonly string[] = [KZ, UZ],
  signedOn = '2024-11-18',
): ProtocolSigned => ({
  type: 'ProtocolSigned',
  data: { protocolId: PROTOCOL_ID, signedOn, parties },
});

export const signingFacts = (institutionId: string): SigningPartyFacts => ({
  institutionId,
  state: stateOf(institutionId),
  nameOnSigningDate: { en: NAMES[institutionId] },
});

export const sign = (institutionId: string, data: Partial<SignProtocol['data']> = {}) =>
  protocolCommand('SignProtocol', {
    protocolId: PROTOCOL_ID,
    institutionId,
    signedOn: '2024-11-18',
    place: 'Tashkent',
    facts: { party: signingFacts(institutionId), margins: TASHKENT },
    ...data,
  });

/** The bilateral KZ-UZ protocol of the Tashkent margins, both signatories designated, unsigned. */
export const readyToSign = [drafted(), designated(KZ), designated(UZ)];

/** The same protocol signed by both on 18 November 2024. */
export const signedProtocol = [
  ...readyToSign,
  signatureRecorded(KZ),
  signatureRecorded(UZ),
  protocolSigned(),
];
