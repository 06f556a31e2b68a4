import fc from 'fast-check';
import { runCommands } from '../shared/testing/run-commands.js';
import { followUpDecider } from './follow-up.decider.js';
import { isFinalImplementationStatus, type FollowUpState } from './follow-up.js';
import { followUpCommands } from './testing/follow-up-arbitraries.js';

function assertInvariants(followUp: FollowUpState): void {
  if (followUp.status === 'unassigned') return;
  expect(followUp.decision).toEqual({
    meetingId: 'diaspora-ministerial-6',
    decisionId: 'organise-youth-forum',
  });
  expect(followUp.assignee.state !== null || followUp.assignee.institutionId !== null).toBe(true);
  if (followUp.dueDate !== null) expect(followUp.dueDate >= followUp.decidedOn).toBe(true);
  const days = followUp.reviews.map((r) => r.reviewOn);
  expect(new Set(days).size).toBe(days.length);
  expect(days.every((d) => d >= followUp.decidedOn)).toBe(true);
}

describe('FollowUp invariants', () => {
  it('hold after any sequence of commands, refused ones skipped; final statuses stay final', () => {
    fc.assert(
      fc.property(followUpCommands, (commands) => {
        runCommands(followUpDecider, commands, ({ before, events, after }) => {
          if (before.status === 'assigned' && isFinalImplementationStatus(before.implementation))
            expect(after).toEqual(before);
          for (const event of events) {
            if (event.type === 'FollowUpAssigned') expect(before.status).toBe('unassigned');
            if (event.type === 'ImplementationStatusUpdated' && before.status === 'assigned') {
              expect(event.data.previousStatus).toBe(before.implementation);
              expect(event.data.status).not.toBe(before.implementation);
            }
          }
          assertInvariants(after);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('reach final follow-ups with reviews, so the invariants are not checked in vain', () => {
    const finals = fc
      .sample(followUpCommands, { numRuns: 300, seed: 42 })
      .map((c) => runCommands(followUpDecider, c));
    const reviewedAndFinal = finals.filter(
      (f) => f.status === 'assigned' && isFinalImplementationStatus(f.implementation) && f.reviews.length > 0,
    );
    expect(reviewedAndFinal.length).toBeGreaterThan(10);
  });
});
