import type { RecordedEvent } from '#event-store';

/** The envelope as the feed gives it: the stored event, field by field. */
export interface FeedEvent {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: RecordedEvent['metadata'];
}

export function toFeedEvent(event: RecordedEvent): FeedEvent {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    stream: event.stream,
    revision: event.revision,
    position: event.position,
    data: event.data,
    metadata: event.metadata,
  };
}

/** A field value may not hold a line break: it would end the field. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

/**
 * One Server-Sent Events message per event: `id:` is the global position (what the client
 * sends back as `Last-Event-ID`), `event:` the event type, `data:` the envelope as one line of
 * JSON (JSON.stringify escapes every line break inside strings).
 */
export function eventMessage(event: RecordedEvent): string {
  return `id: ${event.position}\nevent: ${oneLine(event.type)}\ndata: ${JSON.stringify(toFeedEvent(event))}\n\n`;
}

/** A comment: ignored by clients, keeps proxies and the client's idle timer from closing the connection. */
export function commentMessage(text: string): string {
  return `: ${oneLine(text)}\n\n`;
}

/** Tells EventSource clients how long to wait before reconnecting. */
export function retryMessage(ms: number): string {
  return `retry: ${Math.max(0, Math.trunc(ms))}\n\n`;
}

/** The body of the `overflow` message. */
export interface OverflowNotice {
  readonly reason: 'slow-consumer';
  /** Position of the last event delivered on this connection; `null` when none was. */
  readonly lastEventId: number | null;
  /** Where to resume: reconnect with `Last-Event-ID: <resumeAfter>` (or `?after=`). */
  readonly resumeAfter: number;
  readonly detail: string;
}

/**
 * The last message of a connection the client did not drain. It carries no `id:`, so the
 * client's last event id stays that of the last event it received.
 */
export function overflowMessage(lastEventId: number | null, resumeAfter: number): string {
  const notice: OverflowNotice = {
    reason: 'slow-consumer',
    lastEventId,
    resumeAfter,
    detail: 'the client did not read fast enough; reconnect with Last-Event-ID to resume',
  };
  return `event: overflow\ndata: ${JSON.stringify(notice)}\n\n`;
}

/** Room kept in the write buffer for the overflow message, whatever was buffered before it. */
export const OVERFLOW_RESERVE = 512;

/** One message parsed back from the stream (the client side of the framing; tests, examples). */
export interface SseMessage {
  readonly id?: string;
  readonly event: string;
  readonly data: string;
}

/**
 * Incremental parser of an event stream (WHATWG HTML §9.2.6): feed it text as it arrives; it
 * returns the messages completed by a blank line. Comments and `retry:` are skipped.
 */
export class SseParser {
  private buffer = '';
  private id: string | undefined;
  private event = '';
  private data: string[] = [];

  push(text: string): SseMessage[] {
    this.buffer += text;
    const messages: SseMessage[] = [];
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) !== -1) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      if (line === '') {
        if (this.data.length > 0 || this.event !== '') {
          messages.push({
            ...(this.id !== undefined ? { id: this.id } : {}),
            event: this.event || 'message',
            data: this.data.join('\n'),
          });
        }
        this.id = undefined;
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'id') this.id = value;
      else if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
    }
    return messages;
  }
}
