import type { Actor, EventStore } from '#event-store';
import type { Right } from './rights.js';
import { rightOf } from './rights-table.js';
import { SECRETARIAT_ONLY } from './rights.js';

/** Why a caller may not do what it asked. */
export class AccessDenied extends Error {
  constructor(
    readonly reason: string,
    /** 401 when the caller is anonymous (credentials would help), 403 otherwise. */
    readonly status: 401 | 403,
  ) {
    super(reason);
    this.name = 'AccessDenied';
  }
}

/** What the authorizer needs to know of a request. */
export interface AccessRequest {
  readonly method: string;
  /** The route pattern as registered (`/api/plans/:id`), not the concrete URL. */
  readonly route: string;
  readonly body: unknown;
}

/** Applies the one rights table (and a focal point's scope policy) to a request. */
export class Authorizer {
  constructor(private readonly store: EventStore) {}

  /** Resolves when allowed; rejects with `AccessDenied` otherwise. */
  async authorize(actor: Actor, request: AccessRequest): Promise<void> {
    const right: Right = rightOf(request.method, request.route) ?? SECRETARIAT_ONLY;
    const what = `${request.method} ${request.route}`;
    if (!right.allow.includes(actor.role as never)) {
      if (actor.role === 'anonymous')
        throw new AccessDenied(`${what} needs an identity: send a bearer token or an API key`, 401);
      throw new AccessDenied(`the ${actor.role} role may not use ${what}`, 403);
    }
    if (actor.role === 'focal-point' && right.focalPointScope) {
      const reason = await right.focalPointScope.check({ actor, body: request.body, store: this.store });
      if (reason !== null) throw new AccessDenied(reason, 403);
    }
  }
}
