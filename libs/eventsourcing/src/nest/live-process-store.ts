import type { Database } from 'better-sqlite3';
import type { ProcessFailure } from '../process-managers/process-manager.js';
import { ProcessStore } from '../process-managers/process-store.js';

/**
 * The process managers' checkpoints and refusals in whichever read-model database is live: a
 * blue/green rebuild carries their tables over to the new database and swaps it in, so the store
 * is looked up again (its statements are bound to one database) on every call.
 */
export class LiveProcessStore extends ProcessStore {
  private readonly stores = new WeakMap<Database, ProcessStore>();

  constructor(private readonly live: () => Database) {
    super(live());
  }

  override checkpoint(name: string): number {
    return this.current().checkpoint(name);
  }

  override done(name: string, position: number, failures: readonly ProcessFailure[]): void {
    this.current().done(name, position, failures);
  }

  override failures(name: string): ProcessFailure[] {
    return this.current().failures(name);
  }

  override reset(name: string): void {
    this.current().reset(name);
  }

  private current(): ProcessStore {
    const db = this.live();
    let store = this.stores.get(db);
    if (!store) {
      store = new ProcessStore(db);
      this.stores.set(db, store);
    }
    return store;
  }
}
