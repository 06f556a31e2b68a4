import type { Actor, RecordedEvent, Visibility } from '#event-store';

/**
 * Who sees what (DESIGN §7, docs/visibility.md): every event and every read-model item
 * is `public` or `internal`. The Secretariat, auditors and the engine itself see everything; a
 * focal point sees public items and the internal items that concern its own state; services and
 * anonymous callers see public items only. This file is the one place that says so: the feeds,
 * webhooks and every read-model query ask it.
 */
export interface Viewer {
  /** Sees internal items of every state. */
  readonly all: boolean;
  /** Sees the internal items that concern this state (a focal point's). */
  readonly state: string | null;
}

/** Public items only: services, anonymous callers, and whoever is not known. */
export const PUBLIC_VIEWER: Viewer = Object.freeze({ all: false, state: null });
/** Everything: the Secretariat, auditors, the engine's own processes, offline operators. */
export const FULL_VIEWER: Viewer = Object.freeze({ all: true, state: null });

const SEE_ALL: ReadonlySet<Actor['role']> = new Set(['secretariat', 'auditor', 'system']);

/** The viewer an actor is; no actor (or an unknown role) sees public items only. */
export function viewerOf(actor: Pick<Actor, 'role' | 'state'> | null | undefined): Viewer {
  if (!actor) return PUBLIC_VIEWER;
  if (SEE_ALL.has(actor.role)) return FULL_VIEWER;
  if (actor.role === 'focal-point' && typeof actor.state === 'string' && STATE_CODE.test(actor.state)) {
    return { all: false, state: actor.state };
  }
  return PUBLIC_VIEWER;
}

/** An item as a read model keeps it: its visibility and the states it concerns. */
export interface VisibleItem {
  readonly visibility: Visibility | string | null;
  /** The states it concerns: an array, or its JSON text as stored in a row. */
  readonly states: readonly string[] | string | null;
}

/** Whether the viewer may see an item. Anything but `public` counts as internal. */
export function canSeeItem(viewer: Viewer, item: VisibleItem): boolean {
  if (viewer.all || item.visibility === 'public') return true;
  if (viewer.state === null || item.states === null) return false;
  const states = typeof item.states === 'string' ? parseStates(item.states) : item.states;
  return states.includes(viewer.state);
}

/** Whether the actor (or viewer) may see the event: its metadata visibility and the states it concerns. */
export function canSee(
  who: Viewer | Pick<Actor, 'role' | 'state'> | null | undefined,
  event: Pick<RecordedEvent, 'stream' | 'data' | 'metadata'>,
): boolean {
  const viewer = who && 'all' in who ? who : viewerOf(who);
  if (viewer.all || event.metadata?.visibility === 'public') return true;
  return viewer.state !== null && statesOf(event).has(viewer.state);
}

/**
 * The SQL condition a read-model query adds for the viewer, on a row with `visibility` and
 * `states` (a JSON array) columns; bind `visibilityParams(viewer)` with it (named parameters
 * `@viewAll`, `@viewState`). `alias` is the table's alias in the query, if any.
 */
export function visibleSql(alias?: string): string {
  const a = alias ? `${alias}.` : '';
  return `(@viewAll = 1 OR ${a}visibility = 'public' OR (@viewState IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(${a}states) WHERE value = @viewState)))`;
}

export function visibilityParams(viewer: Viewer): { viewAll: 0 | 1; viewState: string | null } {
  return { viewAll: viewer.all ? 1 : 0, viewState: viewer.all ? null : viewer.state };
}

/** A state's code as the domain writes it: two capital letters (`UZ`, `TR`, `XC`). */
export const STATE_CODE = /^[A-Z]{2}$/;

const SINGLE = /^(state|[a-z][A-Za-z0-9]*State)$/; // state, leadState, hostState, …
const LIST = /^(states|[a-z][A-Za-z0-9]*States)$/; // participatingStates, adoptingStates, …
const MAX_DEPTH = 6;

/**
 * The states an event concerns:
 * - the acting state, `metadata.actor.state`;
 * - the state whose own stream it is in (`state-UZ`);
 * - in `data`, at any depth (objects and arrays, such as protocol `parties` or a follow-up's
 *   `assignee`): every string under a key `state` or ending in `State` (`leadState`,
 *   `hostState`), every string in an array under a key `states` or ending in `States`
 *   (`participatingStates`, `adoptingStates`, `accreditedMemberStates`), and the `code` of an
 *   object under such a key (state facts `{ code, … }`).
 * Only values that look like state codes count (see `STATE_CODE`).
 */
export function statesOf(event: Pick<RecordedEvent, 'stream' | 'data' | 'metadata'>): Set<string> {
  const found = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string' && STATE_CODE.test(value)) found.add(value);
  };
  add(event.metadata?.actor?.state);
  if (event.stream.startsWith('state-')) add(event.stream.slice('state-'.length));
  walk(event.data, 0, add);
  return found;
}

/** Whether the event concerns the state (see `statesOf`). */
export function concernsState(
  event: Pick<RecordedEvent, 'stream' | 'data' | 'metadata'>,
  state: string,
): boolean {
  return statesOf(event).has(state);
}

function walk(value: unknown, depth: number, add: (code: unknown) => void): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) walk(item, depth + 1, add);
    return;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (SINGLE.test(key)) {
      add(child);
      if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
        add((child as Record<string, unknown>).code);
      }
    } else if (LIST.test(key) && Array.isArray(child)) {
      for (const item of child) {
        add(item);
        if (item !== null && typeof item === 'object') add((item as Record<string, unknown>).code);
      }
    }
    walk(child, depth + 1, add);
  }
}

function parseStates(json: string): string[] {
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The caller the identity layer verified for a framework request (`request.actor`); null when
 * there is none, which counts as anonymous.
 */
export function actorOfRequest(request: unknown): Actor | null {
  const actor = (request as { actor?: Actor } | null)?.actor;
  return actor && typeof actor === 'object' && typeof actor.role === 'string' ? actor : null;
}
