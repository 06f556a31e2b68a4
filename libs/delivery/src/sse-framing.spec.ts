import type { RecordedEvent } from '#event-store';
import { commentMessage, eventMessage, overflowMessage, retryMessage, SseParser } from './sse-framing.js';

const event = (position: number, data: Record<string, unknown> = {}): RecordedEvent => ({
  id: `id-${position}`,
  type: 'PlanAdopted',
  schemaVersion: 1,
  stream: 'plan-diaspora-2025',
  revision: position - 1,
  position,
  data,
  metadata: {
    actor: { id: 'secretariat', role: 'secretariat' },
    commandId: 'c',
    correlationId: 'c',
    causationId: null,
    occurredAt: '2025-01-01T00:00:00.000Z',
    recordedAt: '2025-01-01T00:00:00.000Z',
    visibility: 'public',
  },
});

describe('Server-Sent Events framing', () => {
  it('frames an event as id (position), event (type) and one data line (the envelope), ended by a blank line', () => {
    const message = eventMessage(event(42, { planId: 'diaspora-2025' }));
    const lines = message.split('\n');
    expect(lines.slice(0, 2)).toEqual(['id: 42', 'event: PlanAdopted']);
    expect(lines[2]).toMatch(/^data: \{/);
    expect(lines.slice(3)).toEqual(['', '']);
    expect(JSON.parse(lines[2]!.slice('data: '.length))).toEqual(event(42, { planId: 'diaspora-2025' }));
  });

  it('keeps line breaks inside the data from ending the message', () => {
    const message = eventMessage(event(7, { note: 'one\ntwo\r\nthree\u2028four' }));
    expect(message.split('\n')).toHaveLength(5);
    const [parsed] = new SseParser().push(message);
    expect(JSON.parse(parsed!.data).data.note).toBe('one\ntwo\r\nthree\u2028four');
  });

  it('writes comments, retry and overflow without an id, so the last event id stays', () => {
    expect(commentMessage('heartbeat')).toBe(': heartbeat\n\n');
    expect(commentMessage('a\nb')).toBe(': a b\n\n');
    expect(retryMessage(2000)).toBe('retry: 2000\n\n');
    const overflow = overflowMessage(12, 12);
    expect(overflow).not.toMatch(/^id:/m);
    const [parsed] = new SseParser().push(overflow);
    expect(parsed).toEqual({ event: 'overflow', data: expect.any(String) });
    expect(JSON.parse(parsed!.data)).toMatchObject({
      reason: 'slow-consumer',
      lastEventId: 12,
      resumeAfter: 12,
    });
  });

  it('parses back what it frames, whatever the chunking, skipping comments and retry', () => {
    const text =
      retryMessage(1000) +
      commentMessage('hello') +
      eventMessage(event(1)) +
      commentMessage('heartbeat') +
      eventMessage(event(2));
    for (const size of [1, 3, 17, text.length]) {
      const parser = new SseParser();
      const messages = [];
      for (let at = 0; at < text.length; at += size) messages.push(...parser.push(text.slice(at, at + size)));
      expect(messages.map((m) => [m.id, m.event, JSON.parse(m.data).position])).toEqual([
        ['1', 'PlanAdopted', 1],
        ['2', 'PlanAdopted', 2],
      ]);
    }
  });

  it('drops a message cut off before its blank line', () => {
    const parser = new SseParser();
    const whole = eventMessage(event(1));
    expect(parser.push(whole + eventMessage(event(2)).slice(0, 20))).toHaveLength(1);
  });
});
