import type { EventStore } from '#event-store';
import { fold, readHistory } from '#eventsourcing';
import { meetingSeriesFacts, type MeetingSeriesFacts } from '../meeting-series-facts.js';
import { meetingSeriesDecider } from '../meeting-series.decider.js';
import { meetingSeriesStream, type MeetingSeriesEvent } from '../meeting-series.js';

/** Reads a series' stream and tells what it knows; null when the series was never defined. */
export async function readMeetingSeriesFacts(
  store: EventStore,
  seriesId: string,
): Promise<MeetingSeriesFacts | null> {
  const history = (await readHistory(
    store,
    meetingSeriesStream(seriesId),
  )) as unknown as MeetingSeriesEvent[];
  return meetingSeriesFacts(fold(meetingSeriesDecider, history));
}
