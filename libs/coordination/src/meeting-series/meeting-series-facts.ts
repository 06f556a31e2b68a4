import type { LocalizedText } from '../shared/localized-text.js';
import type { MeetingSeriesState, NumberedMeeting } from './meeting-series.js';

/** What the MeetingSeries aggregate knows of one series, for other aggregates' handlers. */
export interface MeetingSeriesFacts {
  readonly seriesId: string;
  readonly title: LocalizedText;
  readonly domain: string;
  /** Ordered by number, and so by date. */
  readonly meetings: readonly NumberedMeeting[];
}

/** Null when the series was never defined. */
export function meetingSeriesFacts(state: MeetingSeriesState): MeetingSeriesFacts | null {
  if (state.status === 'undefined') return null;
  return { seriesId: state.seriesId, title: state.title, domain: state.domain, meetings: state.meetings };
}
