import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { AssignFollowUp, FollowUpAssignmentFacts } from './follow-up.commands.js';
import { followUpDecider } from './follow-up.decider.js';
import {
  DECISION,
  FOLLOW_UP_ID,
  assigned,
  decisionFactsOf,
  facts,
  followUpCommand,
  institutionFactsOf,
  stateFactsOf,
} from './testing/follow-up-fixtures.js';

const assign = (
  data: Partial<Omit<AssignFollowUp['data'], 'facts'>> = {},
  known: Partial<FollowUpAssignmentFacts> = {},
) =>
  followUpCommand('AssignFollowUp', {
    followUpId: FOLLOW_UP_ID,
    decision: DECISION,
    assignee: { state: 'AZ' },
    description: assigned().data.description,
    dueDate: '2025-02-28',
    ...data,
    facts: facts(known),
  });

describe('AssignFollowUp', () => {
  it('assigns a follow-up of a recorded decision to a state', () => {
    given(followUpDecider).when(assign()).then([assigned()]);
  });

  it("assigns it to an institution, recording the institution's state", () => {
    given(followUpDecider)
      .when(
        assign(
          { assignee: { institutionId: 'tr-ytb' } },
          { state: null, institution: institutionFactsOf('tr-ytb', 'TR') },
        ),
      )
      .then([assigned({ assignee: { state: 'TR', institutionId: 'tr-ytb' } })]);
  });

  it('assigns it to a state and one of its institutions, or to the Secretariat', () => {
    given(followUpDecider)
      .when(
        assign(
          { assignee: { state: 'TR', institutionId: 'tr-ytb' } },
          { state: stateFactsOf('TR'), institution: institutionFactsOf('tr-ytb', 'TR') },
        ),
      )
      .then([assigned({ assignee: { state: 'TR', institutionId: 'tr-ytb' } })]);
    given(followUpDecider)
      .when(
        assign(
          { assignee: { institutionId: 'ots-secretariat' } },
          { state: null, institution: institutionFactsOf('ots-secretariat', null) },
        ),
      )
      .then([assigned({ assignee: { state: null, institutionId: 'ots-secretariat' } })]);
  });

  it('stores an absent due date as null', () => {
    given(followUpDecider)
      .when(assign({ dueDate: undefined }))
      .then([assigned({ dueDate: null })]);
  });

  it('refuses to assign the same follow-up twice', () => {
    given(followUpDecider, [assigned()])
      .when(assign())
      .thenRefuses(StateConflict, 'followup.already-assigned');
  });

  it('refuses a decision its meeting does not know', () => {
    given(followUpDecider)
      .when(assign({}, { decision: null }))
      .thenRefuses(EntityNotFound, 'decision.not-found');
  });

  it('refuses a follow-up that names nobody to act', () => {
    given(followUpDecider)
      .when(assign({ assignee: {} }))
      .thenRefuses(RuleViolation, 'followup.assignee-required');
  });

  it('refuses a state or an institution never registered', () => {
    given(followUpDecider)
      .when(assign({ assignee: { state: 'RU' } }, { state: null }))
      .thenRefuses(EntityNotFound, 'state.not-found');
    given(followUpDecider)
      .when(assign({ assignee: { institutionId: 'nowhere' } }))
      .thenRefuses(EntityNotFound, 'institution.not-found');
  });

  it('refuses an institution of another state than the one named', () => {
    given(followUpDecider)
      .when(
        assign(
          { assignee: { state: 'AZ', institutionId: 'tr-ytb' } },
          { institution: institutionFactsOf('tr-ytb', 'TR') },
        ),
      )
      .thenRefuses(RuleViolation, 'followup.institution-of-another-state');
  });

  it('refuses a due date before the decision was taken', () => {
    given(followUpDecider)
      .when(assign({ dueDate: '2024-11-17' }))
      .thenRefuses(RuleViolation, 'followup.due-before-decision');
    given(followUpDecider)
      .when(assign({ dueDate: '2024-11-18' }, { decision: decisionFactsOf() }))
      .then([assigned({ dueDate: '2024-11-18' })]);
  });

  it('refuses a description without English, and a due date that is not a date', () => {
    given(followUpDecider)
      .when(assign({ description: { az: 'x' } as never }))
      .thenRefuses(RuleViolation, 'text.english-required');
    given(followUpDecider)
      .when(assign({ dueDate: '2025-02-29' }))
      .thenRefuses(RuleViolation, 'date.invalid');
  });
});
