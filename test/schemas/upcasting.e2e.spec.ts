import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SqliteEventStore, type NewEvent } from '#event-store';
import { SseParser } from '#delivery';
import { startEngine, type RunningEngine } from '../support/engine.js';

const PROTOCOL = 'kz-uz-diaspora-2023';
const KZ = 'kz-otandastar';
const UZ = 'uz-interethnic-committee';
const UZ_NAME = { en: 'Committee on Interethnic Relations and Friendly Cooperation with Foreign Countries' };
const SECRET = 'kurultai-webhook-secret-0123456789abcdef';

let commands = 0;
/** An event as the engine wrote it before the signatory's title was kept per language. */
const v1 = (type: string, data: Record<string, unknown>, schemaVersion = 1): NewEvent => {
  const commandId = `fixture-${++commands}`;
  return {
    id: `00000000-0000-4000-8000-${String(commands).padStart(12, '0')}`,
    type,
    schemaVersion,
    data,
    metadata: {
      actor: { id: 'officer-1', role: 'secretariat', state: null },
      commandId,
      commandType: 'fixture',
      correlationId: commandId,
      causationId: null,
      occurredAt: '2023-11-22',
      recordedAt: '2023-11-22T12:00:00.000Z',
      source: null,
      visibility: 'public',
    },
  };
};

/** A store file written by the store itself, holding version 1 signatory events. */
async function writeVersion1Log(dataDir: string): Promise<void> {
  const store = await SqliteEventStore.open(join(dataDir, 'events.sqlite'));
  const state = (code: string, en: string, since: string) =>
    store.append(`state-${code}`, [
      v1('StateRegistered', { code, name: { en }, membership: 'member', since }),
    ]);
  await state('KZ', 'Kazakhstan', '2009-10-03');
  await state('UZ', 'Uzbekistan', '2019-10-15');
  const institution = (institutionId: string, code: string, name: { en: string }) =>
    store.append(`institution-${institutionId}`, [
      v1('InstitutionRegistered', {
        institutionId,
        state: code,
        name,
        parent: null,
        validFrom: '2017-05-19',
      }),
    ]);
  await institution(KZ, 'KZ', { en: 'Otandastar Foundation' });
  await institution(UZ, 'UZ', UZ_NAME);
  const signatory = (name: string, title: string | null) => ({ name, title });
  await store.append(`protocol-${PROTOCOL}`, [
    v1('ProtocolDrafted', {
      protocolId: PROTOCOL,
      title: { en: 'Cooperation Protocol between the Otandastar Foundation and the UZ Committee' },
      parties: [
        { institutionId: KZ, state: 'KZ' },
        { institutionId: UZ, state: 'UZ' },
      ],
      margins: null,
    }),
    v1('SignatoryDesignated', {
      protocolId: PROTOCOL,
      institutionId: KZ,
      signatory: signatory('Head of the Otandastar Foundation', 'Chairperson of the Board'),
    }),
    v1('SignatoryDesignated', {
      protocolId: PROTOCOL,
      institutionId: UZ,
      signatory: signatory('Head of the UZ Committee', 'Chairman of the Committee'),
    }),
    v1('ProtocolSignatureRecorded', {
      protocolId: PROTOCOL,
      institutionId: KZ,
      state: 'KZ',
      institutionName: { en: 'Otandastar Foundation' },
      signatory: signatory('Head of the Otandastar Foundation', 'Chairperson of the Board'),
      signedOn: '2023-11-22',
      place: 'Bishkek',
    }),
  ]);
  await store.close();
}

/** Every stored column of the events table, byte for byte, in log order. */
function storedRows(dataDir: string, upTo: number): unknown[] {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT * FROM events WHERE position <= ? ORDER BY position').all(upTo);
  } finally {
    db.close();
  }
}

const title = (en: string) => ({ en });
type SignatoryEvent = { institutionId: string; signatory: { title: unknown } };
const signatoryTitles = (events: { type: string; schemaVersion: number; data: unknown }[]) =>
  events
    .filter((e) => e.type === 'SignatoryDesignated' || e.type === 'ProtocolSignatureRecorded')
    .map((e) => {
      const data = e.data as SignatoryEvent;
      return [e.type, e.schemaVersion, data.institutionId, data.signatory.title];
    });

/**
 * Given a log written when the signatory's title was one string (schema version 1), the engine
 * reads it as version 2 everywhere (decider, read models, feeds, webhooks) without touching it.
 */
describe('upcasting stored events of schema version 1', () => {
  let dataDir: string;
  let engine: RunningEngine;
  let before: unknown[];
  const V1_EVENTS = 8;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'kurultai-upcasting-'));
    await writeVersion1Log(dataDir);
    before = storedRows(dataDir, V1_EVENTS);
    engine = await startEngine({ KURULTAI_WEBHOOKS_ALLOW_PRIVATE: 'on' }, dataDir);
  });
  afterAll(() => engine.close());

  const expected = [
    ['SignatoryDesignated', 2, KZ, title('Chairperson of the Board')],
    ['SignatoryDesignated', 2, UZ, title('Chairman of the Committee')],
    ['ProtocolSignatureRecorded', 2, KZ, title('Chairperson of the Board')],
  ];

  it('decides from the upcast history: the last signature carries the title per language, written as v2', async () => {
    const reply = await engine.post('/api/commands/SignProtocol', {
      protocolId: PROTOCOL,
      institutionId: UZ,
      signedOn: '2023-11-22',
      place: 'Bishkek',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.events.map((e: { type: string }) => e.type)).toEqual([
      'ProtocolSignatureRecorded',
      'ProtocolSigned',
    ]);
    const [written] = storedRows(dataDir, Number.MAX_SAFE_INTEGER).slice(V1_EVENTS) as {
      type: string;
      schema_version: number;
      data: string;
    }[];
    expect(written.type).toBe('ProtocolSignatureRecorded');
    expect(written.schema_version).toBe(2);
    expect(JSON.parse(written.data).signatory).toEqual({
      name: 'Head of the UZ Committee',
      title: title('Chairman of the Committee'),
    });
  });

  it('shows the v2 shape in the read model', async () => {
    const head = (await engine.get('/health/ready')).body.headPosition;
    const protocol = (await engine.get(`/api/protocols/${PROTOCOL}?minPosition=${head}`)).body;
    expect(JSON.stringify(protocol)).not.toContain('"title":"Chair');
    expect(JSON.stringify(protocol)).toContain('"title":{"en":"Chairperson of the Board"}');
    expect(JSON.stringify(protocol)).toContain('"title":{"en":"Chairman of the Committee"}');
  });

  it('gives the v2 shape on the event page', async () => {
    const page = (await engine.get('/api/events?after=0&limit=100')).body.items;
    expect(signatoryTitles(page).slice(0, 3)).toEqual(expected);
  });

  it('gives the v2 shape on the event stream', async () => {
    const controller = new AbortController();
    const response = await fetch(
      `${engine.url}/api/events/stream?types=SignatoryDesignated,ProtocolSignatureRecorded`,
      { headers: { authorization: `Bearer ${engine.token}` }, signal: controller.signal },
    );
    const parser = new SseParser();
    const messages: { type: string; schemaVersion: number; data: unknown }[] = [];
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      for (const message of parser.push(decoder.decode(chunk, { stream: true }))) {
        if (message.event !== 'overflow') messages.push(JSON.parse(message.data));
      }
      if (messages.length >= 4) break;
    }
    controller.abort();
    expect(signatoryTitles(messages)).toEqual([
      ...expected,
      ['ProtocolSignatureRecorded', 2, UZ, title('Chairman of the Committee')],
    ]);
  });

  it('delivers the v2 shape to webhook subscribers', async () => {
    const received: { type: string; schemaVersion: number; data: unknown }[] = [];
    const server: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      const registered = await engine.post('/api/subscriptions', {
        id: 'signatories',
        url: `http://127.0.0.1:${port}/hook`,
        secret: SECRET,
        filter: { types: ['SignatoryDesignated'] },
        from: 0,
      });
      expect(registered.status).toBe(201);
      for (let i = 0; i < 200 && received.length < 2; i++) await new Promise((r) => setTimeout(r, 25));
      expect(signatoryTitles(received)).toEqual(expected.slice(0, 2));
    } finally {
      server.close();
    }
  });

  it('leaves the stored bytes as they were, so the audit chain still verifies', async () => {
    expect(storedRows(dataDir, V1_EVENTS)).toEqual(before);
    const rows = before as { schema_version: number; data: string; type: string }[];
    expect(
      rows
        .filter((r) => r.type === 'SignatoryDesignated')
        .map((r) => [r.schema_version, JSON.parse(r.data).signatory.title]),
    ).toEqual([
      [1, 'Chairperson of the Board'],
      [1, 'Chairman of the Committee'],
    ]);
    const verified = await engine.get('/api/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true });
  });
});
