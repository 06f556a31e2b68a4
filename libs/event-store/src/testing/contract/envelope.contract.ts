import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '../../envelope.js';
import { uniqueStream } from '../event-builders.js';
import { puller, useStore, type OpenStore } from './store-fixture.js';

/** The DESIGN §4 envelope, written whole and read back unchanged by every read path. */
export function describeEnvelope(open: OpenStore): void {
  describe('envelope', () => {
    const store = useStore(open);

    const metadata: EventMetadata = {
      actor: { id: 'focal-point-uz-1', role: 'focal-point', state: 'UZ' },
      commandId: '7d0f8f8e-5e0b-4c0e-9a57-1c3f0c1f2b11',
      commandType: 'RecordDecision',
      correlationId: '0b7c4b7e-2d3a-4d39-8a41-5a2b4e1d9c22',
      causationId: 'c2b6a1f0-8f3e-4b0a-9d6c-3e1f2a4b5c33',
      occurredAt: '2024-11-18T10:30:00+05:00',
      recordedAt: '2024-11-18T05:31:02.123Z',
      source: {
        kind: 'minutes',
        title: 'Minutes of the 6th meeting — Toshkent, Oʻzbekiston',
        url: 'https://www.turkicstates.org/en/news/diaspora-2024',
        date: '2024-11-18',
      },
      visibility: 'public',
      tenant: { name: 'OTS', languages: ['en', 'tr', 'uz-Latn'] },
    };
    const data = {
      title: {
        en: 'Diaspora Joint Activity Plan of the OTS for the year 2025',
        tr: 'Türkiye',
        'uz-Latn': 'Oʻzbekiston',
        'uz-Cyrl': 'Ўзбекистон',
        kk: 'Қазақстан',
        az: 'Azərbaycan',
      },
      parties: ['AZ', 'KZ', 'KG', 'TR', 'UZ'],
      observers: [{ code: 'XC', votes: false }],
      quorum: 3,
      share: 0.6,
      note: null,
      flag: '🇺🇿',
      quotes: 'a "quoted" \\ backslash\nand a new line',
    };

    it('round-trips data and metadata whole through every read', async () => {
      const stream = uniqueStream('plan');
      const event: NewEvent = {
        id: randomUUID(),
        type: 'PlanAdopted',
        schemaVersion: 2,
        data,
        metadata,
      };
      const before = (await store().head()).position;
      const result = await store().append(stream, [event]);
      const recorded = { ...event, stream, revision: 0, position: result.position };

      expect(await store().readStream(stream)).toEqual([recorded]);
      expect(await store().readAll({ after: before, filter: { eventTypes: ['PlanAdopted'] } })).toEqual([
        recorded,
      ]);
      const pull = puller(store().subscribeToAll({ after: before }));
      expect(await pull(1)).toEqual([recorded]);
    });
  });
}
