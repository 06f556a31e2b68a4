import fc from 'fast-check';
import { isMemberState } from '../shared/states.js';
import { runCommands } from '../shared/testing/run-commands.js';
import { meetingDecider } from './meeting.decider.js';
import { accreditedMemberStates, isAccredited, type MeetingState } from './meeting.js';
import { MEETING_QUORUM } from './quorum.js';
import { meetingCommands } from './testing/meeting-arbitraries.js';

function assertInvariants(meeting: MeetingState): void {
  if (meeting.status === 'unscheduled') return;
  const delegations = meeting.delegations.map((d) => d.state);
  expect(new Set(delegations).size).toBe(delegations.length);
  const decisionIds = meeting.decisions.map((d) => d.decisionId);
  expect(new Set(decisionIds).size).toBe(decisionIds.length);
  if (meeting.status !== 'scheduled') {
    expect(isAccredited(meeting, meeting.hostState)).toBe(true);
    expect(accreditedMemberStates(meeting).length).toBeGreaterThanOrEqual(MEETING_QUORUM);
  }
  const members = accreditedMemberStates(meeting);
  for (const decision of meeting.decisions) {
    expect(decision.adoptingStates.every((s) => members.includes(s) && isMemberState(s))).toBe(true);
    if (decision.kind !== 'noted') expect(decision.adoptingStates.length).toBeGreaterThan(0);
  }
}

describe('Meeting invariants', () => {
  it('hold after any sequence of commands, refused ones skipped', () => {
    fc.assert(
      fc.property(meetingCommands, (commands) => {
        runCommands(meetingDecider, commands, ({ before, events, after }) => {
          for (const event of events) {
            if (event.type === 'DecisionRecorded') expect(before.status).toBe('convened');
            if (event.type === 'DelegationAccredited') expect(before.status).not.toBe('closed');
            if (event.type === 'MeetingClosed') expect(before.status).toBe('convened');
          }
          if (before.status === 'closed') expect(after).toEqual(before);
          assertInvariants(after);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('reach convened meetings with decisions, so the invariants are not checked in vain', () => {
    const finals = fc
      .sample(meetingCommands, { numRuns: 300, seed: 42 })
      .map((c) => runCommands(meetingDecider, c));
    const withDecisions = finals.filter((m) => m.status !== 'unscheduled' && m.decisions.length > 0);
    expect(withDecisions.length).toBeGreaterThan(10);
    expect(finals.filter((m) => m.status === 'closed').length).toBeGreaterThan(10);
  });
});
