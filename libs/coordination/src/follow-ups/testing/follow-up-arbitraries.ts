import fc from 'fast-check';
import { metadata } from '../../shared/testing/command.js';
import type {
  AssignFollowUp,
  FollowUpCommand,
  ScheduleReview,
  UpdateImplementationStatus,
} from '../follow-up.commands.js';
import { IMPLEMENTATION_STATUSES } from '../follow-up.js';
import { decisionFactsOf, institutionFactsOf, stateFactsOf } from './follow-up-fixtures.js';

const ID = 'f1';
const meta = metadata();

/** Mostly valid values, sometimes invalid ones, so that commands are accepted often enough. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });

const day = mostly(
  fc.constantFrom('2024-11-18', '2025-02-28', '2025-06-01', '2025-11-20'),
  fc.constantFrom('2024-01-01', '2025-02-30'),
);

const assignee = fc.oneof(
  fc.constant({ assignee: { state: 'AZ' }, state: stateFactsOf('AZ'), institution: null }),
  fc.constant({
    assignee: { institutionId: 'tr-ytb' },
    state: null,
    institution: institutionFactsOf('tr-ytb', 'TR'),
  }),
  fc.constant({
    assignee: { state: 'AZ', institutionId: 'tr-ytb' },
    state: stateFactsOf('AZ'),
    institution: institutionFactsOf('tr-ytb', 'TR'),
  }),
  fc.constant({ assignee: {}, state: null, institution: null }),
);

const assign: fc.Arbitrary<AssignFollowUp> = fc
  .record({
    decision: mostly(fc.constant(decisionFactsOf()), fc.constant(null)),
    who: assignee,
    dueDate: fc.option(day, { nil: undefined }),
  })
  .map(({ decision, who, dueDate }) => ({
    type: 'AssignFollowUp',
    data: {
      followUpId: ID,
      decision: { meetingId: 'm1', decisionId: 'd1' },
      assignee: who.assignee,
      description: { en: 'Follow it up' },
      ...(dueDate === undefined ? {} : { dueDate }),
      facts: { decision, state: who.state, institution: who.institution },
    },
    metadata: meta,
  }));

const update: fc.Arbitrary<UpdateImplementationStatus> = fc
  .record({ status: mostly(fc.constantFrom(...IMPLEMENTATION_STATUSES), fc.constant('done' as never)) })
  .map(({ status }) => ({
    type: 'UpdateImplementationStatus',
    data: { followUpId: ID, status },
    metadata: meta,
  }));

const review: fc.Arbitrary<ScheduleReview> = fc
  .record({ reviewOn: day, meetingId: fc.option(fc.constantFrom('m7', ''), { nil: undefined }) })
  .map(({ reviewOn, meetingId }) => ({
    type: 'ScheduleReview',
    data: { followUpId: ID, reviewOn, ...(meetingId === undefined ? {} : { meetingId }) },
    metadata: meta,
  }));

/** Valid and invalid commands on one follow-up stream, usually opened by an assignment. */
export const followUpCommands: fc.Arbitrary<FollowUpCommand[]> = fc
  .tuple(
    fc.option(assign, { freq: 6 }),
    fc.array(
      fc.oneof(
        { arbitrary: assign, weight: 1 },
        { arbitrary: update, weight: 4 },
        { arbitrary: review, weight: 3 },
      ),
      { maxLength: 30, size: 'max' },
    ),
  )
  .map(([first, rest]) => (first ? [first, ...rest] : rest));
