import type { IsoDate } from '../shared/iso-date.js';
import type { LocalizedText } from '../shared/localized-text.js';
import type { Membership } from '../shared/states.js';
import type { StateRecord } from './state.js';
import { stateMembershipOn } from './state.js';

/**
 * What the State aggregate knows of one state, for the handlers of other aggregates to
 * prefetch and pass in their commands. It is the source of truth for membership.
 */
export interface StateFacts {
  readonly code: string;
  readonly name: LocalizedText;
  readonly membership: Membership;
  readonly since: IsoDate;
  /** The membership on a day; null before the state's first period. */
  readonly membershipOn: (date: IsoDate) => Membership | null;
}

/** Null when the state was never registered. */
export function stateFacts(state: StateRecord): StateFacts | null {
  if (state.status === 'unregistered') return null;
  return {
    code: state.code,
    name: state.name,
    membership: state.membership,
    since: state.since,
    membershipOn: (date) => stateMembershipOn(state, date),
  };
}
