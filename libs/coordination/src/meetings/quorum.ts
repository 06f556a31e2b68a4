import { MEMBER_STATES } from '../shared/states.js';

/**
 * A meeting convenes with a majority of the member states present (3 of 5). Observers attend
 * but are not counted, so callers pass member states only.
 */
export const MEETING_QUORUM = Math.floor(MEMBER_STATES.length / 2) + 1;

export function hasQuorum(memberStatesPresent: readonly string[]): boolean {
  return new Set(memberStatesPresent).size >= MEETING_QUORUM;
}
