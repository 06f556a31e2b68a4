import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import { record, type Payload } from '../schemas/schema-kit.js';
import { IsoDateSchema, type IsoDate } from '../shared/iso-date.js';
import { LocalizedTextSchema, type LocalizedText } from '../shared/localized-text.js';
import { MembershipSchema, StateCodeSchema, type Membership } from '../shared/states.js';

export const stateStream = (code: string): string => `state-${code}`;

export const STATE_MEMBERSHIPS: readonly Membership[] = MembershipSchema.enum;

export const StateRegisteredData = record(
  { code: StateCodeSchema, name: LocalizedTextSchema, membership: MembershipSchema, since: IsoDateSchema },
  { description: 'A state is registered as a member or an observer of the OTS since a day' },
);

export type StateRegistered = DomainEvent<'StateRegistered', Payload<typeof StateRegisteredData>>;

export const MembershipStatusChangedData = record(
  {
    code: StateCodeSchema,
    membership: MembershipSchema,
    previousMembership: MembershipSchema,
    since: IsoDateSchema,
  },
  {
    description:
      "A state's membership changed from a day on. `previousMembership` keeps the status the change " +
      'ends, so the event reads on its own',
  },
);

export type MembershipStatusChanged = DomainEvent<
  'MembershipStatusChanged',
  Payload<typeof MembershipStatusChangedData>
>;

export type StateEvent = StateRegistered | MembershipStatusChanged;

/** One period of a state's membership, from `since` until the next period begins. */
export interface MembershipPeriod {
  readonly membership: Membership;
  readonly since: IsoDate;
}

export interface RegisteredState {
  readonly status: 'registered';
  readonly code: string;
  readonly name: LocalizedText;
  /** The current membership and the day it began. */
  readonly membership: Membership;
  readonly since: IsoDate;
  /** Every period, oldest first; the last one is the current one. */
  readonly periods: readonly MembershipPeriod[];
}

export type StateRecord = { readonly status: 'unregistered' } | RegisteredState;

export const initialStateRecord = (): StateRecord => ({ status: 'unregistered' });

export function evolveState(state: StateRecord, event: StateEvent): StateRecord {
  switch (event.type) {
    case 'StateRegistered': {
      const { code, name, membership, since } = event.data;
      return { status: 'registered', code, name, membership, since, periods: [{ membership, since }] };
    }
    case 'MembershipStatusChanged': {
      if (state.status === 'unregistered') return state;
      const { membership, since } = event.data;
      return { ...state, membership, since, periods: [...state.periods, { membership, since }] };
    }
    default:
      return unreachable(event);
  }
}

/** The membership a state had on a day; null before it was registered as anything. */
export function stateMembershipOn(state: StateRecord, date: IsoDate): Membership | null {
  if (state.status === 'unregistered') return null;
  const period = state.periods.filter((p) => p.since <= date).at(-1);
  return period?.membership ?? null;
}
