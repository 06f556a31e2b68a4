import { request, type ClientRequest } from 'node:http';

/** One Server-Sent Events client of the benchmark: when each event arrived, by global position. */
export interface Subscriber {
  /** Position → arrival (Date.now(), the clock the engine stamps `recordedAt` with). */
  readonly arrivals: Map<number, number>;
  /** Position → the engine's `metadata.recordedAt`, in epoch milliseconds. */
  readonly recorded: Map<number, number>;
  /** Positions in the order they arrived (to check order and duplicates). */
  readonly order: number[];
  close(): void;
}

/**
 * Opens `count` connections to `/api/events/stream` and resolves once every one has its response
 * (the engine answers the headers before any event). Messages are split on blank lines; only
 * `id:` and `data:` are read, which is all the measurement needs.
 */
export async function subscribe(
  url: string,
  headers: Record<string, string>,
  query: string,
  count: number,
): Promise<Subscriber[]> {
  return Promise.all(Array.from({ length: count }, () => open(url, headers, query)));
}

function open(url: string, headers: Record<string, string>, query: string): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const arrivals = new Map<number, number>();
    const recorded = new Map<number, number>();
    const order: number[] = [];
    let buffer = '';
    const req: ClientRequest = request(
      `${url}/api/events/stream?${query}`,
      { headers: { ...headers, accept: 'text/event-stream' } },
      (response) => {
        if (response.statusCode !== 200) {
          reject(new Error(`the event stream answered ${response.statusCode}`));
          response.resume();
          return;
        }
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          const now = Date.now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const id = /^id: (\d+)$/m.exec(message);
            const data = /^data: (.*)$/m.exec(message);
            if (!id || !data) continue;
            const position = Number(id[1]);
            const envelope = JSON.parse(data[1]) as { metadata: { recordedAt: string } };
            arrivals.set(position, now);
            recorded.set(position, Date.parse(envelope.metadata.recordedAt));
            order.push(position);
          }
        });
        resolve({ arrivals, recorded, order, close: () => req.destroy() });
      },
    );
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
    req.end();
  });
}

/** The value below which `q` of the sorted values fall (nearest rank). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
