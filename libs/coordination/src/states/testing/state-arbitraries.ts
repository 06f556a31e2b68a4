import fc from 'fast-check';
import { metadata } from '../../shared/testing/command.js';
import type { ChangeMembershipStatus, RegisterState, StateCommand } from '../state.commands.js';

const meta = metadata();

/** Mostly valid values, sometimes invalid ones, so that commands are accepted often enough. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });

const membership = mostly(
  fc.constantFrom('member' as const, 'observer' as const),
  fc.constant('candidate' as never),
);
const since = mostly(
  fc
    .date({ min: new Date('2009-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2024-02-30', 'soon'),
);

const register: fc.Arbitrary<RegisterState> = fc
  .record({
    code: mostly(fc.constant('HU'), fc.constantFrom('hu', 'HUN')),
    name: mostly(fc.constant({ en: 'Hungary' }), fc.constant({ hu: 'Magyarország' } as never)),
    membership,
    since,
  })
  .map((data) => ({ type: 'RegisterState', data, metadata: meta }));

const change: fc.Arbitrary<ChangeMembershipStatus> = fc
  .record({ code: fc.constant('HU'), membership, since })
  .map((data) => ({ type: 'ChangeMembershipStatus', data, metadata: meta }));

/** Valid and invalid commands on one state stream, in any order. */
export const stateCommands: fc.Arbitrary<StateCommand[]> = fc.array(
  fc.oneof({ arbitrary: register, weight: 1 }, { arbitrary: change, weight: 4 }),
  { maxLength: 30, size: 'max' },
);
