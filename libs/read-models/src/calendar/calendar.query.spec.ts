import { calendarFeed, listCalendar, type CalendarPageFilter } from './calendar.query.js';
import { activity, given, meeting, type Given } from './testing/given.js';

const ROUND = 'diaspora-ministerial-7';
const events: Given[] = [
  meeting('diaspora-ministerial-5', 5, 'Bishkek', 'KG', '2023-11-22'),
  meeting('diaspora-ministerial-6', 6, 'Tashkent', 'UZ', '2024-11-18'),
  ['DelegationAccredited', { meetingId: 'diaspora-ministerial-6', state: 'HU' }],
  activity('exchange-2025', 'exchange-programme', '2025-04-14', '2025-04-18', { leadState: 'UZ' }),
  activity('forum-2025', 'forum', '2025-05-20', '2025-05-22', { leadState: 'TR', hostState: 'TR' }),
  activity('internship-2025', 'internship', '2025-08-01', '2025-08-29', {
    leadState: 'KG',
    participatingStates: ['KG', 'KZ'],
  }),
  activity(ROUND, 'meeting-round', '2025-11-17', '2025-11-17', { leadState: 'KZ' }),
];
const db = given(events);
const page = (filter: Partial<CalendarPageFilter>) =>
  listCalendar(db, { sort: 'start', limit: 50, offset: 0, ...filter });
const ids = (filter: Partial<CalendarPageFilter>) => page(filter).items.map((e) => e.id);

describe('calendar queries', () => {
  it('lists every entry earliest first, in the shape of the API', () => {
    const all = page({});
    expect(all).toMatchObject({ total: 6, limit: 50, offset: 0 });
    expect(all.items.map((e) => e.id)).toEqual([
      'diaspora-ministerial-5',
      'diaspora-ministerial-6',
      'exchange-2025',
      'forum-2025',
      'internship-2025',
      ROUND,
    ]);
    expect(all.items[1]).toEqual({
      id: 'diaspora-ministerial-6',
      type: 'meeting',
      kind: 'meeting',
      title: { en: 'Meeting 6 (Tashkent)' },
      start: '2024-11-18',
      end: '2024-11-18',
      city: 'Tashkent',
      hostState: 'UZ',
      leadState: null,
      participatingStates: ['HU'],
      status: 'scheduled',
      origin: { kind: 'series', seriesId: 'diaspora-ministerial', number: 6 },
      position: 3,
    });
    expect(all.items[3]).toMatchObject({
      type: 'activity',
      kind: 'forum',
      origin: { kind: 'plan', planId: 'diaspora-2025', planActivityId: 'forum-2025' },
      position: 5,
    });
  });

  it('keeps an entry that overlaps the range, even by its first or last day only', () => {
    expect(ids({ from: '2025-05-22', to: '2025-08-01' })).toEqual(['forum-2025', 'internship-2025']);
    expect(ids({ from: '2025-05-23', to: '2025-07-31' })).toEqual([]);
    expect(ids({ from: '2025-08-15', to: '2025-08-16' })).toEqual(['internship-2025']);
    expect(ids({ from: '2025-01-01' })).toEqual(['exchange-2025', 'forum-2025', 'internship-2025', ROUND]);
    expect(ids({ to: '2024-11-18' })).toEqual(['diaspora-ministerial-5', 'diaspora-ministerial-6']);
  });

  it('filters by kind', () => {
    expect(ids({ kind: 'meeting' })).toEqual(['diaspora-ministerial-5', 'diaspora-ministerial-6']);
    expect(ids({ kind: 'meeting-round' })).toEqual([ROUND]);
  });

  it('filters by a state that hosts, leads or takes part', () => {
    expect(ids({ state: 'KG' })).toEqual([
      'diaspora-ministerial-5',
      'exchange-2025',
      'forum-2025',
      'internship-2025',
      ROUND,
    ]);
    expect(ids({ state: 'HU' })).toEqual(['diaspora-ministerial-6']);
    expect(ids({ state: 'TR', from: '2025-01-01', kind: 'forum' })).toEqual(['forum-2025']);
    expect(ids({ state: 'XC' })).toEqual([]);
  });

  it('sorts latest first with -start', () => {
    expect(ids({ sort: '-start', from: '2025-01-01' })).toEqual([
      ROUND,
      'internship-2025',
      'forum-2025',
      'exchange-2025',
    ]);
  });

  it('pages, counting every entry the filter selects', () => {
    expect(page({ limit: 2, offset: 3 })).toMatchObject({
      total: 6,
      limit: 2,
      offset: 3,
      items: [{ id: 'forum-2025' }, { id: 'internship-2025' }],
    });
    expect(page({ limit: 2, offset: 6, from: '2025-01-01' })).toMatchObject({ total: 4, items: [] });
  });

  it('gives the feed every entry the filter selects, with what iCalendar needs', () => {
    const feed = calendarFeed(db, { from: '2024-01-01', to: '2024-12-31' });
    expect(feed).toEqual([
      expect.objectContaining({
        id: 'diaspora-ministerial-6',
        visibility: 'public',
        sequence: 0,
        createdAt: expect.stringMatching(/^2026-03-02T/),
        updatedAt: expect.stringMatching(/^2026-03-03T/),
      }),
    ]);
    expect(calendarFeed(db, {})).toHaveLength(6);
  });
});
