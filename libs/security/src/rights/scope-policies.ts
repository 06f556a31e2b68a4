import { activityStream, followUpStream, institutionStream } from '#coordination';
import { StreamNotFoundError, type Actor, type EventStore } from '#event-store';

/** What a scope policy gets: the focal point, the command body as sent, and the log to read facts from. */
export interface ScopeInput {
  readonly actor: Actor;
  readonly body: unknown;
  readonly store: EventStore;
}

/**
 * A data-dependent rule for a focal point: `null` when allowed, else the reason for the 403.
 * Policies read only facts that never change once recorded (an activity's lead state, an
 * institution's state, a follow-up's assignee), so the answer cannot go stale before the command runs.
 */
export interface ScopePolicy {
  readonly name: string;
  /** One line for the rights table in docs/security.md. */
  readonly description: string;
  check(input: ScopeInput): Promise<string | null>;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

function idField(body: unknown, field: string): string | null {
  const value = (body as Record<string, unknown> | null)?.[field];
  return typeof value === 'string' && ID.test(value) ? value : null;
}

/** The `data` of the first event of a stream (the creating event), or null when there is none. */
async function creation(store: EventStore, stream: string): Promise<Record<string, unknown> | null> {
  try {
    const [first] = await store.readStream(stream, { limit: 1 });
    return first ? (first.data as Record<string, unknown>) : null;
  } catch (error) {
    if (error instanceof StreamNotFoundError) return null;
    throw error;
  }
}

/** ReportProgress, StartActivity, CompleteActivity, PostponeActivity: the activity is led by the caller's state. */
export const activityLedByOwnState: ScopePolicy = {
  name: 'activity led by own state',
  description: 'only on activities its state leads',
  async check({ actor, body, store }) {
    const activityId = idField(body, 'activityId');
    const data = activityId ? await creation(store, activityStream(activityId)) : null;
    if (data && data.leadState === actor.state) return null;
    return `a focal point of ${actor.state} acts only on activities ${actor.state} leads; ${activityId ?? 'this activity'} is not one of them`;
  },
};

/** SignProtocol, DesignateSignatory: the signing party is an institution of the caller's state. */
export const institutionOfOwnState: ScopePolicy = {
  name: 'institution of own state',
  description: "only for its own state's institutions",
  async check({ actor, body, store }) {
    const institutionId = idField(body, 'institutionId');
    const data = institutionId ? await creation(store, institutionStream(institutionId)) : null;
    if (data && data.state === actor.state) return null;
    return `a focal point of ${actor.state} signs only for ${actor.state}'s institutions; ${institutionId ?? 'this institution'} is not one of them`;
  },
};

/** UpdateImplementationStatus: the follow-up is assigned to the caller's state. */
export const followUpOfOwnState: ScopePolicy = {
  name: 'follow-up of own state',
  description: 'only on follow-ups assigned to its state',
  async check({ actor, body, store }) {
    const followUpId = idField(body, 'followUpId');
    const data = followUpId ? await creation(store, followUpStream(followUpId)) : null;
    const assignee = data?.assignee as { state?: unknown } | undefined;
    if (assignee && assignee.state === actor.state) return null;
    return `a focal point of ${actor.state} updates only follow-ups assigned to ${actor.state}; ${followUpId ?? 'this follow-up'} is not one of them`;
  },
};
