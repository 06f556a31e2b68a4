import { fold } from '#eventsourcing/decider.js';
import { meetingSeriesFacts } from './meeting-series-facts.js';
import { meetingSeriesDecider } from './meeting-series.decider.js';
import { SERIES_ID, bishkek, seriesDefined, tashkent } from './testing/meeting-series-fixtures.js';

describe('meetingSeriesFacts', () => {
  it('tells the series and its numbered meetings in order', () => {
    const facts = meetingSeriesFacts(fold(meetingSeriesDecider, [seriesDefined, tashkent, bishkek]));
    expect(facts).toEqual({
      seriesId: SERIES_ID,
      title: seriesDefined.data.title,
      domain: 'diaspora',
      meetings: [
        { meetingId: 'diaspora-ministerial-5', number: 5, date: '2023-11-22' },
        { meetingId: 'diaspora-ministerial-6', number: 6, date: '2024-11-18' },
      ],
    });
  });

  it('is null for a series never defined', () => {
    expect(meetingSeriesFacts(meetingSeriesDecider.initialState())).toBeNull();
  });
});
