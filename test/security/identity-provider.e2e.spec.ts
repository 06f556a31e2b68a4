import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { draftPlan } from '../support/tashkent.js';
import { startEngine, tokenFor, type RunningEngine } from '../support/engine.js';

const ISSUER = 'https://id.turkicstates.org/realms/ots';

/** The engine connected to the Secretariat's identity provider through its JWKS URL, over real HTTP. */
describe("the Secretariat's identity provider (KURULTAI_AUTH_JWKS_URL)", () => {
  let provider: Server;
  let jwksUrl: string;
  let engine: RunningEngine;
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let served = 0;

  beforeAll(async () => {
    keys = await generateKeyPair('ES256');
    const jwks = {
      keys: [{ ...(await exportJWK(keys.publicKey)), kid: 'ots-2025', alg: 'ES256', use: 'sig' }],
    };
    provider = createServer((request, response) => {
      served++;
      if (request.url !== '/certs') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/certs`;
    engine = await startEngine({
      KURULTAI_AUTH_JWKS_URL: jwksUrl,
      KURULTAI_AUTH_ISSUER: ISSUER,
      KURULTAI_AUTH_AUDIENCE: 'kurultai-api',
      KURULTAI_AUTH_ROLE_CLAIM: 'roles',
      KURULTAI_AUTH_STATE_CLAIM: 'member_state',
    });
  });
  afterAll(async () => {
    await engine?.close();
    provider?.closeAllConnections();
    await new Promise((resolve) => provider?.close(resolve));
  });

  const providerToken = (claims: Record<string, unknown>, sub = 'officer@ots') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'ots-2025' })
      .setSubject(sub)
      .setIssuer(ISSUER)
      .setAudience('kurultai-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(keys.privateKey);
  const as = async (token: string) => engine.as({ headers: { authorization: `Bearer ${token}` } });

  it("accepts the provider's tokens, with the role and state from the configured claims, fetching its keys", async () => {
    const officer = await as(await providerToken({ roles: ['offline_access', 'secretariat'] }));
    const recorded = await officer.post('/api/commands/DraftPlan', draftPlan);
    expect(recorded.status).toBe(200);
    const focal = await as(await providerToken({ roles: 'focal-point', member_state: 'UZ' }, 'dilnoza@uz'));
    expect((await focal.get('/api/identity')).body).toEqual({
      id: 'dilnoza@uz',
      role: 'focal-point',
      state: 'UZ',
    });
    expect(served).toBeGreaterThan(0);
  });

  it('no longer trusts the local key once a provider is configured', async () => {
    const local = await tokenFor(engine, {
      role: 'secretariat',
      issuer: ISSUER,
      audience: 'kurultai-api',
      roleClaim: 'roles',
    }).catch(() => null);
    // The local key is not even created when a provider is configured.
    expect(local).toBeNull();
    const other = await generateKeyPair('ES256');
    const forged = await new SignJWT({ roles: 'secretariat' })
      .setProtectedHeader({ alg: 'ES256', kid: 'ots-2025' })
      .setSubject('intruder')
      .setIssuer(ISSUER)
      .setAudience('kurultai-api')
      .setExpirationTime('5m')
      .sign(other.privateKey);
    const reply = await (await as(forged)).post('/api/commands/DraftPlan', draftPlan);
    expect(reply).toMatchObject({ status: 401, body: { detail: expect.stringMatching(/signature/) } });
  });

  it('answers 503 (not 401, not 500) while the provider cannot be reached for its keys', async () => {
    const down = createServer();
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const unreachable = `http://127.0.0.1:${(down.address() as AddressInfo).port}/certs`;
    await new Promise((resolve) => down.close(resolve));
    const cut = await startEngine({
      KURULTAI_AUTH_JWKS_URL: unreachable,
      KURULTAI_AUTH_ISSUER: ISSUER,
      KURULTAI_AUTH_AUDIENCE: 'kurultai-api',
      KURULTAI_AUTH_ROLE_CLAIM: 'roles',
    });
    try {
      const token = await providerToken({ roles: 'secretariat' });
      const reply = await cut.as({ headers: { authorization: `Bearer ${token}` } }).get('/api/plans');
      expect([reply.status, reply.body.type]).toEqual([
        503,
        'urn:kurultai:problem:identity-provider-unavailable',
      ]);
      expect(reply.headers.get('retry-after')).toBe('1');
      // Without credentials the public reads do not depend on the provider.
      expect((await cut.as('anonymous').get('/api/plans')).status).toBe(200);
    } finally {
      await cut.close();
    }
  });
});
