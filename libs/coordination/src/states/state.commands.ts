import type { Command } from '#eventsourcing/decider.js';
import type { LocalizedText } from '../shared/localized-text.js';
import type { Membership } from '../shared/states.js';

export type RegisterState = Command<
  'RegisterState',
  {
    /** ISO 3166-1 alpha-2, or a user-assigned code such as XC for Northern Cyprus. */
    readonly code: string;
    readonly name: LocalizedText;
    readonly membership: Membership;
    /** YYYY-MM-DD: the day the membership began. */
    readonly since: string;
  }
>;

export type ChangeMembershipStatus = Command<
  'ChangeMembershipStatus',
  { readonly code: string; readonly membership: Membership; /** YYYY-MM-DD */ readonly since: string }
>;

export type StateCommand = RegisterState | ChangeMembershipStatus;
