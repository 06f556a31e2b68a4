import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertOneOf, assertText } from '../shared/required.js';
import { objectOf, sameJson } from '../shared/shapes.js';
import { correctableField, correctionTarget } from './correctable-fields.js';
import type { CorrectRecord } from './meeting.commands.js';
import { CORRECTION_TARGET_KINDS } from './meeting-record.js';
import type { RecordCorrected, ScheduledMeeting } from './meeting.js';
import { localizedText } from './record-values.rules.js';

/**
 * After closing, the record is only corrected: the event names the entry and field, and
 * carries the value it replaces beside the corrected one; the event first recorded stays.
 */
export function correctRecord(command: CorrectRecord, meeting: ScheduledMeeting): [RecordCorrected] {
  const data = command.data;
  if (meeting.status !== 'closed') {
    throw new RuleViolation(
      'correction.meeting-not-closed',
      `meeting ${meeting.meetingId} is not closed; corrections are for the record of a closed meeting`,
      'meetingId',
    );
  }
  assertText(data.correctionId, 'correction.id-required', 'correctionId');
  if (meeting.corrections.some((c) => c.correctionId === data.correctionId)) {
    throw new StateConflict(
      'correction.already-recorded',
      `correction ${data.correctionId} is already recorded at meeting ${meeting.meetingId}`,
      'correctionId',
    );
  }
  const target = objectOf(data.target, 'correction.target-required', 'target');
  assertOneOf(target.kind, CORRECTION_TARGET_KINDS, 'correction.target-kind-unknown', 'target.kind');
  assertText(target.id, 'correction.target-id-required', 'target.id');
  const entry = correctionTarget(meeting, target.kind, target.id);
  if (!entry) {
    throw new EntityNotFound(
      'correction.target-not-found',
      `meeting ${meeting.meetingId} has no ${target.kind} ${target.id} to correct`,
      'target.id',
    );
  }
  assertText(data.field, 'correction.field-required', 'field');
  const check = correctableField(target.kind, data.field);
  if (data.correctedValue === undefined) {
    throw new RuleViolation('correction.value-required', 'give the corrected value', 'correctedValue');
  }
  const correctedValue = check(data.correctedValue, meeting, target.id);
  const originalValue = (entry as Readonly<Record<string, unknown>>)[data.field] ?? null;
  if (sameJson(originalValue, correctedValue)) {
    throw new RuleViolation(
      'correction.no-change',
      `the ${target.kind}'s ${data.field} already reads so; there is nothing to correct`,
      'correctedValue',
    );
  }
  const reason = localizedText(data.reason, 'reason');
  return [
    {
      type: 'RecordCorrected',
      data: {
        meetingId: data.meetingId,
        correctionId: data.correctionId,
        target: { kind: target.kind, id: target.id },
        field: data.field,
        originalValue,
        correctedValue,
        reason,
      },
    },
  ];
}
