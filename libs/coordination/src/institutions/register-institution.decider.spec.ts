import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { RegisterInstitution } from './institution.commands.js';
import { institutionDecider } from './institution.decider.js';
import {
  MINISTRY,
  YTB,
  institutionCommand,
  parentFactsOf,
  stateFactsOf,
  ytbRegistered,
} from './testing/institution-fixtures.js';

const register = (
  data: Partial<Omit<RegisterInstitution['data'], 'facts'>> = {},
  facts: Partial<RegisterInstitution['data']['facts']> = {},
) => {
  const { parent: _parent, ...event } = ytbRegistered().data;
  return institutionCommand('RegisterInstitution', {
    ...event,
    ...data,
    facts: { state: stateFactsOf('TR'), parent: null, ...facts },
  });
};

const secretariat = {
  institutionId: 'ots-secretariat',
  state: null,
  name: { en: 'Secretariat of the Cooperation Council of Turkic Speaking States' },
  validFrom: '2009-10-03',
};

describe('RegisterInstitution', () => {
  it('registers an institution of a registered state, with its first name period', () => {
    given(institutionDecider).when(register()).then([ytbRegistered()]);
  });

  it('registers the OTS Secretariat, which belongs to no state', () => {
    given(institutionDecider)
      .when(register(secretariat, { state: null }))
      .then([{ type: 'InstitutionRegistered', data: { ...secretariat, parent: null } }]);
  });

  it('registers an institution under a parent body of the same state', () => {
    given(institutionDecider)
      .when(register({ parent: MINISTRY }, { parent: parentFactsOf() }))
      .then([ytbRegistered({ parent: MINISTRY })]);
  });

  it('refuses to register an institution twice', () => {
    given(institutionDecider, [ytbRegistered()])
      .when(register())
      .thenRefuses(StateConflict, 'institution.already-registered');
  });

  it('refuses a state that was never registered', () => {
    given(institutionDecider)
      .when(register({ state: 'RU' }, { state: null }))
      .thenRefuses(EntityNotFound, 'state.not-found');
  });

  it('refuses an institution without a state or the Secretariat named', () => {
    given(institutionDecider)
      .when(register({ state: undefined as never }))
      .thenRefuses(RuleViolation, 'institution.state-required');
  });

  it('refuses a parent that was never registered', () => {
    given(institutionDecider)
      .when(register({ parent: MINISTRY }))
      .thenRefuses(EntityNotFound, 'institution.parent-not-found');
  });

  it('refuses a parent of another state, or of the Secretariat', () => {
    given(institutionDecider)
      .when(register({ parent: MINISTRY }, { parent: parentFactsOf({ state: 'AZ' }) }))
      .thenRefuses(RuleViolation, 'institution.parent-of-another-state');
    given(institutionDecider)
      .when(register({ parent: MINISTRY }, { parent: parentFactsOf({ state: null }) }))
      .thenRefuses(RuleViolation, 'institution.parent-of-another-state');
  });

  it('refuses an institution as its own parent', () => {
    given(institutionDecider)
      .when(register({ parent: YTB }))
      .thenRefuses(RuleViolation, 'institution.parent-cycle');
  });

  it('refuses a name without English and a validFrom that is not a date', () => {
    given(institutionDecider)
      .when(register({ name: { tr: 'YTB' } as never }))
      .thenRefuses(RuleViolation, 'text.english-required');
    given(institutionDecider)
      .when(register({ validFrom: '2010-13-01' }))
      .thenRefuses(RuleViolation, 'date.invalid');
  });

  it('refuses a blank id', () => {
    given(institutionDecider)
      .when(register({ institutionId: ' ' }))
      .thenRefuses(RuleViolation, 'institution.id-required');
  });
});
