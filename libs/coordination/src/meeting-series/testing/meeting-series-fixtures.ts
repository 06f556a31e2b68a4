import { commandsOf } from '../../shared/testing/command.js';
import type { MeetingSeriesCommand } from '../meeting-series.commands.js';
import type { MeetingNumbered, MeetingSeriesDefined } from '../meeting-series.js';

export const meetingSeriesCommand = commandsOf<MeetingSeriesCommand>();

export const SERIES_ID = 'diaspora-ministerial';

export const seriesDefined: MeetingSeriesDefined = {
  type: 'MeetingSeriesDefined',
  data: {
    seriesId: SERIES_ID,
    title: { en: 'Meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs of the OTS' },
    domain: 'diaspora',
  },
};

export const numbered = (meetingId: string, number: number, date: string): MeetingNumbered => ({
  type: 'MeetingNumbered',
  data: { seriesId: SERIES_ID, meetingId, number, date },
});

/** The 5th meeting (Bishkek, 22 November 2023) and the 6th (Tashkent, 18 November 2024). */
export const bishkek = numbered('diaspora-ministerial-5', 5, '2023-11-22');
export const tashkent = numbered('diaspora-ministerial-6', 6, '2024-11-18');
