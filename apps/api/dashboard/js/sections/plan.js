import { getJson } from '../api.js';
import { badge, h, notice, progressBar } from '../dom.js';
import { en, formatDate, formatRange, humanize, statusTone } from '../format.js';

// Plan implementation: one joint activity plan, its activities and their roll-ups by lead state
// and by kind (GET /api/plans, GET /api/plans/{id}).

export function planSection({ select, body, onChoose }) {
  let asOf = null;
  let chosen = null;
  let generation = 0;

  select.addEventListener('change', () => {
    chosen = select.value;
    onChoose(chosen);
    void showPlan(++generation);
  });

  async function render(nextAsOf, preferred) {
    asOf = nextAsOf;
    if (preferred) chosen = preferred;
    const mine = ++generation;
    const list = await getJson('/api/plans', { asOf, params: { limit: 100 } });
    if (mine !== generation) return;
    if (!list.ok || !Array.isArray(list.data?.items)) {
      fillSelect([]);
      body.replaceChildren(
        notice(`Plans are not available: ${list.reason ?? 'unexpected answer'}.`, 'error'),
      );
      return;
    }
    const plans = list.data.items;
    fillSelect(plans);
    if (plans.length === 0) {
      body.replaceChildren(notice('No joint activity plan had been recorded by then.'));
      return;
    }
    if (!plans.some((plan) => plan.id === chosen)) chosen = plans[0].id;
    select.value = chosen;
    await showPlan(mine);
  }

  function fillSelect(plans) {
    select.replaceChildren(
      ...(plans.length === 0
        ? [h('option', { value: '' }, 'No plans')]
        : plans.map((plan) =>
            h(
              'option',
              { value: plan.id },
              `${plan.year ?? ''} (${humanize(plan.status).toLowerCase()}) · ${en(plan.title) || plan.id}`,
            ),
          )),
    );
    select.disabled = plans.length === 0;
  }

  async function showPlan(mine) {
    body.setAttribute('aria-busy', 'true');
    const result = await getJson(`/api/plans/${encodeURIComponent(chosen)}`, { asOf });
    if (mine !== generation) return;
    body.removeAttribute('aria-busy');
    if (!result.ok) {
      body.replaceChildren(notice(`This plan is not available: ${result.reason}.`, 'error'));
      return;
    }
    body.replaceChildren(planView(result.data));
  }

  return { render, current: () => chosen };
}

function planView(plan) {
  const activities = Array.isArray(plan.activities) ? plan.activities : [];
  const summary = plan.summary ?? {};
  return h(
    'div',
    { class: 'plan', dataset: { planId: plan.id, status: plan.status } },
    h(
      'div',
      { class: 'plan-header' },
      h('h3', {}, en(plan.title) || plan.id),
      h(
        'p',
        { class: 'meta' },
        badge(humanize(plan.status), statusTone(plan.status)),
        ' ',
        adoptionText(plan),
      ),
    ),
    h(
      'dl',
      { class: 'kpis' },
      kpi('Activities', String(summary.activities ?? activities.length), 'activities'),
      kpi('Overall progress', progressBar(summary.progress ?? 0, 'Overall progress of the plan'), 'progress'),
      kpi('Overdue', String(summary.overdue ?? activities.filter((a) => a.overdue).length), 'overdue'),
    ),
    activities.length === 0 ? notice('No activity in this plan yet.') : activitiesTable(activities),
    h(
      'div',
      { class: 'rollups' },
      rollUpTable('By lead state', 'Lead state', summary.byState, (key) => key),
      rollUpTable('By kind', 'Kind', summary.byKind, humanize),
    ),
  );
}

function adoptionText(plan) {
  const adoption = plan.adoption;
  const parts = [`Plan for ${plan.year}`];
  if (adoption?.adoptedOn) {
    const states = Array.isArray(adoption.adoptingStates) ? adoption.adoptingStates.join(', ') : '';
    parts.push(`adopted on ${formatDate(adoption.adoptedOn)}${states ? ` by ${states}` : ''}`);
  }
  if (Array.isArray(plan.amendments) && plan.amendments.length > 0) {
    parts.push(`${plan.amendments.length} amendment${plan.amendments.length === 1 ? '' : 's'}`);
  }
  if (plan.closure?.closedOn) parts.push(`closed on ${formatDate(plan.closure.closedOn)}`);
  return parts.join(' · ');
}

function kpi(label, value, name) {
  return h('div', { class: `kpi kpi-${name}` }, h('dt', {}, label), h('dd', {}, value));
}

function activitiesTable(activities) {
  const headers = ['Activity', 'Lead', 'Status', 'Progress', 'Planned', 'Actual', 'Overdue'];
  return h(
    'table',
    { class: 'data-table stacked activities' },
    h('caption', {}, 'Activities of the plan'),
    h('thead', {}, h('tr', {}, ...headers.map((text) => h('th', { scope: 'col' }, text)))),
    h(
      'tbody',
      {},
      ...activities.map((activity) => {
        const title = en(activity.title) || activity.id;
        return h(
          'tr',
          {
            dataset: {
              activityId: activity.id,
              status: activity.status,
              progress: String(activity.progress ?? 0),
              overdue: String(Boolean(activity.overdue)),
            },
          },
          h(
            'th',
            { scope: 'row', 'data-label': 'Activity' },
            h('span', { class: 'cell-title' }, title),
            h(
              'span',
              { class: 'cell-meta' },
              humanize(activity.kind),
              activity.scheduledAs ? null : ' · not scheduled yet',
            ),
          ),
          h('td', { 'data-label': 'Lead' }, activity.leadState ?? '—'),
          h('td', { 'data-label': 'Status' }, badge(humanize(activity.status), statusTone(activity.status))),
          h('td', { 'data-label': 'Progress' }, progressBar(activity.progress ?? 0, `Progress of ${title}`)),
          h('td', { 'data-label': 'Planned' }, formatRange(activity.plannedStart, activity.plannedEnd)),
          h('td', { 'data-label': 'Actual' }, formatRange(activity.actualStart, activity.actualEnd)),
          h('td', { 'data-label': 'Overdue' }, activity.overdue ? badge('Overdue', 'stopped') : 'No'),
        );
      }),
    ),
  );
}

function rollUpTable(caption, keyLabel, rows, label) {
  const list = Array.isArray(rows) ? rows : [];
  return h(
    'table',
    { class: 'data-table rollup', dataset: { rollup: caption } },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, keyLabel),
        h('th', { scope: 'col', class: 'num' }, 'Activities'),
        h('th', { scope: 'col' }, 'Progress'),
      ),
    ),
    h(
      'tbody',
      {},
      ...(list.length === 0
        ? [h('tr', {}, h('td', { colspan: 3 }, 'Nothing to roll up.'))]
        : list.map((row) =>
            h(
              'tr',
              { dataset: { key: row.key } },
              h('th', { scope: 'row' }, label(row.key)),
              h('td', { class: 'num' }, String(row.activities ?? 0)),
              h('td', {}, progressBar(row.progress ?? 0, `Progress, ${label(row.key)}`)),
            ),
          )),
    ),
  );
}
