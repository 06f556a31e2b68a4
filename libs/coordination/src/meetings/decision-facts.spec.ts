import { fold } from '#eventsourcing/decider.js';
import { decisionFacts } from './decision-facts.js';
import { meetingDecider } from './meeting.decider.js';
import {
  MEETING_ID,
  closed,
  convenedMeeting,
  decisionRecorded,
  scheduled,
} from './testing/meeting-fixtures.js';

describe('decisionFacts', () => {
  it('tells what the meeting knows of a decision', () => {
    const meeting = fold(meetingDecider, [...convenedMeeting, decisionRecorded(), closed]);
    expect(decisionFacts(meeting, 'decision-1')).toEqual({
      meetingId: MEETING_ID,
      decisionId: 'decision-1',
      seriesId: 'diaspora-ministerial',
      meetingDate: '2024-11-18',
      meetingConvened: true,
      kind: 'adopted',
      subject: { planId: 'plan-diaspora-2025' },
      adoptingStates: ['UZ', 'AZ', 'KZ'],
      accreditedMemberStates: ['UZ', 'AZ', 'KZ'],
    });
  });

  it('is null for an unknown decision or meeting', () => {
    expect(decisionFacts(fold(meetingDecider, [scheduled]), 'decision-1')).toBeNull();
    expect(decisionFacts(meetingDecider.initialState(), 'decision-1')).toBeNull();
  });
});
