import ICAL from 'ical.js';
import { CALENDAR_NAME, renderICalendar, uidOf } from './calendar.ics.js';
import type { CalendarFeedEntry } from './calendar.query.js';

const entry = (overrides: Partial<CalendarFeedEntry>): CalendarFeedEntry => ({
  id: 'diaspora-youth-forum-2025',
  type: 'activity',
  kind: 'forum',
  title: { en: 'Diaspora Youth Forum', 'az-Latn': 'Diaspor Gənclər Forumu' },
  start: '2025-09-15',
  end: '2025-09-17',
  city: null,
  hostState: null,
  leadState: 'AZ',
  participatingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
  status: 'postponed',
  origin: { kind: 'plan', planId: 'diaspora-2025', planActivityId: 'diaspora-youth-forum-2025' },
  position: 90,
  visibility: 'public',
  sequence: 1,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-02T11:30:00.000Z',
  ...overrides,
});

const TASHKENT = entry({
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
  participatingStates: ['AZ', 'KZ', 'KG', 'TR', 'UZ', 'HU'],
  status: 'closed',
  origin: { kind: 'series', seriesId: 'diaspora-ministerial', number: 6 },
  sequence: 0,
});

const parse = (text: string) => new ICAL.Component(ICAL.parse(text));
const events = (text: string) => parse(text).getAllSubcomponents('vevent');
const value = (event: ICAL.Component, name: string) => String(event.getFirstPropertyValue(name));

describe('the iCalendar feed', () => {
  it('is a named VCALENDAR of all-day events whose DTEND is the day after the last day', () => {
    const text = renderICalendar([TASHKENT, entry({})]);
    const calendar = parse(text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Organization of Turkic States//Kurultai//EN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(CALENDAR_NAME);
    const [meeting, forum] = events(text);
    expect(meeting.getFirstProperty('dtstart')?.type).toBe('date');
    expect([value(meeting, 'dtstart'), value(meeting, 'dtend')]).toEqual(['2024-11-18', '2024-11-19']);
    expect([value(forum, 'dtstart'), value(forum, 'dtend')]).toEqual(['2025-09-15', '2025-09-18']);
    expect(text).toContain('DTSTART;VALUE=DATE:20250915\r\nDTEND;VALUE=DATE:20250918\r\n');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('\r\nEND:VCALENDAR\r\n')).toBe(true);
  });

  it('gives each entry a stable UID, its English title, place, status and last revision', () => {
    const [meeting, forum] = events(renderICalendar([TASHKENT, entry({})]));
    expect(value(meeting, 'uid')).toBe('meeting-diaspora-ministerial-6@kurultai');
    expect(uidOf(entry({}))).toBe('activity-diaspora-youth-forum-2025@kurultai');
    expect(value(meeting, 'summary')).toBe(TASHKENT.title.en);
    expect(value(meeting, 'location')).toBe('Tashkent, UZ');
    expect(value(meeting, 'status')).toBe('CONFIRMED');
    expect(value(forum, 'status')).toBe('TENTATIVE');
    expect(forum.getFirstPropertyValue('location')).toBeNull();
    expect(value(forum, 'dtstamp')).toBe('2026-03-02T11:30:00Z');
    expect(value(forum, 'last-modified')).toBe('2026-03-02T11:30:00Z');
    expect(value(forum, 'sequence')).toBe('1');
    expect(value(forum, 'categories')).toBe('forum');
    expect(value(forum, 'description')).toContain('Participating states: AZ, KZ, KG, TR, UZ');
  });

  it('marks cancelled entries CANCELLED and internal ones PRIVATE', () => {
    const [cancelled] = events(renderICalendar([entry({ status: 'cancelled', visibility: 'internal' })]));
    expect(value(cancelled, 'status')).toBe('CANCELLED');
    expect(value(cancelled, 'class')).toBe('PRIVATE');
  });

  it('escapes commas and semicolons and folds long lines at 75 octets without splitting a character', () => {
    const title = 'Forum of the diaspora youth of Türkiye; Oʻzbekiston, Qazaqstan, Azərbaycan and Кыргызстан';
    const text = renderICalendar([entry({ title: { en: title }, city: 'Türkistan', hostState: 'KZ' })]);
    expect(text).toContain('SUMMARY:Forum of the diaspora youth of Türkiye\\; Oʻzbekiston\\, Qazaqst');
    expect(text).toContain('LOCATION:Türkistan\\, KZ');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.split('\r\n').filter((line) => line.startsWith(' ')).length).toBeGreaterThan(0);
    expect(value(events(text)[0], 'summary')).toBe(title);
  });

  it('is the same text for the same entries', () => {
    expect(renderICalendar([TASHKENT])).toBe(renderICalendar([TASHKENT]));
  });
});
