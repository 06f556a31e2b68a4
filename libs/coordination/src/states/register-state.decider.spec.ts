import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { RegisterState } from './state.commands.js';
import { stateDecider } from './state.decider.js';
import { registered, stateCommand } from './testing/state-fixtures.js';

const register = (data: Partial<RegisterState['data']> = {}) =>
  stateCommand('RegisterState', { ...registered().data, ...data });

describe('RegisterState', () => {
  it('registers an observer state with its name per language', () => {
    given(stateDecider).when(register()).then([registered()]);
  });

  it('registers a member state', () => {
    const uz = { code: 'UZ', name: { en: 'Uzbekistan' }, membership: 'member' as const, since: '2019-10-15' };
    given(stateDecider)
      .when(register(uz))
      .then([{ type: 'StateRegistered', data: uz }]);
  });

  it('registers a user-assigned code such as XC for Northern Cyprus', () => {
    const xc = { code: 'XC', name: { en: 'Turkish Republic of Northern Cyprus' }, since: '2022-11-11' };
    given(stateDecider)
      .when(register(xc))
      .then([registered(xc)]);
  });

  it('refuses to register a code twice, even with the same data', () => {
    given(stateDecider, [registered()])
      .when(register())
      .thenRefuses(StateConflict, 'state.already-registered');
    given(stateDecider, [registered()])
      .when(register({ membership: 'member' }))
      .thenRefuses(StateConflict, 'state.already-registered');
  });

  it.each(['hu', 'HUN', 'H', '', 'H1'])('refuses the code %p', (code) => {
    given(stateDecider).when(register({ code })).thenRefuses(RuleViolation, 'state.code-invalid');
  });

  it('refuses a membership other than member or observer', () => {
    given(stateDecider)
      .when(register({ membership: 'candidate' as never }))
      .thenRefuses(RuleViolation, 'state.membership-unknown');
  });

  it('refuses a name without English', () => {
    given(stateDecider)
      .when(register({ name: { hu: 'Magyarország' } as never }))
      .thenRefuses(RuleViolation, 'text.english-required');
  });

  it('refuses a since that is not a calendar date', () => {
    given(stateDecider)
      .when(register({ since: '2018-09-31' }))
      .thenRefuses(RuleViolation, 'date.invalid');
  });
});
