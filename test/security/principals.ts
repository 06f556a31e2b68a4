import {
  COMMAND_RIGHTS,
  ROUTE_RIGHTS,
  rightOf,
  UNKNOWN_COMMAND_RIGHT,
  type Right,
  type Role,
} from '#security';
import type { Caller } from '../support/engine.js';

/** The callers of the authorization matrix: every role, and a focal point of the right and of another state. */
export type Principal =
  | 'secretariat'
  | 'focal-point (own state)'
  | 'focal-point (other state)'
  | 'auditor'
  | 'service'
  | 'anonymous';

export const PRINCIPALS: readonly Principal[] = [
  'secretariat',
  'focal-point (own state)',
  'focal-point (other state)',
  'auditor',
  'service',
  'anonymous',
];

/** The entity a command acts on in the matrix, and the state it belongs to (from the bundled scenario). */
export interface Target {
  readonly body: Record<string, unknown>;
  readonly ownState: string;
  readonly otherState: string;
}

export function callerOf(principal: Principal, target: Pick<Target, 'ownState' | 'otherState'>): Caller {
  switch (principal) {
    case 'secretariat':
      return { role: 'secretariat', sub: 'matrix-secretariat' };
    case 'focal-point (own state)':
      return { role: 'focal-point', state: target.ownState, sub: `matrix-fp-${target.ownState}` };
    case 'focal-point (other state)':
      return { role: 'focal-point', state: target.otherState, sub: `matrix-fp-${target.otherState}` };
    case 'auditor':
    case 'service':
      return { role: principal, sub: `matrix-${principal}` };
    case 'anonymous':
      return 'anonymous';
  }
}

function roleOf(principal: Principal): Role {
  return principal.startsWith('focal-point') ? 'focal-point' : (principal as Role);
}

/**
 * What the one rights table says for a principal: allowed, or the exact refusal (401 for an
 * anonymous caller, 403 for anyone else). A focal point of another state fails every scope policy.
 */
export function expectedOf(right: Right, principal: Principal): 'allowed' | 401 | 403 {
  const role = roleOf(principal);
  if (!right.allow.includes(role)) return role === 'anonymous' ? 401 : 403;
  if (principal === 'focal-point (other state)' && right.focalPointScope) return 403;
  return 'allowed';
}

export const commandRight = (type: string): Right => COMMAND_RIGHTS[type] ?? UNKNOWN_COMMAND_RIGHT;

/** Every declared route, as `[method, pattern, right]`. */
export const routeEntries = (): [string, string, Right][] =>
  Object.entries(ROUTE_RIGHTS).map(([key, right]) => {
    const [method, pattern] = key.split(' ');
    return [method, pattern, right];
  });

/** A concrete URL for a route pattern (parameters filled with ids of the scenario or placeholders). */
export function urlOf(pattern: string, samples: Readonly<Record<string, string>>): string {
  return pattern
    .replace(/:([A-Za-z]+)/g, (_, name: string) => samples[name] ?? 'no-such-id')
    .replace('*', 'no-such-row');
}

export { rightOf };
