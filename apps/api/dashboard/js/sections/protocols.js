import { getJson } from '../api.js';
import { h, notice, scrollable } from '../dom.js';
import { en } from '../format.js';

// Protocol matrix, state × state, as a heat map (GET /api/protocols/matrix): a multilateral
// protocol counts for every pair of its parties. Counts are text in the cells; the shade only
// repeats them, and the legend says which shade means which counts. The member states and the
// protocols' titles come from /api/states and /api/protocols when they answer; without them the
// matrix still shows, with the states of the matrix and the protocols' ids.

const LEVELS = 4;

export async function renderProtocols(body, asOf) {
  const [result, members, protocols] = await Promise.all([
    getJson('/api/protocols/matrix', { asOf }),
    getJson('/api/states', { asOf, params: { membership: 'member', limit: 100 } }),
    getJson('/api/protocols', { asOf, params: { limit: 500 } }),
  ]);
  if (!result.ok || !Array.isArray(result.data?.states) || !Array.isArray(result.data?.cells)) {
    return notice(`The protocol matrix is not available: ${result.reason ?? 'unexpected answer'}.`, 'error');
  }
  const names = new Map();
  for (const state of (members.ok && members.data?.items) || []) names.set(state.code, en(state.name));
  const titles = new Map();
  for (const protocol of (protocols.ok && protocols.data?.items) || [])
    titles.set(protocol.id, en(protocol.title));

  const { cells } = result.data;
  const states = [...new Set([...names.keys(), ...result.data.states])].sort();
  if (states.length === 0) return notice('No protocol had been signed by then.');
  const byPair = new Map();
  for (const cell of cells) {
    byPair.set(`${cell.a}|${cell.b}`, cell);
    byPair.set(`${cell.b}|${cell.a}`, cell);
  }
  const max = Math.max(0, ...cells.map((cell) => Number(cell.count) || 0));
  const table = h(
    'table',
    { class: 'matrix', 'aria-labelledby': 'matrix-title' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('td', { class: 'matrix-corner' }),
        ...states.map((code) => h('th', { scope: 'col' }, code)),
      ),
    ),
    h(
      'tbody',
      {},
      ...states.map((row) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, row),
          ...states.map((column) => matrixCell(row, column, byPair.get(`${row}|${column}`), max)),
        ),
      ),
    ),
  );
  return h(
    'div',
    { class: 'matrix-wrap' },
    h(
      'p',
      { class: 'section-lead', id: 'matrix-title' },
      'Signed cooperation protocols between each pair of states',
    ),
    scrollable(table, 'Protocol matrix, state by state'),
    legend(max),
    stateKey(states, names),
    pairList(cells, titles),
  );
}

function level(count, max) {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((count / max) * LEVELS));
}

function matrixCell(row, column, cell, max) {
  if (row === column) {
    return h(
      'td',
      { class: 'heat-self', dataset: { row, col: column } },
      h('span', { class: 'visually-hidden' }, 'same state'),
    );
  }
  const count = Number(cell?.count) || 0;
  return h(
    'td',
    { class: `heat-${level(count, max)}`, dataset: { row, col: column, count: String(count) } },
    String(count),
  );
}

/** The shades actually used for the counts 0..max, each with the counts it stands for. */
function legend(max) {
  const ranges = [];
  for (let shade = 0; shade <= LEVELS; shade++) {
    const counts = [];
    for (let count = 0; count <= max; count++) if (level(count, max) === shade) counts.push(count);
    if (counts.length > 0) ranges.push({ shade, counts });
  }
  return h(
    'div',
    { class: 'legend' },
    h('p', { class: 'legend-title', id: 'matrix-legend-title' }, 'Protocols per pair'),
    h(
      'ul',
      { 'aria-labelledby': 'matrix-legend-title' },
      ...ranges.map(({ shade, counts }) =>
        h(
          'li',
          {},
          h('span', { class: `swatch heat-${shade}`, 'aria-hidden': 'true' }),
          counts.length === 1 ? String(counts[0]) : `${counts[0]}–${counts.at(-1)}`,
        ),
      ),
    ),
  );
}

function stateKey(states, names) {
  const named = states.filter((code) => names.get(code));
  if (named.length === 0) return null;
  return h(
    'p',
    { class: 'state-key' },
    ...named.flatMap((code, index) => [
      index > 0 ? ' · ' : null,
      h('strong', {}, code),
      ` ${names.get(code)}`,
    ]),
  );
}

/** Which protocols stand behind each non-zero cell, so that a figure can be traced. */
function pairList(cells, titles) {
  const signed = cells.filter((cell) => Number(cell.count) > 0);
  if (signed.length === 0) return notice('No protocol had been signed by then.');
  return h(
    'ul',
    { class: 'pairs', 'aria-label': 'Protocols behind each pair' },
    ...signed.map((cell) =>
      h(
        'li',
        { dataset: { pair: `${cell.a}-${cell.b}` } },
        h('span', { class: 'pair' }, `${cell.a} – ${cell.b}`),
        h(
          'ul',
          {},
          ...(Array.isArray(cell.protocols) ? cell.protocols : []).map((id) =>
            h('li', {}, titles.get(id) || id, titles.get(id) ? h('span', { class: 'cell-meta' }, id) : null),
          ),
        ),
      ),
    ),
  );
}
