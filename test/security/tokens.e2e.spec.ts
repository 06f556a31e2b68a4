import { base64url, SignJWT } from 'jose';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '#event-store';
import { issueLocalToken, loadOrCreateLocalKey, readLocalKey, type LocalIdentityKey } from '#security';
import { createKey, revokeKey } from '../../apps/cli/src/commands/keys.js';
import { draftPlan } from '../support/tashkent.js';
import { localKeyFileOf, startEngine, type RunningEngine } from '../support/engine.js';

/** Every kind of bad credential is refused with 401 problem details and a Bearer challenge, and writes nothing. */
describe('identity over HTTP: tokens and API keys', () => {
  let engine: RunningEngine;
  let store: EventStore;
  let key: LocalIdentityKey;
  let otherKey: LocalIdentityKey;

  beforeAll(async () => {
    engine = await startEngine();
    store = engine.app.get<EventStore>(EVENT_STORE);
    key = await readLocalKey(localKeyFileOf(engine.dataDir));
    otherKey = await loadOrCreateLocalKey(join(engine.dataDir, 'not-the-engine-key.pem'));
  });
  afterAll(() => engine.close());

  const secretariat = { role: 'secretariat' as const, sub: 'officer' };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const unsigned = () => {
    const part = (value: object) => base64url.encode(JSON.stringify(value));
    const claims = {
      sub: 'x',
      iss: 'kurultai.local',
      aud: 'kurultai',
      exp: Math.floor(Date.now() / 1000) + 600,
    };
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, kurultai_role: 'secretariat' })}.`;
  };
  const hs256WithThePublicKey = () =>
    new SignJWT({ kurultai_role: 'secretariat' })
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .setSubject('x')
      .setIssuer('kurultai.local')
      .setAudience('kurultai')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(key.publicKey.export({ format: 'pem', type: 'spki' }).toString()));

  const cases: [string, () => Promise<Record<string, string>>][] = [
    ['a malformed token', async () => bearer('not.a.jwt')],
    ['a header that is not Bearer', async () => ({ authorization: 'Basic b2ZmaWNlcjpzZWNyZXQ=' })],
    [
      'an expired token',
      async () =>
        bearer(await issueLocalToken(key, { ...secretariat, now: new Date(Date.now() - 7_200_000) })),
    ],
    [
      'a token not valid yet',
      async () => bearer(await issueLocalToken(key, { ...secretariat, notBeforeSeconds: 3600 })),
    ],
    [
      'a token of another issuer',
      async () => bearer(await issueLocalToken(key, { ...secretariat, issuer: 'evil.example' })),
    ],
    [
      'a token for another audience',
      async () => bearer(await issueLocalToken(key, { ...secretariat, audience: 'other' })),
    ],
    [
      'a token signed with another key',
      async () => bearer(await issueLocalToken({ ...otherKey, kid: key.kid }, secretariat)),
    ],
    ['an unsigned token (alg none)', async () => bearer(unsigned())],
    ['an HS256 token keyed with the public key', async () => bearer(await hs256WithThePublicKey())],
    ['an unknown API key', async () => ({ 'x-api-key': `kak_0123456789abcdef_${'A'.repeat(43)}` })],
    ['a malformed API key', async () => ({ 'x-api-key': 'letmein' })],
    [
      'both a token and an API key',
      async () => ({ ...bearer(await issueLocalToken(key, secretariat)), 'x-api-key': 'x' }),
    ],
  ];

  it.each(cases)('refuses %s with 401, on a write and on a public read', async (_, headers) => {
    const before = (await store.head()).position;
    for (const reply of [
      await engine.as({ headers: await headers() }).post('/api/commands/DraftPlan', draftPlan),
      await engine.as({ headers: await headers() }).get('/api/plans'),
    ]) {
      expect(reply.status).toBe(401);
      expect(reply.contentType).toContain('application/problem+json');
      expect(reply.body).toMatchObject({ type: 'urn:kurultai:problem:unauthenticated', status: 401 });
      expect(reply.headers.get('www-authenticate')).toMatch(
        /^Bearer realm="kurultai", error="invalid_(token|request)"/,
      );
    }
    expect((await store.head()).position).toBe(before);
  });

  it('refuses a write without credentials with 401, and serves a public read to the same anonymous caller', async () => {
    const before = (await store.head()).position;
    const write = await engine.as('anonymous').post('/api/commands/DraftPlan', draftPlan);
    expect(write.status).toBe(401);
    expect(write.headers.get('www-authenticate')).toBe('Bearer realm="kurultai"');
    expect((await store.head()).position).toBe(before);
    expect((await engine.as('anonymous').get('/api/plans')).status).toBe(200);
  });

  it('tells a caller who the engine takes it for (GET /api/identity)', async () => {
    const focal = await engine
      .as({ role: 'focal-point', state: 'KZ', sub: 'aigerim.kz' })
      .get('/api/identity');
    expect(focal).toMatchObject({
      status: 200,
      body: { id: 'aigerim.kz', role: 'focal-point', state: 'KZ' },
    });
    const nobody = await engine.as('anonymous').get('/api/identity');
    expect(nobody.body).toEqual({ id: 'anonymous', role: 'anonymous', state: null });
  });

  it('records the verified caller, never a default one, in the event metadata', async () => {
    const reply = await engine
      .as({ role: 'secretariat', sub: 'aida.officer' })
      .post('/api/commands/DraftPlan', draftPlan);
    expect(reply.status).toBe(200);
    const [event] = await store.readStream(reply.body.stream);
    expect(event.metadata.actor).toEqual({ id: 'aida.officer', role: 'secretariat', state: null });
  });

  it('given an API key: created, it reads the feed as a service; it may not write; revoked, it is refused with 401', async () => {
    const created = createKey(engine.dataDir, 'foreign-ministry-portal');
    const service = engine.as({ headers: { 'x-api-key': created.key } });
    const feed = await service.get('/api/events?limit=1');
    expect(feed.status).toBe(200);
    const write = await service.post('/api/commands/DraftPlan', draftPlan);
    expect(write).toMatchObject({ status: 403, body: { type: 'urn:kurultai:problem:forbidden' } });
    expect(revokeKey(engine.dataDir, created.id)).toEqual({ id: created.id, revoked: true });
    const revoked = await service.get('/api/events?limit=1');
    expect(revoked).toMatchObject({ status: 401, body: { detail: 'the API key was revoked' } });
  });
});
