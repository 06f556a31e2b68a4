import fc from 'fast-check';
import { metadata } from '../../shared/testing/command.js';
import type { MeetingCommand, ScheduleMeeting } from '../meeting.decider.js';
import { DELEGATION_LEVELS } from '../meeting.js';

const MEETING = 'm1';
const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];
const KNOWN = [...MEMBERS, 'HU', 'TM', 'XC'];
const meta = metadata();

/** Mostly valid values, sometimes invalid ones, so that commands are accepted often enough. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });

const state = mostly(fc.constantFrom(...KNOWN), fc.constant('RU'));
const text = mostly(fc.constant({ en: 'Decision' }), fc.constant({ ru: 'Решение' } as never));
const as =
  <C extends MeetingCommand>(type: C['type']) =>
  (data: C['data']) =>
    ({ type, data, metadata: meta }) as C;

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

const decide = fc
  .record({
    meetingId: fc.constant(MEETING),
    decisionId: fc.constantFrom('d1', 'd2', 'd3'),
    kind: fc.constantFrom('adopted' as const, 'agreed-to-organise' as const, 'noted' as const),
    text,
    subject: fc.option(fc.record({ planId: fc.constantFrom('p1', 'p2') }), { nil: undefined }),
    adoptingStates: mostly(fc.subarray(MEMBERS, { maxLength: 2 }), fc.array(state, { maxLength: 4 })),
  })
  .map(as('RecordDecision'));

const bare = (type: 'ConveneMeeting' | 'CloseMeeting') => fc.constant(as(type)({ meetingId: MEETING }));

const anyCommand = fc.oneof(
  { arbitrary: schedule, weight: 1 },
  { arbitrary: accredit, weight: 8 },
  { arbitrary: bare('ConveneMeeting'), weight: 3 },
  { arbitrary: decide, weight: 4 },
  { arbitrary: bare('CloseMeeting'), weight: 1 },
);

/** Valid and invalid commands on one meeting stream, in any order, usually opened by a schedule. */
export const meetingCommands: fc.Arbitrary<MeetingCommand[]> = fc
  .tuple(
    fc.option(mostly(validSchedule, schedule), { freq: 4 }),
    fc.array(anyCommand, { minLength: 10, maxLength: 40, size: 'max' }),
  )
  .map(([first, rest]) => (first ? [first, ...rest] : rest));
