import { getJson } from '../api.js';
import { badge, h, notice } from '../dom.js';
import { en, formatDate, humanize } from '../format.js';

// Decision register with its provenance: each decision under the meeting that took it
// (GET /api/decisions).

export async function renderDecisions(body, asOf) {
  const result = await getJson('/api/decisions', { asOf, params: { limit: 200, sort: '-date' } });
  if (!result.ok || !Array.isArray(result.data?.items)) {
    return notice(
      `The decision register is not available: ${result.reason ?? 'unexpected answer'}.`,
      'error',
    );
  }
  const items = result.data.items;
  if (items.length === 0) return notice('No decision had been recorded by then.');
  const meetings = new Map();
  for (const item of items) {
    const key = item.meetingId ?? item.meeting?.id ?? '';
    if (!meetings.has(key)) meetings.set(key, { meeting: item.meeting ?? {}, id: key, decisions: [] });
    meetings.get(key).decisions.push(item);
  }
  const groups = [...meetings.values()].sort((a, b) => meetingDate(b).localeCompare(meetingDate(a)));
  return h('div', { class: 'register' }, ...groups.map(meetingGroup));
}

function meetingDate(group) {
  const meeting = group.meeting;
  return String(meeting.date ?? '');
}

function meetingGroup(group) {
  const meeting = group.meeting;
  const where = [meeting.city, meeting.host?.state].filter(Boolean).join(', ');
  const when = meetingDate(group);
  return h(
    'article',
    { class: 'meeting', dataset: { meetingId: group.id } },
    h('h3', {}, en(meeting.title) || group.id),
    h(
      'p',
      { class: 'meta' },
      [when ? formatDate(when) : null, where || null].filter(Boolean).join(' · ') || group.id,
    ),
    h(
      'ol',
      { class: 'decisions' },
      ...group.decisions.map((decision) =>
        h(
          'li',
          { dataset: { decisionId: decision.decisionId ?? '' } },
          h(
            'div',
            { class: 'decision-head' },
            badge(humanize(decision.kind), decisionTone(decision.kind)),
            decision.agendaItem
              ? h('span', { class: 'cell-meta' }, en(decision.agendaItem.title) || decision.agendaItem.id)
              : null,
          ),
          h('p', {}, en(decision.text) || decision.decisionId),
          provenance(decision),
        ),
      ),
    ),
  );
}

function decisionTone(kind) {
  if (kind === 'adopted') return 'done';
  if (kind === 'agreed-to-organise') return 'scheduled';
  return 'neutral';
}

/** Who adopted it, what it is about, what it cites, and whether the record was corrected. */
function provenance(decision) {
  const parts = [];
  if (Array.isArray(decision.adoptingStates) && decision.adoptingStates.length > 0) {
    parts.push(`Adopted by ${decision.adoptingStates.join(', ')}`);
  }
  if (decision.subject?.planId) parts.push(`about plan ${decision.subject.planId}`);
  const cited = Array.isArray(decision.strategicDocuments)
    ? decision.strategicDocuments.map((document) => en(document.title) || document.id).filter(Boolean)
    : [];
  if (cited.length > 0) parts.push(`cites ${cited.join(', ')}`);
  const corrections = Array.isArray(decision.corrections) ? decision.corrections.length : 0;
  if (corrections > 0) parts.push(`${corrections} correction${corrections === 1 ? '' : 's'} to the record`);
  if (parts.length === 0) return null;
  const sentence = parts.join(' · ');
  return h('p', { class: 'cell-meta' }, sentence.charAt(0).toUpperCase() + sentence.slice(1));
}
