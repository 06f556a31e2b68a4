import { getJson } from '../api.js';
import { h, notice } from '../dom.js';
import { formatTime, humanize } from '../format.js';
import { currentCaller } from '../identity.js';

// The audit timeline: the latest events of the log, each with who recorded it, when it happened
// and when the engine recorded it (GET /api/audit, newest first).

const AUDIT_READERS = ['secretariat', 'auditor'];
const SIGN_IN = 'The audit timeline is for the Secretariat and auditors: sign in with a token to see it.';

export async function renderAudit(body, asOf) {
  // Only the Secretariat and auditors may read the audit history: others are not sent to ask.
  if (!AUDIT_READERS.includes(currentCaller().role)) return notice(SIGN_IN);
  const result = await getJson('/api/audit', { asOf, params: { limit: 20 } });
  if (!result.ok && (result.status === 401 || result.status === 403)) {
    return notice('The audit timeline is for the Secretariat and auditors: sign in with a token to see it.');
  }
  if (!result.ok || !Array.isArray(result.data?.items)) {
    return notice(`The audit timeline is not available: ${result.reason ?? 'unexpected answer'}.`, 'error');
  }
  const items = result.data.items;
  if (items.length === 0) return notice('Nothing had been recorded by then.');
  const headers = ['Event', 'Position', 'Happened', 'Recorded', 'By'];
  return h(
    'table',
    { class: 'data-table stacked timeline' },
    h('caption', {}, `The latest ${items.length} events of the log, newest first`),
    h('thead', {}, h('tr', {}, ...headers.map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, ...items.map(entry)),
  );
}

function entry(event) {
  const actor = event.actor ?? {};
  const role = actor.role ? ` (${humanize(actor.role).toLowerCase()})` : '';
  const who = typeof actor === 'string' ? actor : actor.id ? `${actor.id}${role}` : '—';
  return h(
    'tr',
    { dataset: { position: String(event.position ?? '') } },
    h(
      'th',
      { scope: 'row', 'data-label': 'Event' },
      h(
        'span',
        { class: 'cell-title' },
        event.type ?? 'Event',
        h('span', { class: 'position-inline' }, ` #${event.position ?? '?'}`),
      ),
      h('code', { class: 'cell-meta' }, event.stream ?? ''),
    ),
    h('td', { 'data-label': 'Position', class: 'num position' }, `#${event.position ?? '?'}`),
    h('td', { 'data-label': 'Happened', class: 'nowrap' }, formatTime(event.occurredAt)),
    h('td', { 'data-label': 'Recorded', class: 'nowrap' }, formatTime(event.recordedAt)),
    h('td', { 'data-label': 'By' }, who),
  );
}
