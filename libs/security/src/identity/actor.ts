import type { Actor } from '#event-store';

/** The roles a caller can hold (DESIGN.md §7); `anonymous` is the caller without credentials. */
export const ROLES = ['secretariat', 'focal-point', 'auditor', 'service', 'anonymous'] as const;
export type Role = (typeof ROLES)[number];

/** Roles a token may carry (anonymous is never issued; service comes from API keys or tokens). */
export const TOKEN_ROLES: readonly Role[] = ['secretariat', 'focal-point', 'auditor', 'service'];

/** The caller of a request that carries no credentials. */
export const ANONYMOUS: Actor = Object.freeze({ id: 'anonymous', role: 'anonymous', state: null });

/** A member or observer state code (ISO 3166 alpha-2, or a user-assigned code such as XC). */
export const STATE_CODE = /^[A-Z]{2}$/;

/** An actor id: 1-200 characters, none of them a control character. */
export function isUsableActorId(id: unknown): id is string {
  if (typeof id !== 'string' || id.length < 1 || id.length > 200) return false;
  for (let i = 0; i < id.length; i++) {
    const code = id.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

/** A request once identified: the guard puts the verified caller on it. */
export interface IdentifiedRequest {
  actor?: Actor;
}

/**
 * The verified caller of an HTTP request, as the security guard put it on the request; the
 * anonymous actor when there is none. Every read endpoint asks this, never the headers.
 */
export function callerOf(request: unknown): Actor {
  const actor = (request as IdentifiedRequest | null | undefined)?.actor;
  return actor ?? ANONYMOUS;
}

export function isAnonymous(actor: Actor): boolean {
  return actor.role === 'anonymous';
}
