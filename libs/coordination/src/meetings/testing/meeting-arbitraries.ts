import fc from 'fast-check';
import { ACTIVITY_KINDS } from '../../shared/activity-fields.js';
import type { MeetingCommand, RecordDecision, ScheduleMeeting } from '../meeting.commands.js';
import { DELEGATION_LEVELS } from '../meeting.js';
import {
  KNOWN,
  MEETING,
  MEMBERS,
  addAgendaItem,
  agendaItemId,
  as,
  correctRecord,
  mostly,
  recordBilateralMeeting,
  recordBriefing,
  state,
  text,
} from './meeting-record-arbitraries.js';

const schedule = fc
  .record({
    meetingId: fc.constant(MEETING),
    seriesId: fc.constant('diaspora-ministerial'),
    number: mostly(fc.integer({ min: 1, max: 9 }), fc.constantFrom(0, 1.5)),
    title: text,
    hostState: state,
    city: mostly(fc.constant('Tashkent'), fc.constant('')),
    date: mostly(fc.constant('2024-11-18'), fc.constant('2024-11-31')),
  })
  .map(as('ScheduleMeeting'));

const validSchedule = fc.constantFrom(...KNOWN).map((hostState) =>
  as<ScheduleMeeting>('ScheduleMeeting')({
    meetingId: MEETING,
    seriesId: 'diaspora-ministerial',
    number: 6,
    title: { en: 'Meeting' },
    hostState,
    city: 'Tashkent',
    date: '2024-11-18',
  }),
);

const accredit = fc
  .record({
    meetingId: fc.constant(MEETING),
    state,
    level: mostly(fc.constantFrom(...DELEGATION_LEVELS), fc.constant('king' as never)),
  })
  .map(as('AccreditDelegation'));

const organise = fc.array(
  fc.record({
    activityId: fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5', 'a6'),
    kind: fc.constantFrom(...ACTIVITY_KINDS),
    title: fc.constant({ en: 'Forum' }),
    leadState: mostly(fc.constant('TR'), fc.constant('KG')),
    plannedStart: fc.constant('2025-03-01'),
    participatingStates: fc.constant(['TR', 'UZ']),
    withNgos: fc.boolean(),
  }),
  { minLength: 1, maxLength: 2 },
);

const followUps = fc.array(
  fc.record({
    followUpId: fc.constantFrom('f1', 'f2', 'f3', 'f4'),
    assignee: mostly(fc.constant({ state: 'UZ' }), fc.constant({})),
    description: text,
    dueDate: mostly(fc.constant('2025-06-01'), fc.constant('2024-01-01')),
  }),
  { maxLength: 2 },
);

const kind = fc.constantFrom('adopted' as const, 'agreed-to-organise' as const, 'noted' as const);

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** Activities mostly on decisions "agreed to organise", as they should be. */
const requests = kind.chain((k) =>
  fc.record({
    kind: fc.constant(k),
    organise:
      k === 'agreed-to-organise' ? organise : mostly(fc.constant<ValueOf<typeof organise>>([]), organise),
    followUps: mostly(fc.constant<ValueOf<typeof followUps>>([]), followUps),
  }),
);

const decide = fc
  .tuple(
    fc.record(
      {
        meetingId: fc.constant(MEETING),
        decisionId: fc.constantFrom('d1', 'd2', 'd3'),
        text,
        subject: fc.record({ planId: fc.constantFrom('p1', 'p2') }),
        adoptingStates: mostly(
          fc.subarray(MEMBERS, { minLength: 1, maxLength: 2 }),
          fc.array(state, { maxLength: 4 }),
        ),
        agendaItemId,
      },
      { requiredKeys: ['meetingId', 'decisionId', 'text', 'adoptingStates'] },
    ),
    requests,
  )
  .map(([data, asked]) => as<RecordDecision>('RecordDecision')({ ...data, ...asked }));

const bare = (type: 'ConveneMeeting' | 'CloseMeeting') => fc.constant(as(type)({ meetingId: MEETING }));

const anyCommand = fc.oneof(
  { arbitrary: schedule, weight: 1 },
  { arbitrary: addAgendaItem, weight: 3 },
  { arbitrary: accredit, weight: 12 },
  { arbitrary: bare('ConveneMeeting'), weight: 4 },
  { arbitrary: decide, weight: 5 },
  { arbitrary: recordBriefing, weight: 2 },
  { arbitrary: recordBilateralMeeting, weight: 2 },
  { arbitrary: bare('CloseMeeting'), weight: 1 },
  { arbitrary: correctRecord, weight: 3 },
);

/** Often the end of a meeting: it closes, then its record is corrected (or other commands are refused). */
const ending = fc.array(
  fc.oneof(
    { arbitrary: bare('CloseMeeting'), weight: 2 },
    { arbitrary: correctRecord, weight: 6 },
    { arbitrary: anyCommand, weight: 2 },
  ),
  { maxLength: 12 },
);

/**
 * Valid and invalid commands on one meeting stream, in any order, usually opened by a
 * schedule and often ending with corrections.
 */
export const meetingCommands: fc.Arbitrary<MeetingCommand[]> = fc
  .tuple(
    fc.option(mostly(validSchedule, schedule), { freq: 4 }),
    fc.array(anyCommand, { minLength: 20, maxLength: 80, size: 'max' }),
    ending,
  )
  .map(([first, rest, end]) => [...(first ? [first] : []), ...rest, ...end]);
