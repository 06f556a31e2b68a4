import type { Command } from '#eventsourcing/decider.js';
import type { LocalizedText } from '../shared/localized-text.js';

export type DefineMeetingSeries = Command<
  'DefineMeetingSeries',
  { readonly seriesId: string; readonly title: LocalizedText; readonly domain: string }
>;

export type NumberMeeting = Command<
  'NumberMeeting',
  {
    readonly seriesId: string;
    readonly meetingId: string;
    readonly number: number;
    /** YYYY-MM-DD: the day the meeting is (or was) held. */
    readonly date: string;
  }
>;

export type MeetingSeriesCommand = DefineMeetingSeries | NumberMeeting;
