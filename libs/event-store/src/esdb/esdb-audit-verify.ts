import {
  FORWARDS,
  START,
  type EventStoreDBClient,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { chainHash } from '../sqlite/event-hash.js';
import { canonicalStreamEvent, GENESIS_HASH } from './esdb-audit-chain.js';
import { auditLinkOf, toRecordedEvent } from './esdb-mapping.js';

/** What is wrong at one event of a stream's audit chain. */
export interface ChainProblem {
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  /**
   * `missing`: the event carries no audit link (written around the adapter);
   * `edited`: its hash does not cover its content; `unlinked`: its previous hash is not the hash
   * of the stream's event before it (an event was removed, inserted or reordered);
   * `gap`: its revision does not follow the one before it.
   */
  readonly problem: 'missing' | 'edited' | 'unlinked' | 'gap';
}

export interface ChainReport {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  /** The first problem of each stream that has one. */
  readonly problems: ChainProblem[];
}

const PAGE = 1_000;

/**
 * Walks `$all` and checks every stream's audit chain (DESIGN §8, one chain per stream on
 * EventStoreDB): each event's hash covers its canonical bytes and the previous hash of its stream.
 */
export async function verifyStreamChains(client: EventStoreDBClient): Promise<ChainReport> {
  const tips = new Map<string, { revision: number; hash: string; broken: boolean }>();
  const problems: ChainProblem[] = [];
  let events = 0;
  let from: Position | typeof START = START;
  let skipFirst = false;
  for (;;) {
    const page: ResolvedEvent[] = [];
    for await (const resolved of client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: PAGE }))
      page.push(resolved);
    const fresh = skipFirst ? page.slice(1) : page;
    for (const resolved of fresh) {
      const event = toRecordedEvent(resolved);
      if (!event) continue;
      events++;
      const tip = tips.get(event.stream) ?? { revision: -1, hash: GENESIS_HASH, broken: false };
      const link = auditLinkOf(resolved);
      const problem: ChainProblem['problem'] | null =
        event.revision !== tip.revision + 1
          ? 'gap'
          : !link
            ? 'missing'
            : link.prevHash !== tip.hash
              ? 'unlinked'
              : chainHash(link.prevHash, canonicalStreamEvent(event.stream, event.revision, event)) !==
                  link.hash
                ? 'edited'
                : null;
      if (problem && !tip.broken)
        problems.push({ stream: event.stream, revision: event.revision, position: event.position, problem });
      tips.set(event.stream, {
        revision: event.revision,
        hash: link?.hash ?? tip.hash,
        broken: tip.broken || problem !== null,
      });
    }
    const last = page.at(-1)?.event?.position;
    if (page.length < PAGE || !last) break;
    from = last;
    skipFirst = true;
  }
  return { ok: problems.length === 0, streams: tips.size, events, problems };
}
