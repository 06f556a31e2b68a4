import type { RecordedEvent } from '../envelope.js';
import { canonicalEvent, canonicalJson, chainHash, GENESIS_HASH } from '../sqlite/event-hash.js';

/**
 * The audit chain of the embedded store (DESIGN §8) computed over any log read through the
 * port: event N of the log (counted from 1, whatever the store's own positions are) gets
 * `SHA-256(hash of N-1 || canonical bytes with position N)`. On a SQLite log this is exactly the
 * stored `hash` column; on an EventStoreDB log it is the chain the same events would have once
 * copied to SQLite, so two logs with equal chains hold the same bytes in the same order.
 */
export class LogChain {
  private last = GENESIS_HASH;
  private count = 0;

  /** Adds the next event of the log; returns its canonical bytes and its hash. */
  push(event: RecordedEvent): { readonly canonical: string; readonly hash: string } {
    this.count++;
    const canonical = canonicalEvent({
      type: event.type,
      schemaVersion: event.schemaVersion,
      canonicalData: canonicalJson(event.data),
      canonicalMetadata: canonicalJson(event.metadata),
      stream: event.stream,
      revision: event.revision,
      position: this.count,
    });
    this.last = chainHash(this.last, canonical);
    return { canonical, hash: this.last };
  }

  /** How many events the chain covers. */
  get length(): number {
    return this.count;
  }

  /** The hash of the last event (the genesis hash when empty). */
  get head(): string {
    return this.last;
  }
}
