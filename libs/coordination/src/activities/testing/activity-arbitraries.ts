import fc from 'fast-check';
import { metadata } from '../../shared/testing/command.js';
import type { ActivityCommand } from '../activity.commands.js';
import { PROGRAMME_KINDS } from '../activity.js';
import { forumData, planFactsOf } from './activity-fixtures.js';

const ID = 'a1';
const meta = metadata({ recordedAt: '2025-12-31T12:00:00Z' });
const as =
  <C extends ActivityCommand>(type: C['type']) =>
  (data: C['data']) =>
    ({ type, data, metadata: meta }) as C;

/** Mostly valid values, sometimes invalid ones, so that commands are accepted often enough. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });

const date = mostly(
  fc.constantFrom('2025-03-01', '2025-05-20', '2025-05-22', '2025-09-10', '2025-11-30'),
  fc.constantFrom('2025-02-30', '2026-06-01'),
);
const text = mostly(fc.constant({ en: 'Text' }), fc.constant({ ru: 'Текст' } as never));

const schedule = fc
  .record({
    plannedStart: date,
    plannedEnd: date,
    leadState: mostly(fc.constantFrom('TR', 'UZ'), fc.constant('HU')),
    status: mostly(fc.constant('adopted' as const), fc.constantFrom('drafted' as const, 'closed' as const)),
    kind: fc.option(fc.constantFrom(...PROGRAMME_KINDS), { freq: 2 }),
  })
  .map(({ status, kind, ...data }) => {
    const plan = { planId: 'p1', status, activity: { activityId: 'pa1', kind: kind ?? ('forum' as const) } };
    const base = forumData({ ...data, activityId: ID, facts: planFactsOf({ plan }) });
    return kind === null
      ? as('ScheduleForum')(base)
      : as('ScheduleActivity')({ ...base, kind, withNgos: undefined });
  });

const validSchedule = fc
  .constantFrom('TR', 'UZ')
  .map((leadState) => as('ScheduleForum')(forumData({ activityId: ID, leadState })));

const start = date.map((startedOn) => as('StartActivity')({ activityId: ID, startedOn }));
const report = fc
  .record({
    progress: fc.integer({ min: -5, max: 105 }),
    asOf: date,
    note: fc.option(text, { nil: undefined }),
  })
  .map((data) => as('ReportProgress')({ activityId: ID, ...data }));
const complete = date.map((completedOn) => as('CompleteActivity')({ activityId: ID, completedOn }));
const postpone = fc
  .record({ newStart: date, newEnd: date, reason: text })
  .map((data) => as('PostponeActivity')({ activityId: ID, ...data }));
const cancel = text.map((reason) => as('CancelActivity')({ activityId: ID, reason }));

/** Valid and invalid commands on one activity stream, in any order, usually opened by scheduling. */
export const activityCommands: fc.Arbitrary<ActivityCommand[]> = fc
  .tuple(
    fc.option(mostly(validSchedule, schedule), { freq: 6 }),
    fc.array(
      fc.oneof(
        { arbitrary: schedule, weight: 2 },
        { arbitrary: start, weight: 6 },
        { arbitrary: report, weight: 12 },
        { arbitrary: complete, weight: 4 },
        { arbitrary: postpone, weight: 4 },
        { arbitrary: cancel, weight: 1 },
      ),
      { maxLength: 30, size: 'max' },
    ),
  )
  .map(([first, rest]) => (first ? [first, ...rest] : rest));
