import type { RecordedEvent } from '../envelope.js';
import type { EventStore } from '../event-store.js';

/** The global log strictly after `after`, page by page: at most `pageSize` events in memory. */
export async function* logPages(
  store: EventStore,
  after: number,
  pageSize: number,
): AsyncGenerator<RecordedEvent[]> {
  let from = after;
  for (;;) {
    const page = await store.readAll({ after: from, limit: pageSize });
    if (page.length === 0) return;
    yield page;
    from = page[page.length - 1].position;
  }
}

/** The same log one event at a time (read a page ahead). */
export async function* logEvents(
  store: EventStore,
  after: number,
  pageSize: number,
): AsyncGenerator<RecordedEvent> {
  for await (const page of logPages(store, after, pageSize)) yield* page;
}
