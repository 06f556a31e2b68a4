import { Type } from 'typebox';
import { RuleViolation } from '#eventsourcing/decider.js';
import { oneOf } from '../schemas/schema-kit.js';

export const MembershipSchema = oneOf(['member', 'observer'], {
  description: 'Members count towards quorum and adoption; observers attend',
});

export type Membership = Type.Static<typeof MembershipSchema>;

/** An OTS state code: ISO 3166-1 alpha-2, or the user-assigned XC. */
export const StateCodeSchema = Type.String({
  pattern: '^[A-Z]{2}$',
  description: 'An OTS state code (ISO 3166-1 alpha-2; XC for the Turkish Republic of Northern Cyprus)',
});

export interface StateReference {
  readonly code: string;
  readonly name: string;
  readonly membership: Membership;
}

/**
 * The OTS states as the domain knows them until the State aggregate exists. The Turkish
 * Republic of Northern Cyprus has no ISO code, hence the user-assigned XC.
 */
export const STATES: readonly StateReference[] = [
  { code: 'AZ', name: 'Azerbaijan', membership: 'member' },
  { code: 'KZ', name: 'Kazakhstan', membership: 'member' },
  { code: 'KG', name: 'Kyrgyzstan', membership: 'member' },
  { code: 'TR', name: 'Türkiye', membership: 'member' },
  { code: 'UZ', name: 'Uzbekistan', membership: 'member' },
  { code: 'HU', name: 'Hungary', membership: 'observer' },
  { code: 'TM', name: 'Turkmenistan', membership: 'observer' },
  { code: 'XC', name: 'Turkish Republic of Northern Cyprus', membership: 'observer' },
];

export const MEMBER_STATES: readonly string[] = STATES.filter((s) => s.membership === 'member').map(
  (s) => s.code,
);
export const OBSERVER_STATES: readonly string[] = STATES.filter((s) => s.membership === 'observer').map(
  (s) => s.code,
);

export function stateReference(code: string): StateReference | undefined {
  return STATES.find((s) => s.code === code);
}

export function isKnownState(code: string): boolean {
  return stateReference(code) !== undefined;
}

export function isMemberState(code: string): boolean {
  return stateReference(code)?.membership === 'member';
}

export function isObserverState(code: string): boolean {
  return stateReference(code)?.membership === 'observer';
}

export function membershipOf(code: string): Membership {
  const reference = stateReference(code);
  if (!reference) throw unknownState(code, 'state');
  return reference.membership;
}

export function assertKnownState(code: unknown, field: string): asserts code is string {
  if (typeof code !== 'string' || !isKnownState(code)) throw unknownState(String(code), field);
}

/** Refuses an empty list, an unknown code or a state listed twice. */
export function assertStateList(codes: unknown, field: string): asserts codes is readonly string[] {
  if (!Array.isArray(codes) || codes.length === 0) {
    throw new RuleViolation('state.list-empty', `${field} must name at least one state`, field);
  }
  codes.forEach((code: unknown, index) => assertKnownState(code, `${field}[${index}]`));
  const duplicate = codes.find((code, index) => codes.indexOf(code) !== index);
  if (duplicate !== undefined) {
    throw new RuleViolation('state.listed-twice', `${field} lists ${String(duplicate)} twice`, field);
  }
}

function unknownState(code: string, field: string): RuleViolation {
  const known = STATES.map((s) => s.code).join(', ');
  return new RuleViolation('state.unknown', `"${code}" is not an OTS state code (known: ${known})`, field);
}
