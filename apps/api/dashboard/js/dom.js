/* global document */
// Builds elements from data with textContent only: nothing the engine returns is parsed as HTML,
// and no inline style is ever set (the page's Content-Security-Policy forbids it).

/**
 * h('td', { class: 'num', dataset: { pair: 'AZ-UZ' } }, 'text', child)
 * Attributes whose value is null, undefined or false are left out.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'value' || name === 'max') element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
}

/** A short paragraph for an empty or unavailable section. */
export function notice(text, kind = 'empty') {
  return h('p', { class: `notice notice-${kind}` }, text);
}

/** A coloured label whose text says what the colour says. */
export function badge(text, tone) {
  return h('span', { class: `badge badge-${tone}` }, text);
}

/** A native progress bar with its figure as text beside it. */
export function progressBar(value, label) {
  const percent = Math.max(0, Math.min(100, Number(value) || 0));
  return h(
    'span',
    { class: 'progress' },
    h('progress', { max: 100, value: percent, 'aria-label': label }, `${formatNumber(percent)}%`),
    h('span', { class: 'progress-figure' }, `${formatNumber(percent)}%`),
  );
}

export function formatNumber(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Wraps a wide table so that only the table scrolls sideways, never the page. */
export function scrollable(table, label) {
  return h('div', { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': label }, table);
}
