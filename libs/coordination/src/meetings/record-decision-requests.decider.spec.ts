import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { RecordDecision } from './meeting.commands.js';
import { meetingDecider } from './meeting.decider.js';
import { forumRequest, reportFollowUp } from './testing/decision-requests.js';
import { MEETING_ID, convenedMeeting, decisionRecorded, meetingCommand } from './testing/meeting-fixtures.js';

const text = { en: 'The parties agreed to organise the Turkic Diaspora Forum' };
const organiseDecision = { decisionId: 'organise-2025', kind: 'agreed-to-organise' as const, text };
const { city: _city, leadInstitutionId: _institution, ...forumInput } = forumRequest();
const record = (data: Partial<RecordDecision['data']> = {}) =>
  meetingCommand('RecordDecision', {
    meetingId: MEETING_ID,
    ...organiseDecision,
    adoptingStates: ['UZ', 'AZ', 'KZ'],
    organise: [{ ...forumInput, city: 'Istanbul', leadInstitutionId: 'tr-ytb' }],
    ...data,
  });
const organiseWith = (changes: Record<string, unknown>) =>
  record({ organise: [{ ...forumInput, ...changes }] });

describe('RecordDecision: what a decision "agreed to organise" asks for', () => {
  it('records the activities it organises and the follow-ups it assigns, in full', () => {
    const followUp = { followUpId: 'report-on-forums', assignee: { institutionId: 'ots-secretariat' } };
    const { description, dueDate } = reportFollowUp();
    given(meetingDecider, convenedMeeting)
      .when(record({ followUps: [{ ...followUp, description, dueDate: dueDate ?? undefined }] }))
      .then([
        decisionRecorded({
          ...organiseDecision,
          subject: { planId: null },
          organise: [forumRequest()],
          followUps: [reportFollowUp()],
        }),
      ]);
  });

  it('fills what an organised activity leaves out: no dates, city or institution, without NGOs', () => {
    const { plannedStart: _s, plannedEnd: _e, withNgos: _n, ...bare } = forumInput;
    const expected = forumRequest({
      plannedStart: null,
      plannedEnd: null,
      city: null,
      leadInstitutionId: null,
    });
    given(meetingDecider, convenedMeeting)
      .when(record({ organise: [bare] }))
      .then([
        decisionRecorded({
          ...organiseDecision,
          subject: { planId: null },
          organise: [{ ...expected, withNgos: false }],
        }),
      ]);
  });

  it('refuses activities on a decision of another kind', () => {
    given(meetingDecider, convenedMeeting)
      .when(record({ kind: 'adopted' }))
      .thenRefuses(RuleViolation, 'decision.organise-needs-agreed-to-organise');
  });

  it('refuses an activity listed twice, or already organised by another decision of the meeting', () => {
    given(meetingDecider, convenedMeeting)
      .when(record({ organise: [forumInput, forumInput] }))
      .thenRefuses(RuleViolation, 'decision.activity-listed-twice');
    const earlier = decisionRecorded({
      decisionId: 'earlier',
      kind: 'agreed-to-organise',
      organise: [forumRequest()],
    });
    given(meetingDecider, [...convenedMeeting, earlier])
      .when(record())
      .thenRefuses(StateConflict, 'decision.activity-already-organised');
  });

  it.each([
    [{ leadState: 'KG', participatingStates: ['TR', 'AZ'] }, 'activity.lead-not-participating'],
    [{ plannedStart: '2025-05-22', plannedEnd: '2025-05-20' }, 'activity.end-before-start'],
    [{ kind: 'banquet' }, 'activity.kind-unknown'],
    [{ participatingStates: ['TR', 'RU'] }, 'state.unknown'],
    [{ activityId: '' }, 'activity.id-required'],
    [{ city: ' ' }, 'activity.city-blank'],
    [{ withNgos: 'yes' }, 'activity.with-ngos-invalid'],
  ])('refuses an organised activity with %j', (changes, rule) => {
    given(meetingDecider, convenedMeeting).when(organiseWith(changes)).thenRefuses(RuleViolation, rule);
  });

  it('names the offending field of the offending activity', () => {
    const refusal = given(meetingDecider, convenedMeeting)
      .when(record({ organise: [forumInput, { ...forumInput, activityId: 'youth', leadState: 'HU' }] }))
      .thenRefuses(RuleViolation, 'activity.lead-not-participating');
    expect(refusal.field).toBe('organise[1].leadState');
  });

  const followUp = (changes: Record<string, unknown>) => ({
    followUpId: 'report',
    assignee: { state: 'UZ' },
    description: { en: 'Report' },
    ...changes,
  });

  it.each([
    [{ assignee: {} }, 'follow-up.assignee-required'],
    [{ assignee: { state: 'GB' } }, 'state.unknown'],
    [{ dueDate: '2024-11-01' }, 'follow-up.due-before-meeting'],
    [{ dueDate: '2025-02-30' }, 'date.invalid'],
    [{ description: { ru: 'Отчёт' } }, 'text.english-required'],
    [{ followUpId: ' ' }, 'follow-up.id-required'],
  ])('refuses a follow-up with %j', (changes, rule) => {
    given(meetingDecider, convenedMeeting)
      .when(record({ followUps: [followUp(changes)] as never }))
      .thenRefuses(RuleViolation, rule);
  });

  it('refuses a follow-up listed twice, or already assigned by another decision', () => {
    given(meetingDecider, convenedMeeting)
      .when(record({ followUps: [followUp({}), followUp({})] as never }))
      .thenRefuses(RuleViolation, 'decision.follow-up-listed-twice');
    const earlier = decisionRecorded({
      decisionId: 'earlier',
      followUps: [reportFollowUp({ followUpId: 'report' })],
    });
    given(meetingDecider, [...convenedMeeting, earlier])
      .when(record({ followUps: [followUp({})] as never }))
      .thenRefuses(StateConflict, 'decision.follow-up-already-assigned');
  });
});
