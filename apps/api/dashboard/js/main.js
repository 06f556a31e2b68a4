/* global document, window, history, location, URLSearchParams */
import { asOfFrom, asOfFromSearch, describeAsOf, pickerFor } from './as-of.js';
import { notice } from './dom.js';
import { identityControl } from './identity.js';
import { renderAudit } from './sections/audit.js';
import { renderCalendar } from './sections/calendar.js';
import { renderDecisions } from './sections/decisions.js';
import { planSection } from './sections/plan.js';
import { renderProtocols } from './sections/protocols.js';

// The page's one piece of state is the "as of" it shows (and the plan chosen); both live in the
// address, so a view of the past can be bookmarked and shared. Every change re-renders every
// section; answers that arrive after a newer change are dropped.

const byId = (id) => document.getElementById(id);
const main = byId('main');
const dateInput = byId('as-of-date');
const status = byId('as-of-status');
const modeInputs = [...document.querySelectorAll('input[name="mode"]')];

const initial = new URLSearchParams(location.search);
const state = { asOf: asOfFromSearch(location.search), plan: initial.get('plan') };

const plan = planSection({
  select: byId('plan-select'),
  body: byId('plan-body'),
  onChoose: (id) => {
    state.plan = id;
    remember('replace');
  },
});

const sections = [
  { body: byId('calendar-body'), render: renderCalendar, name: 'calendar' },
  { body: byId('protocols-body'), render: renderProtocols, name: 'protocol matrix' },
  { body: byId('decisions-body'), render: renderDecisions, name: 'decision register' },
  { body: byId('audit-body'), render: renderAudit, name: 'audit timeline' },
];

let generation = 0;

async function renderAll() {
  const mine = ++generation;
  main.setAttribute('aria-busy', 'true');
  status.textContent = describeAsOf(state.asOf);
  showPicker();
  await Promise.all([
    plan.render(state.asOf, state.plan).catch(() => {
      byId('plan-body').replaceChildren(
        notice('Plan implementation is not available: unexpected answer.', 'error'),
      );
    }),
    ...sections.map(async (section) => {
      section.body.setAttribute('aria-busy', 'true');
      let content;
      try {
        content = await section.render(section.body, state.asOf);
      } catch {
        content = notice(`The ${section.name} is not available: unexpected answer.`, 'error');
      }
      if (mine !== generation) return;
      section.body.replaceChildren(content);
      section.body.removeAttribute('aria-busy');
    }),
  ]);
  if (mine !== generation) return;
  state.plan = plan.current();
  main.dataset.asOf = state.asOf ?? 'now';
  main.setAttribute('aria-busy', 'false');
}

function showPicker() {
  const picker = pickerFor(state.asOf);
  dateInput.value = picker.date;
  if (picker.mode) for (const input of modeInputs) input.checked = input.value === picker.mode;
}

function chosenMode() {
  return modeInputs.find((input) => input.checked)?.value ?? 'recorded';
}

function remember(how) {
  const query = new URLSearchParams();
  if (state.asOf) query.set('asOf', state.asOf);
  if (state.plan) query.set('plan', state.plan);
  const address = `${location.pathname}${query.size > 0 ? `?${query}` : ''}`;
  if (how === 'push') history.pushState(null, '', address);
  else history.replaceState(null, '', address);
}

function applyAsOf(asOf) {
  if (asOf === state.asOf) return;
  state.asOf = asOf;
  remember('push');
  void renderAll();
}

// Typing a date changes it once per keystroke; wait until the typing pauses.
let typing = null;
dateInput.addEventListener('change', () => {
  window.clearTimeout(typing);
  typing = window.setTimeout(() => {
    if (dateInput.value === '') applyAsOf(null);
    else applyAsOf(asOfFrom(dateInput.value, chosenMode()) ?? state.asOf);
  }, 250);
});
for (const input of modeInputs) {
  input.addEventListener('change', () => {
    if (dateInput.value !== '') applyAsOf(asOfFrom(dateInput.value, chosenMode()));
  });
}
byId('as-of-now').addEventListener('click', () => {
  dateInput.value = '';
  applyAsOf(null);
});
byId('as-of-form').addEventListener('submit', (event) => event.preventDefault());
window.addEventListener('popstate', () => {
  state.asOf = asOfFromSearch(location.search);
  state.plan = new URLSearchParams(location.search).get('plan') ?? state.plan;
  void renderAll();
});

// The identity is settled first (a token kept in this tab is checked), then everything renders;
// signing in or out renders every section again for the new caller.
void identityControl({
  details: byId('sign-in'),
  form: byId('sign-in-form'),
  input: byId('token-input'),
  status: byId('identity-status'),
  signOut: byId('sign-out'),
  onChange: () => void renderAll(),
}).then(() => renderAll());
