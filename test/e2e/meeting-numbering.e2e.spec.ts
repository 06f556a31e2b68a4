import { startEngine, type RunningEngine } from '../support/engine.js';
import { defineSeries, scheduleMeeting } from '../support/tashkent.js';

/** Meeting numbers are unique in their series and rise with the date, checked when a meeting is scheduled. */
describe('scheduling numbered meetings of a series', () => {
  let engine: RunningEngine;
  const head = async () => (await engine.get('/health/ready')).body.headPosition as number;

  beforeAll(async () => {
    engine = await startEngine();
    expect((await engine.post('/api/commands/DefineMeetingSeries', defineSeries)).status).toBe(200);
    expect((await engine.post('/api/commands/ScheduleMeeting', scheduleMeeting)).status).toBe(200);
  });
  afterAll(() => engine.close());

  it('records the number in the series', async () => {
    const series = await engine.app
      .get(Symbol.for('kurultai.EventStore'))
      .readStream('series-diaspora-ministerial');
    expect(series.map((e: { type: string }) => e.type)).toEqual(['MeetingSeriesDefined', 'MeetingNumbered']);
    expect(series[1].data).toMatchObject({
      meetingId: scheduleMeeting.meetingId,
      number: 6,
      date: '2024-11-18',
    });
  });

  it.each([
    [
      'a number already taken',
      { meetingId: 'another-6', number: 6, date: '2024-12-01' },
      409,
      'series.meeting-number-taken',
    ],
    [
      'a number that does not rise with the date',
      { meetingId: 'bishkek-5', number: 5, date: '2024-12-01' },
      422,
      'series.meeting-number-out-of-order',
    ],
    [
      'a series never defined',
      { meetingId: 'other-1', seriesId: 'youth-ministerial', number: 1 },
      404,
      'series.not-found',
    ],
  ])('refuses %s and writes nothing', async (_name, change, status, rule) => {
    const before = await head();
    const reply = await engine.post('/api/commands/ScheduleMeeting', { ...scheduleMeeting, ...change });
    expect(reply.status).toBe(status);
    expect(reply.body.rule).toBe(rule);
    expect(await head()).toBe(before);
  });

  it('refuses a meeting scheduled twice without numbering it again', async () => {
    const before = await head();
    const reply = await engine.post('/api/commands/ScheduleMeeting', scheduleMeeting);
    expect(reply.status).toBe(409);
    expect(reply.body.rule).toBe('meeting.already-scheduled');
    expect(await head()).toBe(before);
  });
});
