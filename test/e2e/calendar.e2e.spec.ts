import { join } from 'node:path';
import ICAL from 'ical.js';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario } from '../../apps/api/src/scenario/scenario.js';
import { startEngine, type RunningEngine } from '../support/engine.js';

const FILE = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');
const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];

interface Entry {
  id: string;
  type: string;
  kind: string;
  title: Record<string, string>;
  start: string;
  end: string;
  city: string | null;
  hostState: string | null;
  leadState: string | null;
  status: string;
}

/** The calendar of the OTS diaspora track, read over HTTP after the bundled scenario is imported. */
describe('the calendar of meetings, forums and programmes', () => {
  let engine: RunningEngine;
  let head: number;
  const calendar = async (query: string) => {
    const reply = await engine.get(`/api/calendar?${query}`);
    expect(reply.status).toBe(200);
    return reply.body as { items: Entry[]; total: number; limit: number; offset: number };
  };
  const brief = (e: Entry) => [e.id, e.kind, e.start, e.end, e.status];

  beforeAll(async () => {
    engine = await startEngine();
    await importScenario(engine, await loadScenario(FILE));
    head = (await engine.get('/health/ready')).body.headPosition;
  }, 60_000);
  afterAll(() => engine.close());

  it('shows the three ministerial meetings on their days, in their cities, all closed', async () => {
    const meetings = await calendar(`kind=meeting&minPosition=${head}`);
    expect(meetings).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(meetings.items.map((m) => [m.id, m.start, m.end, m.city, m.hostState, m.status])).toEqual([
      ['diaspora-ministerial-4', '2022-12-15', '2022-12-15', 'Baku', 'AZ', 'closed'],
      ['diaspora-ministerial-5', '2023-11-22', '2023-11-22', 'Bishkek', 'KG', 'closed'],
      ['diaspora-ministerial-6', '2024-11-18', '2024-11-18', 'Tashkent', 'UZ', 'closed'],
    ]);
    expect(meetings.items[2]).toEqual({
      id: 'diaspora-ministerial-6',
      type: 'meeting',
      kind: 'meeting',
      title: {
        en: '6th Meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs of the OTS',
      },
      start: '2024-11-18',
      end: '2024-11-18',
      city: 'Tashkent',
      hostState: 'UZ',
      leadState: null,
      participatingStates: [...MEMBERS, 'HU'],
      status: 'closed',
      origin: { kind: 'series', seriesId: 'diaspora-ministerial', number: 6 },
      position: expect.any(Number),
    });
  });

  it('shows the 2025 activities: the youth forum at its new dates, the next round from the Tashkent decision', async () => {
    const year = await calendar('from=2025-01-01&to=2025-12-31');
    expect(year.total).toBe(6);
    expect(year.items.map(brief)).toEqual([
      ['exchange-of-experience-2025', 'exchange-programme', '2025-04-14', '2025-04-18', 'completed'],
      ['turkic-diaspora-forum-2025', 'forum', '2025-05-20', '2025-05-22', 'started'],
      ['capacity-building-2025', 'training-programme', '2025-06-09', '2025-06-13', 'scheduled'],
      ['internship-2025', 'internship', '2025-08-01', '2025-08-29', 'scheduled'],
      ['diaspora-youth-forum-2025', 'forum', '2025-09-15', '2025-09-17', 'postponed'],
      ['diaspora-ministerial-7', 'meeting-round', '2025-11-17', '2025-11-17', 'scheduled'],
    ]);
    expect(year.items[1]).toMatchObject({ city: 'Istanbul', leadState: 'TR', participatingStates: MEMBERS });
    expect(year.items[4]).toMatchObject({
      type: 'activity',
      leadState: 'AZ',
      origin: { kind: 'plan', planId: 'diaspora-2025', planActivityId: 'diaspora-youth-forum-2025' },
    });
    expect(year.items[5]).toMatchObject({
      type: 'activity',
      title: { en: '7th Meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs' },
      leadState: 'KZ',
      origin: { kind: 'decision', meetingId: 'diaspora-ministerial-6', decisionId: 'organise-joint-events' },
    });
  });

  it('shows the youth forum at its first dates as of 21 May 2025, before it was postponed', async () => {
    const may = await calendar('from=2025-01-01&to=2025-12-31&asOf=occurred:2025-05-21');
    expect(may.items.map(brief)).toEqual([
      ['exchange-of-experience-2025', 'exchange-programme', '2025-04-14', '2025-04-18', 'completed'],
      ['turkic-diaspora-forum-2025', 'forum', '2025-05-20', '2025-05-22', 'started'],
      ['capacity-building-2025', 'training-programme', '2025-06-09', '2025-06-13', 'scheduled'],
      ['diaspora-youth-forum-2025', 'forum', '2025-07-07', '2025-07-09', 'scheduled'],
      ['internship-2025', 'internship', '2025-08-01', '2025-08-29', 'scheduled'],
      ['diaspora-ministerial-7', 'meeting-round', '2025-11-17', '2025-11-17', 'scheduled'],
    ]);
    const before = await calendar('asOf=occurred:2023-12-31');
    expect(before.items.map((e) => e.id)).toEqual([
      'diaspora-ministerial-4',
      'diaspora-youth-forum-2023',
      'capacity-building-2023',
      'diaspora-ministerial-5',
    ]);
  });

  it('selects by the state that hosts, leads or takes part, sorts latest first and pages', async () => {
    const hungary = await calendar('state=HU');
    expect(hungary.items.map((e) => e.id)).toEqual(['diaspora-ministerial-6']);
    const kyrgyz = await calendar('state=KG&kind=meeting');
    expect(kyrgyz.total).toBe(3);
    const latest = await calendar('sort=-start&limit=2&offset=1');
    expect(latest).toMatchObject({ total: 14, limit: 2, offset: 1 });
    expect(latest.items.map((e) => e.id)).toEqual(['diaspora-youth-forum-2025', 'internship-2025']);
    const overlapping = await calendar('from=2024-08-30&to=2024-08-30');
    expect(overlapping.items.map((e) => e.id)).toEqual(['internship-2024']);
  });

  it('refuses filters it cannot read, as problem details', async () => {
    for (const query of [
      'from=2025-13-01',
      'to=2025-1-1',
      'from=2025-12-31&to=2025-01-01',
      'kind=picnic',
      'state=uz',
      'sort=start,title',
      'limit=0',
      'colour=blue',
    ]) {
      const reply = await engine.get(`/api/calendar?${query}`);
      expect([query, reply.status, reply.body.type]).toEqual([query, 400, 'urn:kurultai:problem:validation']);
      expect(reply.contentType).toMatch(/^application\/problem\+json/);
    }
    const feed = await engine.get('/api/calendar.ics?kind=picnic');
    expect([feed.status, feed.body.errors]).toEqual([400, [{ field: 'kind', message: expect.any(String) }]]);
    expect(feed.contentType).toMatch(/^application\/problem\+json/);
  });

  describe('the iCalendar feed', () => {
    const feed = async (query = '') => {
      const reply = await engine.get(`/api/calendar.ics?${query}`);
      expect([reply.status, reply.contentType]).toEqual([200, 'text/calendar; charset=utf-8']);
      return reply.body as string;
    };
    const vevents = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    const prop = (event: ICAL.Component, name: string) => String(event.getFirstPropertyValue(name));

    it('has one all-day VEVENT per entry, its DTEND the day after its last day, its UID stable', async () => {
      const entries = await calendar('limit=500');
      const events = vevents(await feed());
      expect(events).toHaveLength(entries.total);
      expect(
        events.map((e) => [prop(e, 'uid'), prop(e, 'dtstart'), prop(e, 'dtend'), prop(e, 'status')]),
      ).toEqual(
        entries.items.map((e) => {
          const after = new Date(`${e.end}T00:00:00Z`);
          after.setUTCDate(after.getUTCDate() + 1);
          const status = e.status === 'postponed' ? 'TENTATIVE' : 'CONFIRMED';
          return [`${e.type}-${e.id}@kurultai`, e.start, after.toISOString().slice(0, 10), status];
        }),
      );
      const youth = events.find((e) => prop(e, 'uid') === 'activity-diaspora-youth-forum-2025@kurultai')!;
      expect([prop(youth, 'dtstart'), prop(youth, 'dtend'), prop(youth, 'summary')]).toEqual([
        '2025-09-15',
        '2025-09-18',
        'Diaspora Youth Forum',
      ]);
      expect(youth.getFirstProperty('dtstart')?.type).toBe('date');
      expect(youth.getFirstPropertyValue('dtstamp')).not.toBeNull();
      const tashkent = events.find((e) => prop(e, 'uid') === 'meeting-diaspora-ministerial-6@kurultai')!;
      expect([prop(tashkent, 'dtstart'), prop(tashkent, 'dtend'), prop(tashkent, 'location')]).toEqual([
        '2024-11-18',
        '2024-11-19',
        'Tashkent, UZ',
      ]);
    });

    it('takes the same filters and the past: the youth forum at its first dates as of May 2025', async () => {
      const text = await feed('from=2025-07-01&to=2025-07-31&kind=forum&asOf=occurred:2025-05-21');
      const [youth, ...others] = vevents(text);
      expect(others).toHaveLength(0);
      expect([prop(youth, 'uid'), prop(youth, 'dtstart'), prop(youth, 'dtend')]).toEqual([
        'activity-diaspora-youth-forum-2025@kurultai',
        '2025-07-07',
        '2025-07-10',
      ]);
      expect(vevents(await feed('from=2025-07-01&to=2025-07-31&kind=forum'))).toHaveLength(0);
      expect(text).toMatch(/\r\nX-WR-CALNAME:Kurultai: OTS meetings and activities\r\n/);
    });

    it('escapes commas and semicolons, folds long lines at 75 octets and keeps non-ASCII titles whole', async () => {
      const title = 'Diaspora NGO round table of Türkiye; Oʻzbekiston, Qazaqstan and Azərbaycan';
      const send = async (type: string, body: unknown) => {
        const reply = await engine.post(`/api/commands/${type}`, body);
        expect([type, reply.status]).toEqual([type, 200]);
        return reply.body as { position: number };
      };
      await send('DefineMeetingSeries', {
        seriesId: 'diaspora-ngo-round-table',
        title: { en: 'Diaspora NGO round table of the OTS' },
        domain: 'diaspora',
      });
      const { position } = await send('ScheduleMeeting', {
        meetingId: 'diaspora-ngo-round-table-1',
        seriesId: 'diaspora-ngo-round-table',
        number: 1,
        title: { en: title, 'uz-Latn': 'Oʻzbekiston' },
        hostState: 'KZ',
        city: 'Türkistan',
        date: '2025-10-06',
      });
      const text = await feed(`from=2025-10-06&to=2025-10-06&minPosition=${position}`);
      expect(text).toContain('SUMMARY:Diaspora NGO round table of Türkiye\\; Oʻzbekiston\\, Qazaqst');
      expect(text).toContain('\r\nLOCATION:Türkistan\\, KZ\r\n');
      const lines = text.split('\r\n');
      expect(lines.filter((line) => line.startsWith(' '))).not.toHaveLength(0);
      for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      const [meeting] = vevents(text);
      expect([prop(meeting, 'uid'), prop(meeting, 'summary'), prop(meeting, 'location')]).toEqual([
        'meeting-diaspora-ngo-round-table-1@kurultai',
        title,
        'Türkistan, KZ',
      ]);
      expect((await calendar('from=2025-10-06&to=2025-10-06')).items[0].title).toEqual({
        en: title,
        'uz-Latn': 'Oʻzbekiston',
      });
    });

    it('is documented in OpenAPI as text/calendar', async () => {
      const { paths } = (await engine.get('/api/openapi.json')).body;
      expect(Object.keys(paths['/api/calendar.ics'].get.responses['200'].content)).toEqual(['text/calendar']);
      const names = paths['/api/calendar'].get.parameters.map((p: { name: string }) => p.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'from',
          'to',
          'kind',
          'state',
          'sort',
          'limit',
          'offset',
          'asOf',
          'minPosition',
        ]),
      );
    });
  });
});
