import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { CorrectRecord } from './meeting.commands.js';
import { meetingDecider } from './meeting.decider.js';
import type { RecordCorrected } from './meeting.js';
import {
  MEETING_ID,
  closedMeeting,
  decisionRecorded,
  meetingCommand,
  recordedMeeting,
} from './testing/meeting-fixtures.js';

const reason = { en: 'The minutes read otherwise' };
const original = decisionRecorded().data.text;
const fixedText = { en: `${original.en}, as amended by the minutes`, ru: 'Принято' };
const correct = (data: Partial<CorrectRecord['data']> = {}) =>
  meetingCommand('CorrectRecord', {
    meetingId: MEETING_ID,
    correctionId: 'correction-1',
    target: { kind: 'decision', id: 'decision-1' },
    field: 'text',
    correctedValue: fixedText,
    reason,
    ...data,
  });
const corrected = (data: Partial<RecordCorrected['data']> = {}): RecordCorrected => ({
  type: 'RecordCorrected',
  data: {
    meetingId: MEETING_ID,
    correctionId: 'correction-1',
    target: { kind: 'decision', id: 'decision-1' },
    field: 'text',
    originalValue: original,
    correctedValue: fixedText,
    reason,
    ...data,
  },
});

describe('CorrectRecord', () => {
  it('corrects a decision of a closed meeting, keeping the original value beside the new one', () => {
    const { state } = given(meetingDecider, closedMeeting).when(correct()).then([corrected()]);
    expect(state.status === 'closed' && state.decisions[0].text).toEqual(fixedText);
  });

  it.each([
    [
      'agenda-item',
      'plan-2025',
      'title',
      { en: 'The Joint Activity Plan for 2025' },
      { en: 'Joint Activity Plan 2025' },
    ],
    ['agenda-item', 'plan-2025', 'order', 3, 2],
    ['briefing', 'secretariat-briefing', 'citesStrategicDocuments', ['turkic-world-vision-2040'], undefined],
    ['bilateral', 'uz-az', 'topic', { en: 'Diaspora youth exchanges' }, null],
    ['decision', 'decision-1', 'agendaItemId', 'opening', 'plan-2025'],
  ] as const)('corrects the %s %s: %s', (kind, id, field, correctedValue, originalValue) => {
    const target = { kind, id };
    const events = given(meetingDecider, closedMeeting)
      .when(correct({ target, field, correctedValue }))
      .then([expect.objectContaining({ type: 'RecordCorrected' }) as never]).events;
    expect(events[0].data).toMatchObject({ target, field, correctedValue });
    if (originalValue !== undefined) expect(events[0].data).toMatchObject({ originalValue });
  });

  it('corrects a correction, whose original is the value the first one set', () => {
    given(meetingDecider, [...closedMeeting, corrected()])
      .when(correct({ correctionId: 'correction-2', correctedValue: original }))
      .then([
        corrected({ correctionId: 'correction-2', originalValue: fixedText, correctedValue: original }),
      ]);
  });

  it('refuses a correction before the meeting is closed', () => {
    given(meetingDecider, recordedMeeting)
      .when(correct())
      .thenRefuses(RuleViolation, 'correction.meeting-not-closed');
  });

  it.each(['kind', 'adoptingStates', 'subject', 'organise', 'followUps'])(
    "refuses to correct a decision's %s: that takes a new decision",
    (field) => {
      given(meetingDecider, closedMeeting)
        .when(correct({ field, correctedValue: ['UZ'] }))
        .thenRefuses(RuleViolation, 'correction.needs-new-decision');
    },
  );

  it('refuses to correct ids, or fields that are not correctable', () => {
    given(meetingDecider, closedMeeting)
      .when(correct({ field: 'decisionId', correctedValue: 'decision-9' }))
      .thenRefuses(RuleViolation, 'correction.id-not-correctable');
    given(meetingDecider, closedMeeting)
      .when(correct({ target: { kind: 'bilateral', id: 'uz-az' }, field: 'text' }))
      .thenRefuses(RuleViolation, 'correction.field-not-correctable');
    given(meetingDecider, closedMeeting)
      .when(correct({ field: 'constructor' }))
      .thenRefuses(RuleViolation, 'correction.field-not-correctable');
  });

  it('refuses a target the record does not have', () => {
    given(meetingDecider, closedMeeting)
      .when(correct({ target: { kind: 'briefing', id: 'no-such-briefing' } }))
      .thenRefuses(EntityNotFound, 'correction.target-not-found');
    given(meetingDecider, closedMeeting)
      .when(correct({ target: { kind: 'minutes' as never, id: 'decision-1' } }))
      .thenRefuses(RuleViolation, 'correction.target-kind-unknown');
  });

  it('checks the corrected value as the field was checked when recorded', () => {
    const refuses = (data: Partial<CorrectRecord['data']>, rule: string) =>
      given(meetingDecider, closedMeeting).when(correct(data)).thenRefuses(RuleViolation, rule);
    refuses({ correctedValue: { ru: 'Принято' } }, 'text.english-required');
    refuses({ field: 'agendaItemId', correctedValue: 'nowhere' }, 'agenda.item-unknown');
    refuses({ correctedValue: undefined }, 'correction.value-required');
    refuses(
      { target: { kind: 'bilateral', id: 'uz-az' }, field: 'parties', correctedValue: [{ state: 'UZ' }] },
      'bilateral.two-parties',
    );
    refuses({ correctedValue: original }, 'correction.no-change');
  });

  it('refuses an agenda place another item holds', () => {
    given(meetingDecider, closedMeeting)
      .when(correct({ target: { kind: 'agenda-item', id: 'plan-2025' }, field: 'order', correctedValue: 1 }))
      .thenRefuses(StateConflict, 'agenda.order-taken');
  });

  it('refuses a correction id already recorded, and a correction without an English reason', () => {
    given(meetingDecider, [...closedMeeting, corrected()])
      .when(correct({ correctedValue: original }))
      .thenRefuses(StateConflict, 'correction.already-recorded');
    given(meetingDecider, closedMeeting)
      .when(correct({ reason: { tr: 'Tutanak' } as never }))
      .thenRefuses(RuleViolation, 'text.english-required');
  });
});
