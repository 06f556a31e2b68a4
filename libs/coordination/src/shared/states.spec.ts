import { RuleViolation } from '#eventsourcing/decider.js';
import {
  assertStateList,
  isKnownState,
  isMemberState,
  isObserverState,
  MEMBER_STATES,
  membershipOf,
  OBSERVER_STATES,
  stateReference,
} from './states.js';

const ruleOf = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof RuleViolation ? error.rule : String(error);
  }
};

describe('OTS states', () => {
  it('knows the five members and the three observers', () => {
    expect(MEMBER_STATES).toEqual(['AZ', 'KZ', 'KG', 'TR', 'UZ']);
    expect(OBSERVER_STATES).toEqual(['HU', 'TM', 'XC']);
    expect(stateReference('XC')).toEqual({
      code: 'XC',
      name: 'Turkish Republic of Northern Cyprus',
      membership: 'observer',
    });
  });

  it('tells members from observers and unknown codes', () => {
    expect([isMemberState('TR'), isObserverState('TR'), isKnownState('TR')]).toEqual([true, false, true]);
    expect([isMemberState('HU'), isObserverState('HU'), isKnownState('HU')]).toEqual([false, true, true]);
    expect([isMemberState('RU'), isObserverState('RU'), isKnownState('RU')]).toEqual([false, false, false]);
    expect(membershipOf('TM')).toBe('observer');
    expect(ruleOf(() => membershipOf('tr'))).toBe('state.unknown');
  });

  it('checks lists of states', () => {
    expect(ruleOf(() => assertStateList(['AZ', 'HU'], 'participatingStates'))).toBeUndefined();
    expect(ruleOf(() => assertStateList([], 'participatingStates'))).toBe('state.list-empty');
    expect(ruleOf(() => assertStateList(['AZ', 'XX'], 'participatingStates'))).toBe('state.unknown');
    expect(ruleOf(() => assertStateList(['AZ', 'AZ'], 'participatingStates'))).toBe('state.listed-twice');
  });
});
