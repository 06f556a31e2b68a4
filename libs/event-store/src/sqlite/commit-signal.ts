/**
 * Tells live subscriptions that this store instance committed, so they read at once instead
 * of waiting for their next poll. The version lets a reader notice a commit that happened
 * between its last read and the moment it starts waiting.
 */
export class CommitSignal {
  private currentVersion = 0;
  private readonly listeners = new Set<() => void>();

  get version(): number {
    return this.currentVersion;
  }

  notify(): void {
    this.currentVersion++;
    for (const listener of [...this.listeners]) listener();
  }

  /** Calls `listener` on every later commit until the returned function is called. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
