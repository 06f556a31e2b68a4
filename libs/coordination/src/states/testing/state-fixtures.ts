import { commandsOf } from '../../shared/testing/command.js';
import type { StateCommand } from '../state.commands.js';
import type { MembershipStatusChanged, StateRegistered } from '../state.js';

export const stateCommand = commandsOf<StateCommand>();

export const registered = (data: Partial<StateRegistered['data']> = {}): StateRegistered => ({
  type: 'StateRegistered',
  data: {
    code: 'HU',
    name: { en: 'Hungary', hu: 'Magyarország' },
    membership: 'observer',
    since: '2018-09-03',
    ...data,
  },
});

export const membershipChanged = (
  data: Partial<MembershipStatusChanged['data']> = {},
): MembershipStatusChanged => ({
  type: 'MembershipStatusChanged',
  data: { code: 'HU', membership: 'member', previousMembership: 'observer', since: '2026-01-01', ...data },
});
