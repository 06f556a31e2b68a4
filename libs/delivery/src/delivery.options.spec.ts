import type { Actor, RecordedEvent, Visibility } from '#event-store';
import { ProblemException } from '#eventsourcing';
import { callerAccess } from './delivery.options.js';

const event = (visibility: Visibility, data: Record<string, unknown>): RecordedEvent => ({
  id: `e-${visibility}-${JSON.stringify(data)}`,
  type: 'MeetingScheduled',
  schemaVersion: 1,
  stream: 'meeting-m',
  revision: 0,
  position: 1,
  data,
  metadata: {
    actor: { id: 'officer', role: 'secretariat', state: null },
    commandId: 'c',
    correlationId: 'c',
    causationId: null,
    occurredAt: '2025-01-01T00:00:00.000Z',
    recordedAt: '2025-01-01T00:00:00.000Z',
    visibility,
  },
});

const uzInternal = event('internal', { meetingId: 'm', hostState: 'UZ' });
const trInternal = event('internal', { meetingId: 'n', hostState: 'TR' });
const published = event('public', { meetingId: 'p', hostState: 'UZ' });
const all = [uzInternal, trInternal, published];

const seenBy = (actor: Actor) => {
  const canSee = callerAccess.forRequest({ actor });
  return all.filter(canSee).map((e) => e.id);
};

describe('the feeds follow the caller', () => {
  it('given no identity or an anonymous caller, when it asks for a feed, then 401', () => {
    for (const request of [{}, { actor: { id: 'anonymous', role: 'anonymous', state: null } }, null]) {
      let thrown: unknown;
      try {
        callerAccess.forRequest(request);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProblemException);
      expect((thrown as ProblemException).problem.status).toBe(401);
    }
  });

  it('given a service, it gets the public events only', () => {
    expect(seenBy({ id: 'portal', role: 'service', state: null })).toEqual([published.id]);
  });

  it('given a focal point, it gets the public events and the internal ones of its own state', () => {
    expect(seenBy({ id: 'uz', role: 'focal-point', state: 'UZ' })).toEqual([uzInternal.id, published.id]);
    expect(seenBy({ id: 'kz', role: 'focal-point', state: 'KZ' })).toEqual([published.id]);
  });

  it('given the Secretariat or an auditor, it gets every event', () => {
    for (const role of ['secretariat', 'auditor'] as const)
      expect(seenBy({ id: role, role, state: null })).toEqual(all.map((e) => e.id));
  });
});
