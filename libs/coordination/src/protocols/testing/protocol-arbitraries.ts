import fc from 'fast-check';
import { metadata } from '../../shared/testing/command.js';
import type { MarginsFacts } from '../margins-facts.js';
import type { ProtocolCommand } from '../protocol.commands.js';
import { AZ, INSTITUTIONS, KZ, KZ_MINISTRY, NAMES, SECRETARIAT, TASHKENT, UZ } from './protocol-fixtures.js';

const PROTOCOL = 'p1';
const POOL = [KZ, UZ, AZ, KZ_MINISTRY, SECRETARIAT];
const meta = metadata();

/** Mostly valid values, sometimes invalid ones, so that commands are accepted often enough. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });

const as =
  <C extends ProtocolCommand>(type: C['type']) =>
  (data: Omit<C['data'], 'protocolId'>) =>
    ({ type, data: { protocolId: PROTOCOL, ...data }, metadata: meta }) as C;

const institution = mostly(fc.constantFrom(...POOL), fc.constant('unknown'));
/** Signing commands go mostly to the two parties of the usual bilateral draft. */
const signer = fc.oneof(
  { arbitrary: fc.constantFrom(KZ, UZ), weight: 3 },
  { arbitrary: institution, weight: 2 },
);
const partyFacts = (id: string) => INSTITUTIONS.find((i) => i.institutionId === id) ?? null;
const day = fc.constantFrom('2024-11-17', '2024-11-18', '2024-12-01', '2025-03-01');
const margins = mostly(fc.constant(TASHKENT), fc.constant(null));

const partyLists: fc.Arbitrary<readonly string[]> = fc.oneof(
  { arbitrary: fc.constant([KZ, UZ]), weight: 3 },
  { arbitrary: fc.shuffledSubarray(POOL, { minLength: 2 }), weight: 1 },
  { arbitrary: fc.array(institution, { maxLength: 4 }), weight: 1 },
);

const draft = fc
  .record({
    parties: partyLists,
    onMargins: fc.boolean(),
    margins,
  })
  .map(({ parties, onMargins, margins }) =>
    as('DraftProtocol')({
      title: { en: 'Cooperation Protocol' },
      parties: parties.map((institutionId) => ({ institutionId })),
      ...(onMargins ? { margins: { meetingId: TASHKENT.meetingId } } : {}),
      facts: { parties: INSTITUTIONS, margins },
    }),
  );

const addParty = institution.map((id) =>
  as('AddParty')({ institutionId: id, facts: { party: partyFacts(id) } }),
);
const removeParty = institution.map((id) => as('RemoveParty')({ institutionId: id }));

const designate = fc
  .record({
    institutionId: signer,
    name: mostly(fc.constantFrom('A. Head', 'B. Deputy'), fc.constant(' ')),
  })
  .map(({ institutionId, name }) => as('DesignateSignatory')({ institutionId, signatory: { name } }));

interface SignInput {
  readonly institutionId: string;
  readonly signedOn: string;
  readonly place: string;
  readonly established: boolean;
  readonly margins: MarginsFacts | null;
}

const validSign: fc.Arbitrary<SignInput> = fc.record({
  institutionId: signer,
  signedOn: fc.constant(TASHKENT.date),
  place: fc.constant('Tashkent'),
  established: fc.constant(true),
  margins: fc.constant(TASHKENT),
});
const anySign: fc.Arbitrary<SignInput> = fc.record({
  institutionId: institution,
  signedOn: day,
  place: fc.constantFrom('Tashkent', 'Samarkand', ''),
  established: fc.boolean(),
  margins,
});

const sign = mostly(validSign, anySign).map(({ institutionId, signedOn, place, established, margins }) => {
  const known = partyFacts(institutionId);
  const nameOnSigningDate = established ? { en: NAMES[institutionId] ?? 'Institution' } : null;
  const party = known && { ...known, nameOnSigningDate };
  return as('SignProtocol')({ institutionId, signedOn, place, facts: { party, margins } });
});

const enterIntoForce = day.map((date) => as('RecordEntryIntoForce')({ date }));
const terminate = day.map((date) => as('TerminateProtocol')({ date }));

const anyCommand = fc.oneof(
  { arbitrary: draft, weight: 1 },
  { arbitrary: addParty, weight: 1 },
  { arbitrary: removeParty, weight: 1 },
  { arbitrary: designate, weight: 5 },
  { arbitrary: sign, weight: 10 },
  { arbitrary: enterIntoForce, weight: 2 },
  { arbitrary: terminate, weight: 2 },
);

/** Valid and invalid commands on one protocol stream, in any order, usually opened by a draft. */
export const protocolCommands: fc.Arbitrary<ProtocolCommand[]> = fc
  .tuple(fc.option(draft, { freq: 5 }), fc.array(anyCommand, { minLength: 20, maxLength: 60, size: 'max' }))
  .map(([first, rest]) => (first ? [first, ...rest] : rest));
