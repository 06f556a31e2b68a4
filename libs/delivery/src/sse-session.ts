import type { ServerResponse } from 'node:http';
import type { ResolvedDeliveryOptions } from './delivery.options.js';
import { commentMessage, OVERFLOW_RESERVE, overflowMessage, retryMessage } from './sse-framing.js';

/** What a session needs of the connection: Node's `ServerResponse` (Fastify's `reply.raw`). */
export type SseResponse = Pick<
  ServerResponse,
  | 'writeHead'
  | 'write'
  | 'end'
  | 'destroy'
  | 'on'
  | 'once'
  | 'off'
  | 'writableLength'
  | 'writableNeedDrain'
  | 'writableEnded'
  | 'destroyed'
> & { flushHeaders?: () => void };

type SessionOptions = Pick<
  ResolvedDeliveryOptions,
  'heartbeatMs' | 'maxBufferedBytes' | 'drainTimeoutMs' | 'closeGraceMs' | 'retryMs' | 'probe'
>;

let sessions = 0;

/**
 * One Server-Sent Events connection, written with back-pressure: a message is written only
 * when it fits in `maxBufferedBytes` together with what the connection still holds; otherwise
 * the session waits for the client to drain, at most `drainTimeoutMs`, and then sends
 * `event: overflow` and closes. It never holds more than the bound (plus one event larger
 * than the bound, written alone into an empty buffer so that every event can be delivered).
 */
export class SseSession {
  readonly id = ++sessions;
  private bytes = 0;
  private last: number | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private graceTimer: NodeJS.Timeout | null = null;
  private waiting = false;
  private finished = false;
  private readonly closeListeners: (() => void)[] = [];
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly res: SseResponse,
    private readonly options: SessionOptions,
    /** Where the client asked to start: the resume point until an event is delivered. */
    private readonly startAfter: number,
  ) {
    res.on('close', () => this.closed());
    res.on('drain', () => this.wake());
  }

  /** Position of the last event written on this connection. */
  get lastEventId(): number | null {
    return this.last;
  }

  get bytesWritten(): number {
    return this.bytes;
  }

  /** `false` once the client left, the session overflowed or the server ended it. */
  get open(): boolean {
    return !this.finished;
  }

  onClose(listener: () => void): void {
    if (this.finished) listener();
    else this.closeListeners.push(listener);
  }

  /** Sends the headers, the advised retry delay, and starts the heartbeat. */
  start(): void {
    this.res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      // One response per connection: ending the feed (overflow, shutdown) closes the socket.
      connection: 'close',
      'x-accel-buffering': 'no',
    });
    this.res.flushHeaders?.();
    this.writeNow(retryMessage(this.options.retryMs) + commentMessage('kurultai event feed'));
    if (this.options.heartbeatMs > 0) {
      this.heartbeat = setInterval(() => this.beat(), this.options.heartbeatMs);
      this.heartbeat.unref();
    }
  }

  /**
   * Writes one event's message once it fits; resolves `false` when the session is over
   * (client gone, overflow, shutdown) and the caller must stop.
   */
  async deliver(message: string, position: number): Promise<boolean> {
    if (this.finished) return false;
    const size = Buffer.byteLength(message);
    if (!this.fits(size)) {
      const drained = await this.waitUntil(() => this.fits(size));
      if (this.finished) return false;
      if (!drained) {
        this.overflow();
        return false;
      }
    }
    this.writeNow(message);
    this.last = position;
    this.report('write');
    return true;
  }

  /** Ends the connection: an optional last comment, then the end of the response. */
  end(comment?: string): void {
    if (this.finished) return;
    if (comment !== undefined && this.fits(Buffer.byteLength(comment) + 4))
      this.writeNow(commentMessage(comment));
    this.finish();
  }

  private fits(size: number): boolean {
    const buffered = this.res.writableLength;
    if (buffered === 0 && !this.res.writableNeedDrain) return true;
    return !this.res.writableNeedDrain && buffered + size + OVERFLOW_RESERVE <= this.options.maxBufferedBytes;
  }

  private overflow(): void {
    if (this.finished) return;
    this.writeNow(overflowMessage(this.last, this.last ?? this.startAfter));
    this.report('overflow');
    this.finish();
  }

  private beat(): void {
    const message = commentMessage('heartbeat');
    if (this.finished || this.waiting || !this.fits(Buffer.byteLength(message))) return;
    this.writeNow(message);
  }

  private writeNow(text: string): void {
    if (this.res.writableEnded || this.res.destroyed) return;
    this.bytes += Buffer.byteLength(text);
    this.res.write(text);
  }

  /** Resolves true once `ready()` holds, false after `drainTimeoutMs` or when the session ends. */
  private waitUntil(ready: () => boolean): Promise<boolean> {
    this.waiting = true;
    return new Promise<boolean>((resolve) => {
      const settle = (value: boolean): void => {
        clearTimeout(timer);
        clearInterval(poll);
        this.wakers.delete(check);
        this.waiting = false;
        resolve(value);
      };
      const check = (): void => {
        if (this.finished) settle(false);
        else if (ready()) settle(true);
      };
      const timer = setTimeout(() => settle(ready() && !this.finished), this.options.drainTimeoutMs);
      // 'drain' only follows a write that returned false; below the high-water mark, look again now and then.
      const poll = setInterval(check, 25);
      this.wakers.add(check);
      check();
    });
  }

  private wake(): void {
    for (const waker of [...this.wakers]) waker();
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.stopHeartbeat();
    this.res.end();
    // A client that stopped reading may never take the last bytes: do not hold its socket forever.
    this.graceTimer = setTimeout(() => this.res.destroy(), this.options.closeGraceMs);
    this.graceTimer.unref();
    this.notifyClosed();
  }

  private closed(): void {
    if (this.graceTimer) clearTimeout(this.graceTimer);
    if (this.finished) return;
    this.finished = true;
    this.stopHeartbeat();
    this.report('close');
    this.notifyClosed();
  }

  private notifyClosed(): void {
    this.wake();
    for (const listener of this.closeListeners.splice(0)) listener();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private report(kind: 'write' | 'overflow' | 'close'): void {
    this.options.probe?.({
      session: this.id,
      kind,
      writableLength: this.res.writableLength,
      bytesWritten: this.bytes,
      lastEventId: this.last,
    });
  }
}
