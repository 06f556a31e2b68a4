import { Writable } from 'node:stream';
import type { SseProbeSample } from './delivery.options.js';
import { SseParser } from './sse-framing.js';
import { SseSession, type SseResponse } from './sse-session.js';

/** A response whose client reads only when told to: `take()` drains what is buffered. */
class FakeResponse extends Writable {
  readonly received: string[] = [];
  private pending: (() => void)[] = [];
  reading = false;

  constructor() {
    super({ highWaterMark: 1024, decodeStrings: false });
  }

  writeHead(): this {
    return this;
  }

  override _write(
    chunk: Buffer | string,
    _encoding: BufferEncoding,
    done: (error?: Error | null) => void,
  ): void {
    this.received.push(String(chunk));
    if (this.reading) done();
    else this.pending.push(() => done());
  }

  take(): void {
    this.reading = true;
    for (const done of this.pending.splice(0)) done();
  }
}

const options = (probe: (sample: SseProbeSample) => void) => ({
  heartbeatMs: 0,
  maxBufferedBytes: 4096,
  drainTimeoutMs: 50,
  closeGraceMs: 1000,
  retryMs: 1000,
  probe,
});

const message = (position: number) => `id: ${position}\nevent: Test\ndata: ${'x'.repeat(300)}\n\n`;

describe('a Server-Sent Events session', () => {
  it('stops writing when the client does not drain, then sends overflow with the last id and closes', async () => {
    const res = new FakeResponse();
    const samples: SseProbeSample[] = [];
    const session = new SseSession(
      res as unknown as SseResponse,
      options((s) => samples.push(s)),
      0,
    );
    session.start();
    let delivered = 0;
    for (let position = 1; position <= 100; position++) {
      if (!(await session.deliver(message(position), position))) break;
      delivered = position;
    }
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThan(100);
    expect(session.open).toBe(false);
    expect(Math.max(...samples.map((s) => s.writableLength))).toBeLessThanOrEqual(4096);
    res.take();
    const messages = new SseParser().push(res.received.join(''));
    expect(messages.map((m) => m.id).filter(Boolean)).toEqual(
      Array.from({ length: delivered }, (_, n) => String(n + 1)),
    );
    const last = messages.at(-1)!;
    expect(last.event).toBe('overflow');
    expect(JSON.parse(last.data)).toMatchObject({ lastEventId: delivered, resumeAfter: delivered });
    expect(samples.at(-1)).toMatchObject({ kind: 'overflow', lastEventId: delivered });
  });

  it('delivers everything to a client that keeps reading', async () => {
    const res = new FakeResponse();
    res.take();
    const session = new SseSession(
      res as unknown as SseResponse,
      options(() => undefined),
      0,
    );
    session.start();
    for (let position = 1; position <= 100; position++) {
      expect(await session.deliver(message(position), position)).toBe(true);
    }
    session.end('bye');
    const ids = new SseParser()
      .push(res.received.join(''))
      .map((m) => m.id)
      .filter(Boolean);
    expect(ids).toHaveLength(100);
  });

  it('resumes from where the client started when overflow comes before any event', async () => {
    const res = new FakeResponse();
    const session = new SseSession(
      res as unknown as SseResponse,
      options(() => undefined),
      17,
    );
    session.start();
    const big = `id: 18\nevent: Test\ndata: ${'y'.repeat(10_000)}\n\n`;
    // The first event is written alone into an empty buffer, the second cannot fit.
    expect(await session.deliver(message(18).replace('x', 'x'), 18)).toBe(true);
    expect(await session.deliver(big, 19)).toBe(false);
    res.take();
    const last = new SseParser().push(res.received.join('')).at(-1)!;
    expect(JSON.parse(last.data)).toMatchObject({ lastEventId: 18, resumeAfter: 18 });
  });
});
