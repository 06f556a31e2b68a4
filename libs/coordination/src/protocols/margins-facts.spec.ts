import { fold } from '#eventsourcing/decider.js';
import { meetingDecider } from '../meetings/meeting.decider.js';
import { convenedMeeting, scheduled } from '../meetings/testing/meeting-fixtures.js';
import { isSamePlace, marginsFacts } from './margins-facts.js';

describe('margins facts', () => {
  it('are the date and city of a scheduled meeting, whatever its status', () => {
    const expected = { meetingId: 'diaspora-ministerial-6', date: '2024-11-18', city: 'Tashkent' };
    expect(marginsFacts(fold(meetingDecider, [scheduled]))).toEqual(expected);
    expect(marginsFacts(fold(meetingDecider, convenedMeeting))).toEqual(expected);
  });

  it('are null for a meeting never scheduled', () => {
    expect(marginsFacts(fold(meetingDecider, []))).toBeNull();
  });

  it('compare places as people write them', () => {
    expect(isSamePlace(' tashkent', 'Tashkent')).toBe(true);
    expect(isSamePlace('Türkistan', 'Tu\u0308rkistan')).toBe(true);
    expect(isSamePlace('Samarkand', 'Tashkent')).toBe(false);
  });
});
