import { readMeetingSeriesFacts } from '../../libs/coordination/src/meeting-series/facts/read-meeting-series-facts.js';
import { startEngine, type RunningEngine } from '../support/engine.js';

const SERIES = {
  seriesId: 'diaspora-ministerial',
  title: { en: 'Meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs of the OTS' },
  domain: 'diaspora',
};
const number = (meetingId: string, n: number, date: string) => ({
  seriesId: SERIES.seriesId,
  meetingId,
  number: n,
  date,
});

/** The MeetingSeries aggregate over HTTP: meeting numbers unique and rising with the date. */
describe('meeting series over HTTP', () => {
  let engine: RunningEngine;

  beforeEach(async () => {
    engine = await startEngine();
  });
  afterEach(() => engine.close());

  const post = (type: string, body: object) => engine.post(`/api/commands/${type}`, body);
  const store = () => engine.app.get(Symbol.for('kurultai.EventStore'));

  it('defines the diaspora series and numbers its 5th and 6th meetings', async () => {
    const defined = await post('DefineMeetingSeries', SERIES);
    expect(defined.body).toMatchObject({ stream: 'series-diaspora-ministerial', revision: 0 });
    expect((await post('NumberMeeting', number('diaspora-ministerial-6', 6, '2024-11-18'))).status).toBe(200);
    const bishkek = await post('NumberMeeting', number('diaspora-ministerial-5', 5, '2023-11-22'));
    expect(bishkek.body.events).toEqual([expect.objectContaining({ type: 'MeetingNumbered' })]);

    expect(await readMeetingSeriesFacts(store(), SERIES.seriesId)).toEqual({
      ...SERIES,
      meetings: [
        { meetingId: 'diaspora-ministerial-5', number: 5, date: '2023-11-22' },
        { meetingId: 'diaspora-ministerial-6', number: 6, date: '2024-11-18' },
      ],
    });
  });

  it('refuses duplicates, disorder and an unknown series, naming the rule, and writes nothing', async () => {
    const unknown = await post('NumberMeeting', number('diaspora-ministerial-6', 6, '2024-11-18'));
    expect([unknown.status, unknown.body.rule]).toEqual([404, 'series.not-found']);
    await post('DefineMeetingSeries', SERIES);
    await post('NumberMeeting', number('diaspora-ministerial-6', 6, '2024-11-18'));
    const cases: [object, number, string][] = [
      [number('another-6', 6, '2024-11-18'), 409, 'series.meeting-number-taken'],
      [number('diaspora-ministerial-6', 7, '2025-11-18'), 409, 'series.meeting-already-numbered'],
      [number('diaspora-ministerial-7', 7, '2024-06-01'), 422, 'series.meeting-number-out-of-order'],
      [number('diaspora-ministerial-4', 4, '2025-01-01'), 422, 'series.meeting-number-out-of-order'],
    ];
    for (const [body, status, rule] of cases) {
      const reply = await post('NumberMeeting', body);
      expect([reply.status, reply.body.rule]).toEqual([status, rule]);
    }
    const twice = await post('DefineMeetingSeries', SERIES);
    expect([twice.status, twice.body.rule]).toEqual([409, 'series.already-defined']);
    expect(await store().readStream('series-diaspora-ministerial')).toHaveLength(2);
  });

  it('refuses a number that is not a whole number from 1, and a domain that is not a slug (400)', async () => {
    await post('DefineMeetingSeries', SERIES);
    const zero = await post('NumberMeeting', number('m', 0, '2024-11-18'));
    expect(zero.status).toBe(400);
    expect(zero.body.errors[0].field).toBe('number');
    const domain = await post('DefineMeetingSeries', {
      ...SERIES,
      seriesId: 'culture',
      domain: 'Culture Affairs',
    });
    expect(domain.status).toBe(400);
    expect(domain.body.errors[0].field).toBe('domain');
  });
});
