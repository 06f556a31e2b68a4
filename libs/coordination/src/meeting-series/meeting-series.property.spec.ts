import fc from 'fast-check';
import { runCommands } from '../shared/testing/run-commands.js';
import { meetingSeriesDecider } from './meeting-series.decider.js';
import type { MeetingSeriesState } from './meeting-series.js';
import { meetingSeriesCommands } from './testing/meeting-series-arbitraries.js';

function assertInvariants(series: MeetingSeriesState): void {
  if (series.status === 'undefined') return;
  const ids = series.meetings.map((m) => m.meetingId);
  expect(new Set(ids).size).toBe(ids.length);
  series.meetings.forEach((meeting, index) => {
    expect(Number.isInteger(meeting.number) && meeting.number >= 1).toBe(true);
    const previous = series.meetings[index - 1];
    // Unique numbers, rising with the date.
    if (previous) {
      expect(meeting.number).toBeGreaterThan(previous.number);
      expect(meeting.date > previous.date).toBe(true);
    }
  });
}

describe('MeetingSeries invariants', () => {
  it('hold after any sequence of commands, refused ones skipped', () => {
    fc.assert(
      fc.property(meetingSeriesCommands, (commands) => {
        runCommands(meetingSeriesDecider, commands, ({ before, after }) => {
          if (before.status === 'defined' && after.status === 'defined') {
            expect(after.meetings.length).toBeGreaterThanOrEqual(before.meetings.length);
            expect([after.title, after.domain]).toEqual([before.title, before.domain]);
          }
          assertInvariants(after);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('reach series with several numbered meetings, so the invariants are not checked in vain', () => {
    const finals = fc
      .sample(meetingSeriesCommands, { numRuns: 300, seed: 42 })
      .map((c) => runCommands(meetingSeriesDecider, c));
    expect(finals.filter((s) => s.status === 'defined' && s.meetings.length >= 3).length).toBeGreaterThan(10);
  });
});
