import fc from 'fast-check';
import { metadata } from '../../shared/testing/command.js';
import type { CorrectRecord, MeetingCommand } from '../meeting.commands.js';
import { CORRECTION_TARGET_KINDS, type CorrectionTargetKind } from '../meeting-record.js';

export const MEETING = 'm1';
export const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];
export const KNOWN = [...MEMBERS, 'HU', 'TM', 'XC'];
export const meta = metadata();

/** Mostly valid values, sometimes invalid ones, so that commands are accepted often enough. */
export const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });

export const state = mostly(fc.constantFrom(...KNOWN), fc.constant('RU'));
export const text = mostly(fc.constant({ en: 'Decision' }), fc.constant({ ru: 'Решение' } as never));
export const as =
  <C extends MeetingCommand>(type: C['type'], overrides = meta) =>
  (data: C['data']) =>
    ({ type, data, metadata: overrides }) as C;

const AGENDA_IDS = ['i1', 'i2', 'i3'];
const DOCUMENTS = ['bishkek-summit-declaration-2024', 'turkic-world-vision-2040', 'ots-strategy-2022-2026'];
export const agendaItemId = fc.constantFrom(...AGENDA_IDS, 'i9');

export const addAgendaItem = fc
  .record(
    {
      meetingId: fc.constant(MEETING),
      itemId: fc.constantFrom(...AGENDA_IDS),
      title: text,
      order: fc.integer({ min: 0, max: 3 }),
    },
    { requiredKeys: ['meetingId', 'itemId', 'title'] },
  )
  .map(as('AddAgendaItem'));

export const recordBriefing = fc
  .record({
    meetingId: fc.constant(MEETING),
    briefingId: fc.constantFrom('b1', 'b2'),
    by: fc.record({ role: text }),
    topic: text,
    citesStrategicDocuments: mostly(
      fc.subarray(DOCUMENTS),
      fc.constant<string[]>([DOCUMENTS[0], DOCUMENTS[0]]),
    ),
  })
  .map(as('RecordBriefing'));

/** Held on the meeting date, or (sometimes) two days later. */
const onTheMargins = mostly(fc.constant(meta), fc.constant(metadata({ occurredAt: '2024-11-20T10:00:00Z' })));

export const recordBilateralMeeting = fc
  .tuple(
    fc.record(
      {
        meetingId: fc.constant(MEETING),
        bilateralId: fc.constantFrom('x1', 'x2'),
        parties: mostly(
          fc
            .uniqueArray(fc.constantFrom(...KNOWN), { minLength: 2, maxLength: 2 })
            .map((s) => s.map((code) => ({ state: code }))),
          fc.array(
            state.map((code) => ({ state: code })),
            { maxLength: 3 },
          ),
        ),
        topic: text,
      },
      { requiredKeys: ['meetingId', 'bilateralId', 'parties'] },
    ),
    onTheMargins,
  )
  .map(([data, when]) => as('RecordBilateralMeeting', when)(data));

const corrected = mostly<unknown>(
  fc.constantFrom({ en: 'Corrected' }, { en: 'Corrected again' }),
  fc.constant({ ru: 'Да' }),
);

interface Correction {
  readonly kind: CorrectionTargetKind;
  readonly id: string;
  readonly field: string;
  readonly value: unknown;
}

/** Mostly a correctable field with a value of its shape; sometimes what may never be corrected. */
const correction = mostly<Correction>(
  fc.oneof(
    fc.record({
      kind: fc.constant('decision' as const),
      id: fc.constantFrom('d1', 'd2'),
      field: fc.constant('text'),
      value: corrected,
    }),
    fc.record({
      kind: fc.constant('decision' as const),
      id: fc.constantFrom('d1', 'd2'),
      field: fc.constantFrom('agendaItemId', 'documents', 'citesStrategicDocuments'),
      value: fc.constantFrom<unknown>('i1', null, [{ title: { en: 'Minutes' } }], [DOCUMENTS[1]]),
    }),
    fc.record({
      kind: fc.constant('agenda-item' as const),
      id: fc.constantFrom('i1', 'i2'),
      field: fc.constantFrom('title', 'order'),
      value: fc.constantFrom<unknown>({ en: 'Corrected' }, 5, 6),
    }),
    fc.record({
      kind: fc.constant('briefing' as const),
      id: fc.constantFrom('b1', 'b2'),
      field: fc.constantFrom('topic', 'by'),
      value: fc.constantFrom<unknown>({ en: 'Corrected' }, { role: { en: 'Secretary General' } }),
    }),
    fc.record({
      kind: fc.constant('bilateral' as const),
      id: fc.constantFrom('x1', 'x2'),
      field: fc.constantFrom('topic', 'parties'),
      value: fc.constantFrom<unknown>({ en: 'Corrected' }, null, [{ state: 'UZ' }, { state: 'AZ' }]),
    }),
  ),
  fc.record({
    kind: fc.constantFrom(...CORRECTION_TARGET_KINDS),
    id: fc.constantFrom('d1', 'i1', 'b1', 'x1'),
    field: fc.constantFrom('kind', 'adoptingStates', 'organise', 'decisionId', 'text', 'order'),
    value: fc.constantFrom<unknown>(['UZ'], 'noted', 0, { en: 'Corrected' }),
  }),
);

export const correctRecord = fc
  .record({ correctionId: fc.constantFrom('c1', 'c2', 'c3'), correction, reason: text })
  .map(({ correctionId, correction: { kind, id, field, value }, reason }) =>
    as<CorrectRecord>('CorrectRecord')({
      meetingId: MEETING,
      correctionId,
      target: { kind, id },
      field,
      correctedValue: value,
      reason,
    }),
  );
