/** One append waiting for the next group commit, and how to answer its caller. */
interface Pending<R, T> {
  readonly request: R;
  readonly resolve: (result: T) => void;
  readonly reject: (error: unknown) => void;
}

/** What the commit function says of one request: its result, or why only it was refused. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** The size of one committed group, for metrics. */
export interface GroupCommitted {
  /** Appends answered by the transaction (refused ones included). */
  readonly appends: number;
  /** Events the transaction wrote. */
  readonly events: number;
}

/**
 * Group commit: requests submitted while the event loop is busy (concurrent commands reach their
 * append in the same turn) wait until the current turn ends and are then committed together in
 * one transaction, at most `maxBatch` per transaction. `commit` answers each request on its own
 * (one refusal fails only that request); if it throws, the transaction did not commit and every
 * request of the group gets the error. Callers are answered only after `commit` has returned,
 * that is after COMMIT.
 */
export class GroupCommit<R, T> {
  private queue: Pending<R, T>[] = [];
  private scheduled = false;

  constructor(
    private readonly commit: (requests: readonly R[]) => readonly Outcome<T>[],
    private readonly maxBatch: number,
  ) {}

  submit(request: R): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  /** Commits everything queued now (also called by `close`, so nothing submitted is dropped). */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, this.maxBatch);
      let outcomes: readonly Outcome<T>[];
      try {
        outcomes = this.commit(group.map((pending) => pending.request));
      } catch (error) {
        for (const pending of group) pending.reject(error);
        continue;
      }
      group.forEach((pending, index) => {
        const outcome = outcomes[index];
        if (outcome.ok) pending.resolve(outcome.value);
        else pending.reject(outcome.error);
      });
    }
  }
}
