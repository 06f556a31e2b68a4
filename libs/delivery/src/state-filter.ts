import type { RecordedEvent } from '#event-store';

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
