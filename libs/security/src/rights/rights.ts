import type { Role } from '../identity/actor.js';
import type { ScopePolicy } from './scope-policies.js';

/** Who may use a command or a route; a focal point additionally passes its scope policy, if any. */
export interface Right {
  readonly allow: readonly Role[];
  /** For a focal point: the data-dependent rule (its state leads the activity, owns the institution...). */
  readonly focalPointScope?: ScopePolicy;
}

const right = (allow: readonly Role[], focalPointScope?: ScopePolicy): Right =>
  focalPointScope ? { allow, focalPointScope } : { allow };

export const EVERYONE: readonly Role[] = ['secretariat', 'focal-point', 'auditor', 'service', 'anonymous'];
export const IDENTIFIED: readonly Role[] = ['secretariat', 'focal-point', 'auditor', 'service'];
export const READERS_OF_EVERYTHING: readonly Role[] = ['secretariat', 'auditor'];

export const SECRETARIAT_ONLY = right(['secretariat']);
export const PUBLIC = right(EVERYONE);
export { right };
