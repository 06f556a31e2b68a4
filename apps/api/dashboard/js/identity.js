/* global sessionStorage, fetch */
// Who the dashboard speaks for. Without a token it reads as the public (public items only); a
// Secretariat officer or auditor signs in with a bearer token (`kurultai token issue`, or one
// from the identity provider), kept in this tab's sessionStorage only and sent as
// `Authorization: Bearer`. The engine says who the token stands for (GET /api/identity); the
// page never trusts what the token itself claims.

const KEY = 'kurultai.token';

/** The caller the engine confirmed for the kept token; the public until then. */
let confirmed = { id: 'anonymous', role: 'anonymous', state: null };

/** Who the page speaks for, as the engine confirmed it. */
export function currentCaller() {
  return confirmed;
}

export function currentToken() {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function keep(token) {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the sign-in lasts until the page is left.
  }
}

/** The headers that carry the signed-in identity, if any. */
export function authorization() {
  const token = currentToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Asks the engine who a token stands for: `{ ok, caller }` or `{ ok: false, reason }`. */
async function whoIs(token) {
  try {
    const response = await fetch('/api/identity', {
      headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      credentials: 'same-origin',
    });
    const body = await response.json().catch(() => null);
    if (response.ok && body && typeof body.role === 'string') return { ok: true, caller: body };
    return { ok: false, reason: body?.detail ?? `the engine answered ${response.status}` };
  } catch {
    return { ok: false, reason: 'the engine could not be reached' };
  }
}

const ROLE_NAMES = {
  secretariat: 'Secretariat',
  'focal-point': 'focal point',
  auditor: 'auditor',
  service: 'service',
};

function describe(caller) {
  const role = ROLE_NAMES[caller.role] ?? caller.role;
  return `Signed in as ${caller.id} (${role}${caller.state ? ` of ${caller.state}` : ''}).`;
}

/**
 * Wires the sign-in control; `onChange` runs after every change of identity (the page re-renders).
 * Resolves once a token kept from earlier in this tab has been checked.
 */
export async function identityControl({ form, input, status, signOut, details, onChange }) {
  const show = (text, caller) => {
    const signedIn = caller.role !== 'anonymous';
    confirmed = caller;
    status.textContent = text;
    details.hidden = signedIn;
    signOut.hidden = !signedIn;
  };
  const showPublic = (why) =>
    show(`${why ? `${why} ` : ''}Public view: sign in to see internal items and the audit timeline.`, {
      id: 'anonymous',
      role: 'anonymous',
      state: null,
    });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (token === '') {
      status.textContent = 'Paste an access token to sign in.';
      input.focus();
      return;
    }
    const answer = await whoIs(token);
    if (!answer.ok || answer.caller.role === 'anonymous') {
      status.textContent = `The token was refused: ${answer.reason ?? 'it names no one'}.`;
      input.select();
      return;
    }
    keep(token);
    input.value = '';
    details.open = false;
    show(describe(answer.caller), answer.caller);
    onChange();
  });
  signOut.addEventListener('click', () => {
    keep(null);
    showPublic('Signed out.');
    onChange();
  });

  const kept = currentToken();
  if (!kept) return showPublic('');
  const answer = await whoIs(kept);
  if (answer.ok && answer.caller.role !== 'anonymous') return show(describe(answer.caller), answer.caller);
  keep(null);
  showPublic(`The sign-in ended: ${answer.reason}.`);
}
