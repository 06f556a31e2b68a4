import { getJson } from '../api.js';
import { badge, h, notice } from '../dom.js';
import { en, formatRange, humanize, statusTone } from '../format.js';

// Calendar of meetings, forums and programmes (GET /api/calendar); the same items are offered
// as an iCalendar feed at /api/calendar.ics.

export async function renderCalendar(body, asOf) {
  const result = await getJson('/api/calendar', { asOf, params: { limit: 200 } });
  if (!result.ok || !Array.isArray(result.data?.items)) {
    return notice(`The calendar is not available: ${result.reason ?? 'unexpected answer'}.`, 'error');
  }
  const items = result.data.items;
  if (items.length === 0) return notice('Nothing was on the calendar by then.');
  const total = Number(result.data.total ?? items.length);
  return h(
    'div',
    {},
    h(
      'table',
      { class: 'data-table stacked calendar' },
      h('caption', {}, `Meetings, forums and programmes (${total}), latest year first`),
      h(
        'thead',
        {},
        h('tr', {}, ...['Event', 'Dates', 'Where', 'Status'].map((text) => h('th', { scope: 'col' }, text))),
      ),
      ...byYear(items).map(([year, entries]) =>
        h(
          'tbody',
          { dataset: { year } },
          h('tr', { class: 'group-row' }, h('th', { scope: 'colgroup', colspan: 4 }, year)),
          ...entries.map(calendarRow),
        ),
      ),
    ),
    total > items.length ? notice(`Showing the first ${items.length} of ${total}.`) : null,
  );
}

/** Latest year first; within a year, earliest first, as the engine sorts them. */
function byYear(items) {
  const years = new Map();
  for (const item of items) {
    const year = String(item.start ?? '').slice(0, 4) || 'Undated';
    if (!years.has(year)) years.set(year, []);
    years.get(year).push(item);
  }
  return [...years].sort(([a], [b]) => b.localeCompare(a));
}

function calendarRow(item) {
  const where = [item.city, item.hostState].filter(Boolean).join(', ');
  const what = item.type === 'meeting' || item.kind === item.type ? humanize(item.type) : humanize(item.kind);
  const lead = item.leadState && item.leadState !== item.hostState ? `led by ${item.leadState}` : null;
  return h(
    'tr',
    { dataset: { id: item.id, type: item.type ?? '', kind: item.kind ?? '', status: item.status ?? '' } },
    h(
      'th',
      { scope: 'row', 'data-label': 'Event' },
      h('span', { class: 'cell-title' }, en(item.title) || item.id),
      h('span', { class: 'cell-meta' }, [what, lead].filter(Boolean).join(' · ')),
    ),
    h('td', { 'data-label': 'Dates', class: 'nowrap' }, formatRange(item.start, item.end)),
    h('td', { 'data-label': 'Where', class: where ? null : 'empty' }, where || '—'),
    h(
      'td',
      { 'data-label': 'Status' },
      item.status ? badge(humanize(item.status), statusTone(item.status)) : '—',
    ),
  );
}
