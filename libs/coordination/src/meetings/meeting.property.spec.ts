import fc from 'fast-check';
import { isMemberState } from '../shared/states.js';
import { runCommands } from '../shared/testing/run-commands.js';
import { correctionTarget } from './correctable-fields.js';
import { meetingDecider } from './meeting.decider.js';
import type { MeetingEvent, MeetingState, ScheduledMeeting } from './meeting.js';
import { accreditedMemberStates, isAccredited } from './meeting.js';
import { MEETING_QUORUM } from './quorum.js';
import { meetingCommands } from './testing/meeting-arbitraries.js';

const unique = (ids: readonly unknown[]) => expect(new Set(ids).size).toBe(ids.length);

function assertInvariants(meeting: MeetingState): void {
  if (meeting.status === 'unscheduled') return;
  unique(meeting.delegations.map((d) => d.state));
  unique(meeting.decisions.map((d) => d.decisionId));
  unique(meeting.agenda.map((i) => i.itemId));
  unique(meeting.agenda.map((i) => i.order));
  unique(meeting.briefings.map((b) => b.briefingId));
  unique(meeting.bilaterals.map((b) => b.bilateralId));
  unique(meeting.corrections.map((c) => c.correctionId));
  unique(meeting.decisions.flatMap((d) => d.organise.map((a) => a.activityId)));
  unique(meeting.decisions.flatMap((d) => d.followUps.map((f) => f.followUpId)));
  if (meeting.status !== 'scheduled') {
    expect(isAccredited(meeting, meeting.hostState)).toBe(true);
    expect(accreditedMemberStates(meeting).length).toBeGreaterThanOrEqual(MEETING_QUORUM);
  }
  const members = accreditedMemberStates(meeting);
  for (const decision of meeting.decisions) {
    expect(decision.adoptingStates.every((s) => members.includes(s) && isMemberState(s))).toBe(true);
    if (decision.kind !== 'noted') expect(decision.adoptingStates.length).toBeGreaterThan(0);
    if (decision.kind !== 'agreed-to-organise') expect(decision.organise).toEqual([]);
    for (const activity of decision.organise)
      expect(activity.participatingStates).toContain(activity.leadState);
    if (decision.agendaItemId !== null) {
      expect(meeting.agenda.map((i) => i.itemId)).toContain(decision.agendaItemId);
    }
  }
  for (const bilateral of meeting.bilaterals) {
    const [a, b] = bilateral.parties;
    expect(bilateral.parties).toHaveLength(2);
    expect(a.state).not.toBe(b.state);
    expect(isAccredited(meeting, a.state) && isAccredited(meeting, b.state)).toBe(true);
  }
}

/** What was decided, and which entries the record has: no correction changes any of it. */
const decided = (meeting: ScheduledMeeting) => ({
  decisions: meeting.decisions.map(({ decisionId, kind, subject, adoptingStates, organise, followUps }) => ({
    ...{ decisionId, kind, subject, adoptingStates, organise, followUps },
  })),
  entries: [meeting.agenda, meeting.briefings, meeting.bilaterals].map((list) => list.length),
  delegations: meeting.delegations,
});

function assertStep(before: MeetingState, events: readonly MeetingEvent[], after: MeetingState): void {
  for (const event of events) {
    if (event.type === 'DecisionRecorded') expect(before.status).toBe('convened');
    if (event.type === 'BriefingDelivered') expect(before.status).toBe('convened');
    if (event.type === 'RecordCorrected') expect(before.status).toBe('closed');
    if (event.type === 'MeetingClosed') expect(before.status).toBe('convened');
    if (['DelegationAccredited', 'AgendaItemAdded', 'BilateralMeetingHeld'].includes(event.type)) {
      expect(['scheduled', 'convened']).toContain(before.status);
    }
  }
  if (before.status !== 'closed' || after.status !== 'closed') return;
  expect(events.map((e) => e.type)).toEqual(['RecordCorrected']);
  expect(decided(after)).toEqual(decided(before));
  const [event] = events;
  if (event.type !== 'RecordCorrected') return;
  const { target, field, originalValue, correctedValue } = event.data;
  const read = (meeting: ScheduledMeeting) =>
    (correctionTarget(meeting, target.kind, target.id) as Record<string, unknown>)[field];
  expect(read(before)).toEqual(originalValue);
  expect(read(after)).toEqual(correctedValue);
  expect(after.corrections).toEqual([...before.corrections, expect.objectContaining({ originalValue })]);
}

describe('Meeting invariants', () => {
  it('hold after any sequence of commands, refused ones skipped', () => {
    fc.assert(
      fc.property(meetingCommands, (commands) => {
        runCommands(meetingDecider, commands, ({ before, events, after }) => {
          assertStep(before, events, after);
          assertInvariants(after);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('reach meetings with decisions, record entries and corrections, so the invariants are not checked in vain', () => {
    const finals = fc
      .sample(meetingCommands, { numRuns: 600, seed: 42 })
      .map((c) => runCommands(meetingDecider, c))
      .filter((m): m is ScheduledMeeting => m.status !== 'unscheduled');
    const count = (keep: (m: ScheduledMeeting) => boolean) => finals.filter(keep).length;
    expect(count((m) => m.decisions.length > 0)).toBeGreaterThan(10);
    expect(count((m) => m.status === 'closed')).toBeGreaterThan(10);
    expect(count((m) => m.corrections.length > 0)).toBeGreaterThan(10);
    expect(count((m) => m.decisions.some((d) => d.organise.length > 0))).toBeGreaterThan(10);
    expect(count((m) => m.decisions.some((d) => d.agendaItemId !== null))).toBeGreaterThan(10);
    expect(count((m) => m.briefings.length > 0 && m.bilaterals.length > 0)).toBeGreaterThan(10);
  });
});
