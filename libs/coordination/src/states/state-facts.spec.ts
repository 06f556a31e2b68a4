import { fold } from '#eventsourcing/decider.js';
import { stateFacts } from './state-facts.js';
import { stateDecider } from './state.decider.js';
import { membershipChanged, registered } from './testing/state-fixtures.js';

describe('stateFacts', () => {
  it('tells the current membership and the membership on any day', () => {
    const facts = stateFacts(fold(stateDecider, [registered(), membershipChanged()]));
    expect(facts).toMatchObject({
      code: 'HU',
      name: { en: 'Hungary' },
      membership: 'member',
      since: '2026-01-01',
    });
    expect(facts?.membershipOn('2018-09-02')).toBeNull();
    expect(facts?.membershipOn('2018-09-03')).toBe('observer');
    expect(facts?.membershipOn('2025-12-31')).toBe('observer');
    expect(facts?.membershipOn('2026-01-01')).toBe('member');
  });

  it('is null for a state never registered', () => {
    expect(stateFacts(stateDecider.initialState())).toBeNull();
  });
});
