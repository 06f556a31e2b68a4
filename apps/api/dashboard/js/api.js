/* global fetch, URLSearchParams */
import { authorization } from './identity.js';

// Every section reads the engine through this one function, so that a missing endpoint, an error
// answer or a network failure becomes a value the section can show, never an exception.

/**
 * GET a JSON resource of the engine, with `asOf` when the dashboard looks at the past.
 * Resolves to `{ ok: true, data }` or `{ ok: false, status, reason }`.
 */
export async function getJson(path, { asOf = null, params = {} } = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined) query.set(name, String(value));
  }
  if (asOf) query.set('asOf', asOf);
  const url = query.size > 0 ? `${path}?${query}` : path;
  let response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json', ...authorization() },
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, status: 0, reason: 'the engine could not be reached' };
  }
  const body = await response.json().catch(() => null);
  if (!response.ok || body === null) {
    const detail = body && typeof body === 'object' ? (body.detail ?? body.title) : null;
    return {
      ok: false,
      status: response.status,
      reason: detail ? String(detail) : `the engine answered ${response.status}`,
    };
  }
  return { ok: true, data: body };
}
