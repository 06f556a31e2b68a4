import { fold } from '#eventsourcing/decider.js';
import { STATES } from '../shared/states.js';
import { stateFacts } from './state-facts.js';
import { stateDecider } from './state.decider.js';
import { OTS_STATE_REGISTRATIONS } from './testing/ots-states.js';
import { stateCommand } from './testing/state-fixtures.js';

/**
 * The State aggregate is the source of truth for membership; the older deciders still read the
 * static table in shared/states.ts. The two must agree on what the scenario registers.
 */
describe('the static state table', () => {
  const registeredStates = OTS_STATE_REGISTRATIONS.map((data) => {
    const events = stateDecider.decide(stateCommand('RegisterState', data), stateDecider.initialState());
    return stateFacts(fold(stateDecider, events));
  });

  it('lists exactly the states the scenario registers, with the same membership and English name', () => {
    expect(
      registeredStates.map((s) => ({ code: s?.code, name: s?.name.en, membership: s?.membership })),
    ).toEqual(STATES.map(({ code, name, membership }) => ({ code, name, membership })));
  });
});
