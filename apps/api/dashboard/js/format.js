// Text and dates as the Secretariat reads them: English titles, day month year, UTC.

/** The English text of a per-language text object (`{ en, ru, … }`), or the first one there is. */
export function en(text) {
  if (typeof text === 'string') return text;
  if (!text || typeof text !== 'object') return '';
  return text.en ?? Object.values(text).find((value) => typeof value === 'string') ?? '';
}

const DAY = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

function parse(value) {
  if (typeof value !== 'string' || value === '') return null;
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** '2024-11-18' or an ISO time → '18 Nov 2024'. */
export function formatDate(value) {
  const date = parse(value);
  return date ? DAY.format(date) : '—';
}

/**
 * An ISO time → '18 Nov 2024, 09:30 UTC'. A bare date, or a time at exactly midnight UTC (what a
 * date told by a user becomes), stays a date.
 */
export function formatTime(value) {
  const date = parse(value);
  if (!date) return '—';
  if (value.length === 10 || date.getTime() % 86_400_000 === 0) return DAY.format(date);
  return `${TIME.format(date)} UTC`;
}

/** '18 Nov 2024', '14–18 Apr 2025', '30 Apr – 2 May 2025'; '—' when neither end is known. */
export function formatRange(start, end) {
  if (!start && !end) return '—';
  if (!end || end === start) return formatDate(start ?? end);
  if (!start) return `until ${formatDate(end)}`;
  const from = parse(start);
  const to = parse(end);
  if (!from || !to) return `${formatDate(start)} – ${formatDate(end)}`;
  const parts = (date) => Object.fromEntries(DAY.formatToParts(date).map((part) => [part.type, part.value]));
  const a = parts(from);
  const b = parts(to);
  if (a.year !== b.year) return `${formatDate(start)} – ${formatDate(end)}`;
  if (a.month !== b.month) return `${a.day} ${a.month} – ${b.day} ${b.month} ${b.year}`;
  return `${a.day}–${b.day} ${b.month} ${b.year}`;
}

/** 'in-progress' → 'In progress', 'training-programme' → 'Training programme'. */
export function humanize(value) {
  if (typeof value !== 'string' || value === '') return '—';
  const words = value.replace(/[-_]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** The badge tone for a status, so that each status has one colour everywhere. */
export function statusTone(status) {
  switch (status) {
    case 'completed':
    case 'adopted':
    case 'signed':
    case 'in-force':
    case 'implemented':
    case 'held':
    case 'closed':
      return 'done';
    case 'in-progress':
    case 'started':
    case 'convened':
    case 'partly-signed':
      return 'active';
    case 'scheduled':
      return 'scheduled';
    case 'postponed':
      return 'postponed';
    case 'cancelled':
    case 'terminated':
      return 'stopped';
    default:
      return 'neutral';
  }
}
