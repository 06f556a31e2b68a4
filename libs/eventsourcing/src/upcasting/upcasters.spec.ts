import type { RecordedEvent } from '#event-store';
import { Upcasters, type Upcaster } from './upcasters.js';

const recorded = (type: string, schemaVersion: number, data: Record<string, unknown>): RecordedEvent => ({
  id: `${type}-${schemaVersion}`,
  type,
  schemaVersion,
  data,
  metadata: {
    actor: { id: 'officer-1', role: 'secretariat' },
    commandId: 'c',
    correlationId: 'c',
    causationId: null,
    occurredAt: '2024-11-18',
    recordedAt: '2024-11-18T12:00:00Z',
    visibility: 'public',
  },
  stream: 'venue-1',
  revision: 0,
  position: 1,
});

/** A venue's `city` became `place: { city }` (v2), then `place.country` was added as null (v3). */
const chain: Upcaster[] = [
  {
    type: 'VenueBooked',
    fromVersion: 2,
    change: 'place.country added',
    upcast: (data) => ({ ...data, place: { ...(data['place'] as object), country: null } }),
  },
  {
    type: 'VenueBooked',
    fromVersion: 1,
    change: 'city became place.city',
    upcast: ({ city, ...rest }) => ({ ...rest, place: { city } }),
  },
];

describe('upcasters', () => {
  it('given a v1 event, when read, then the whole chain runs in version order to the current one', () => {
    const upcasters = new Upcasters(chain);
    const stored = recorded('VenueBooked', 1, { venueId: 'v', city: 'Tashkent' });
    const read = upcasters.upcast(stored);
    expect(read).toMatchObject({
      schemaVersion: 3,
      data: { venueId: 'v', place: { city: 'Tashkent', country: null } },
    });
    expect(stored.data).toEqual({ venueId: 'v', city: 'Tashkent' });
    expect(upcasters.upcast(recorded('VenueBooked', 2, { place: { city: 'Baku' } })).data).toEqual({
      place: { city: 'Baku', country: null },
    });
  });

  it('given a current or an unchanged type, when read, then the event is returned as it is', () => {
    const upcasters = new Upcasters(chain);
    const current = recorded('VenueBooked', 3, { place: { city: 'Bishkek', country: 'KG' } });
    expect(upcasters.upcast(current)).toBe(current);
    const other = recorded('MeetingClosed', 1, { meetingId: 'm' });
    expect(upcasters.upcast(other)).toBe(other);
  });

  it('writes new events at the current version of their type', () => {
    const upcasters = new Upcasters(chain);
    expect([upcasters.currentVersion('VenueBooked'), upcasters.currentVersion('MeetingClosed')]).toEqual([
      3, 1,
    ]);
    const { position: _p, stream: _s, revision: _r, ...fresh } = recorded('VenueBooked', 1, {});
    expect(upcasters.stamp(fresh).schemaVersion).toBe(3);
  });

  it('refuses two upcasters from the same version, and a gap in a chain', () => {
    expect(() => new Upcasters([chain[1], chain[1]])).toThrow('two upcasters read VenueBooked v1');
    expect(() => new Upcasters([chain[1], { ...chain[0], fromVersion: 3 }])).toThrow(
      'the upcasters of VenueBooked leave a gap at v3',
    );
  });
});
