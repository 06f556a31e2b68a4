import { performance } from 'node:perf_hooks';
import { percentile, subscribe, type Subscriber } from './sse-fanout-subscribers.js';

/** What one round of the fan-out measured. */
export interface RoundResult {
  readonly p50: number;
  readonly p99: number;
  readonly deliveriesPerSecond: number;
  readonly deliveries: number;
}

/** A round's pace: events appended per second, for so many seconds. */
export interface Pace {
  readonly rate: number;
  readonly seconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function logHead(url: string): Promise<number> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const response = await fetch(`${url}/health/ready`);
    const body = (await response.json()) as { headPosition?: number };
    if (response.status === 200 && typeof body.headPosition === 'number') return body.headPosition;
    if (Date.now() > deadline)
      throw new Error(`sse-fanout: the engine is not ready: ${JSON.stringify(body)}`);
    await sleep(100);
  }
}

/**
 * Sends one command; resolves with the position of its event. A connection lost on the way is
 * retried with the same Idempotency-Key, so the engine answers a retry with the first reply.
 */
async function append(url: string, headers: Record<string, string>, seriesId: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(`${url}/api/commands/DefineMeetingSeries`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': `sse-fanout.${seriesId}` },
        body: JSON.stringify({ seriesId, title: { en: `Fan-out series ${seriesId}` }, domain: 'fan-out' }),
      });
    } catch (error) {
      if (attempt < 3) continue;
      throw error;
    }
    const reply = (await response.json()) as { position?: number };
    if (response.status !== 200 || typeof reply.position !== 'number')
      throw new Error(
        `sse-fanout: DefineMeetingSeries answered ${response.status}: ${JSON.stringify(reply)}`,
      );
    return reply.position;
  }
}

/** Every client has every position, in log order and once; throws after `timeoutMs` otherwise. */
async function delivered(clients: readonly Subscriber[], positions: readonly number[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (clients.some((c) => c.order.length < positions.length)) {
    if (Date.now() > deadline) {
      const short = clients.filter((c) => c.order.length < positions.length).length;
      throw new Error(
        `sse-fanout: ${short} of ${clients.length} clients missed events after ${timeoutMs} ms`,
      );
    }
    await sleep(5);
  }
  const expected = JSON.stringify([...positions].sort((a, b) => a - b));
  for (const client of clients) {
    if (JSON.stringify(client.order) !== expected)
      throw new Error(`sse-fanout: a client received ${client.order.length} events out of order or twice`);
  }
}

/**
 * Opens `clients` subscribers at the head of the log, appends at the pace given, waits until every
 * subscriber has every event (in order, once) and measures commit-to-delivery.
 */
export async function round(
  url: string,
  headers: Record<string, string>,
  clients: number,
  sizes: Pace,
  tag: string,
): Promise<RoundResult> {
  const head = await logHead(url);
  const subscribers = await subscribe(url, headers, `after=${head}&types=MeetingSeriesDefined`, clients);
  try {
    const total = Math.max(1, Math.round(sizes.rate * sizes.seconds));
    const positions: number[] = [];
    const inFlight: Promise<void>[] = [];
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      const wait = start + (i * 1000) / sizes.rate - performance.now();
      if (wait > 0) await sleep(wait);
      inFlight.push(append(url, headers, `${tag}-${i}`).then((position) => void positions.push(position)));
    }
    await Promise.all(inFlight);
    await delivered(subscribers, positions, 60_000);
    const latencies: number[] = [];
    let firstCommit = Number.POSITIVE_INFINITY;
    let lastArrival = 0;
    for (const client of subscribers) {
      for (const position of positions) {
        const recorded = client.recorded.get(position)!;
        const arrived = client.arrivals.get(position)!;
        latencies.push(arrived - recorded);
        firstCommit = Math.min(firstCommit, recorded);
        lastArrival = Math.max(lastArrival, arrived);
      }
    }
    latencies.sort((a, b) => a - b);
    const deliveries = latencies.length;
    // Each side at least 1 ms: a median that rounds to 0 ms would make the ratio meaningless.
    return {
      p50: Math.max(1, percentile(latencies, 0.5)),
      p99: Math.max(1, percentile(latencies, 0.99)),
      deliveriesPerSecond: deliveries / (Math.max(1, lastArrival - firstCommit) / 1000),
      deliveries,
    };
  } finally {
    for (const subscriber of subscribers) subscriber.close();
  }
}
