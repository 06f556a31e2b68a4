import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64url, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { AuthenticationError } from './authentication-error.js';
import type { IdentityOptions } from './identity-options.js';
import { issueLocalToken } from './issue-token.js';
import { loadOrCreateLocalKey, type LocalIdentityKey } from './local-key.js';
import { TokenVerifier } from './token-verifier.js';

describe('TokenVerifier', () => {
  let dir: string;
  let options: IdentityOptions;
  let key: LocalIdentityKey;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-tokens-'));
    options = {
      issuer: 'kurultai.local',
      audience: 'kurultai',
      clockSkewSeconds: 30,
      localKeyFile: join(dir, 'identity-key.pem'),
      roleClaim: 'kurultai_role',
      stateClaim: 'kurultai_state',
      apiKeysFile: join(dir, 'api-keys.sqlite'),
    };
    verifier = await TokenVerifier.create(options);
    key = await loadOrCreateLocalKey(options.localKeyFile);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const refusal = async (token: string) => {
    const error = await verifier.verify(token).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    return (error as AuthenticationError).reason;
  };
  const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);

  describe('given the local key (no identity provider configured)', () => {
    it('when a focal point presents a fresh token, then it is that focal point of its state', async () => {
      const token = await issueLocalToken(key, { role: 'focal-point', state: 'KZ', sub: 'aigerim' });
      expect(await verifier.verify(token)).toEqual({ id: 'aigerim', role: 'focal-point', state: 'KZ' });
    });

    it('when a Secretariat token carries a state, then the state is not kept', async () => {
      const token = await issueLocalToken(key, { role: 'secretariat', state: 'KZ', sub: 'officer' });
      expect(await verifier.verify(token)).toEqual({ id: 'officer', role: 'secretariat', state: null });
    });

    it('when the token expired within the allowed clock skew, then it is still accepted', async () => {
      const token = await issueLocalToken(key, {
        role: 'auditor',
        sub: 'a',
        now: ago(3610),
        ttlSeconds: 3600,
      });
      expect(await verifier.verify(token)).toMatchObject({ role: 'auditor' });
    });

    it.each([
      ['expired', { now: ago(7200), ttlSeconds: 3600 }, /expired/],
      ['not yet valid', { notBeforeSeconds: 600 }, /not valid yet/],
      ['of another issuer', { issuer: 'someone.else' }, /issuer/],
      ['for another audience', { audience: 'another-app' }, /audience/],
    ])('when the token is %s, then it is refused', async (_, change, reason) => {
      const token = await issueLocalToken(key, { role: 'secretariat', sub: 'x', ...change });
      expect(await refusal(token)).toMatch(reason);
    });

    it('when the token is signed with another key, then it is refused', async () => {
      const other = await loadOrCreateLocalKey(join(dir, 'other.pem'));
      const token = await issueLocalToken({ ...other, kid: key.kid }, { role: 'secretariat', sub: 'x' });
      expect(await refusal(token)).toMatch(/signature/);
    });

    it('when the token is unsigned (alg none), then it is refused', async () => {
      const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
      const payload = base64url.encode(
        JSON.stringify({
          sub: 'x',
          iss: 'kurultai.local',
          aud: 'kurultai',
          exp: Math.floor(Date.now() / 1000) + 600,
          kurultai_role: 'secretariat',
        }),
      );
      expect(await refusal(`${header}.${payload}.`)).toMatch(/EdDSA|malformed/);
    });

    it('when the token is HS256 with the public key as the secret, then it is refused', async () => {
      const secret = new TextEncoder().encode(
        key.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      );
      const token = await new SignJWT({ kurultai_role: 'secretariat' })
        .setProtectedHeader({ alg: 'HS256', kid: key.kid })
        .setSubject('x')
        .setIssuer('kurultai.local')
        .setAudience('kurultai')
        .setExpirationTime('10m')
        .sign(secret);
      expect(await refusal(token)).toMatch(/signed with RS256, ES256, EdDSA/);
    });

    it.each([
      ['not a JWT', 'abc.def'],
      ['garbage in three parts', 'a.b.c'],
    ])('when the token is %s, then it is refused as malformed', async (_, token) => {
      expect(await refusal(token)).toMatch(/malformed/);
    });

    it.each([
      ['no role', { kurultai_role: undefined }, /exactly one of/],
      ['an unknown role', { kurultai_role: 'admin' }, /exactly one of/],
      ['two roles', { kurultai_role: ['secretariat', 'auditor'] }, /exactly one of/],
      ['the anonymous role', { kurultai_role: 'anonymous' }, /exactly one of/],
      ['a focal point without a state', { kurultai_role: 'focal-point' }, /state/],
      ['a focal point of a malformed state', { kurultai_role: 'focal-point', kurultai_state: 'kz' }, /state/],
    ])('when the token names %s, then it is refused', async (_, claims, reason) => {
      const token = await new SignJWT(claims as Record<string, unknown>)
        .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
        .setSubject('x')
        .setIssuer('kurultai.local')
        .setAudience('kurultai')
        .setExpirationTime('10m')
        .sign(key.privateKey);
      expect(await refusal(token)).toMatch(reason);
    });

    it('when the token has no expiry, then it is refused', async () => {
      const token = await new SignJWT({ kurultai_role: 'secretariat' })
        .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
        .setSubject('x')
        .setIssuer('kurultai.local')
        .setAudience('kurultai')
        .sign(key.privateKey);
      expect(await refusal(token)).toMatch(/exp/);
    });

    it('when a role array names one known role, then that role is taken', async () => {
      const token = await new SignJWT({ kurultai_role: ['offline_access', 'auditor'] })
        .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
        .setSubject('historian')
        .setIssuer('kurultai.local')
        .setAudience('kurultai')
        .setExpirationTime('10m')
        .sign(key.privateKey);
      expect(await verifier.verify(token)).toEqual({ id: 'historian', role: 'auditor', state: null });
    });
  });

  describe('given a token verified before (remembered by its text)', () => {
    let clock: number;
    let remembering: TokenVerifier;
    beforeEach(async () => {
      clock = Date.now();
      remembering = await TokenVerifier.create(options, () => clock);
    });

    it('when its exp plus the clock skew has passed, then it is refused as expired without a new check', async () => {
      const token = await issueLocalToken(key, { role: 'secretariat', sub: 'officer', ttlSeconds: 60 });
      expect(await remembering.verify(token)).toMatchObject({ id: 'officer' });
      clock += 59_000;
      expect(await remembering.verify(token)).toMatchObject({ id: 'officer' });
      clock += (1 + options.clockSkewSeconds) * 1000;
      const error = await remembering.verify(token).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as AuthenticationError).reason).toMatch(/expired/);
    });

    it('when another token of another caller comes, then each keeps its own actor', async () => {
      const officer = await issueLocalToken(key, { role: 'secretariat', sub: 'officer' });
      const focal = await issueLocalToken(key, { role: 'focal-point', state: 'AZ', sub: 'leyla' });
      for (let round = 0; round < 2; round++) {
        expect(await remembering.verify(officer)).toEqual({
          id: 'officer',
          role: 'secretariat',
          state: null,
        });
        expect(await remembering.verify(focal)).toEqual({ id: 'leyla', role: 'focal-point', state: 'AZ' });
      }
    });

    it('when a refused token comes again, then it is refused again', async () => {
      const other = await loadOrCreateLocalKey(join(dir, 'other-again.pem'));
      const token = await issueLocalToken({ ...other, kid: key.kid }, { role: 'secretariat', sub: 'x' });
      for (let round = 0; round < 2; round++)
        await expect(remembering.verify(token)).rejects.toMatchObject({
          reason: expect.stringMatching(/signature/),
        });
    });
  });

  describe("given the identity provider's JWKS as a file", () => {
    it('when tokens are signed RS256 or ES256 by its keys, then they are accepted; the local key no longer is', async () => {
      const rsa = await generateKeyPair('RS256');
      const ec = await generateKeyPair('ES256');
      const jwks = {
        keys: [
          { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256' },
          { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256' },
        ],
      };
      const file = join(dir, 'jwks.json');
      writeFileSync(file, JSON.stringify(jwks));
      const provider = await TokenVerifier.create({
        ...options,
        jwksFile: file,
        issuer: 'https://id.turkicstates.org',
        audience: 'kurultai-api',
        roleClaim: 'roles',
        stateClaim: 'member_state',
      });
      const sign = (alg: string, kid: string, privateKey: Parameters<SignJWT['sign']>[0]) =>
        new SignJWT({ roles: ['secretariat'], member_state: 'TR' })
          .setProtectedHeader({ alg, kid })
          .setSubject(`officer-${kid}`)
          .setIssuer('https://id.turkicstates.org')
          .setAudience('kurultai-api')
          .setExpirationTime('5m')
          .sign(privateKey);
      expect(await provider.verify(await sign('RS256', 'rsa-1', rsa.privateKey))).toEqual({
        id: 'officer-rsa-1',
        role: 'secretariat',
        state: null,
      });
      expect(await provider.verify(await sign('ES256', 'ec-1', ec.privateKey))).toMatchObject({
        id: 'officer-ec-1',
      });
      const local = await issueLocalToken(key, {
        role: 'secretariat',
        sub: 'x',
        issuer: 'https://id.turkicstates.org',
        audience: 'kurultai-api',
        roleClaim: 'roles',
      });
      await expect(provider.verify(local)).rejects.toBeInstanceOf(AuthenticationError);
    });

    it('when an RS384 token is signed by a key of the set, then the algorithm is refused', async () => {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const file = join(dir, 'jwks-rs384.json');
      writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'r' }] }));
      const provider = await TokenVerifier.create({ ...options, jwksFile: file });
      const token = await new SignJWT({ kurultai_role: 'secretariat' })
        .setProtectedHeader({ alg: 'RS384', kid: 'r' })
        .setSubject('x')
        .setIssuer('kurultai.local')
        .setAudience('kurultai')
        .setExpirationTime('5m')
        .sign(privateKey);
      await expect(provider.verify(token)).rejects.toMatchObject({ reason: expect.stringMatching(/RS256/) });
    });
  });
});
