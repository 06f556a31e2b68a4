import { startEngine, type RunningEngine } from '../support/engine.js';

/** A downstream service manages only the webhook subscriptions it registered itself. */
describe('webhook subscriptions belong to whoever registered them', () => {
  let engine: RunningEngine;
  const portal = () => engine.as({ role: 'service', sub: 'diaspora-portal' });
  const statistics = () => engine.as({ role: 'service', sub: 'statistics-office' });
  const auditor = () => engine.as({ role: 'auditor', sub: 'auditor-1' });

  beforeAll(async () => {
    engine = await startEngine({ KURULTAI_WEBHOOKS_ALLOW_PRIVATE: 'on' });
    const created = await portal().post('/api/subscriptions', {
      id: 'portal-feed',
      url: 'http://127.0.0.1:9/kurultai',
      secret: 'a-secret-of-at-least-thirty-two-characters',
    });
    expect(created.status).toBe(201);
    expect(created.body.registeredBy).toMatchObject({ id: 'diaspora-portal', role: 'service' });
  });
  afterAll(() => engine.close());

  it('given a subscription of the portal, when the portal manages it, then it may', async () => {
    expect((await portal().get('/api/subscriptions')).body.items.map((s: { id: string }) => s.id)).toEqual([
      'portal-feed',
    ]);
    expect((await portal().get('/api/subscriptions/portal-feed')).status).toBe(200);
    expect((await portal().post('/api/subscriptions/portal-feed/pause', {})).status).toBe(200);
    expect((await portal().post('/api/subscriptions/portal-feed/resume', {})).status).toBe(200);
    expect((await portal().get('/api/subscriptions/portal-feed/parked')).status).toBe(200);
  });

  it('when another service tries, then the subscription does not exist for it and nothing changes', async () => {
    expect((await statistics().get('/api/subscriptions')).body.items).toEqual([]);
    for (const [method, path] of [
      ['GET', '/api/subscriptions/portal-feed'],
      ['POST', '/api/subscriptions/portal-feed/pause'],
      ['POST', '/api/subscriptions/portal-feed/resume'],
      ['GET', '/api/subscriptions/portal-feed/parked'],
      ['POST', '/api/subscriptions/portal-feed/parked/replay'],
      ['DELETE', '/api/subscriptions/portal-feed'],
    ]) {
      const reply = await statistics().call(method, path, method === 'POST' ? {} : undefined);
      expect([method, path, reply.status]).toEqual([method, path, 404]);
    }
    expect((await portal().get('/api/subscriptions/portal-feed')).body.state).toBe('active');
  });

  it('when the Secretariat or an auditor looks, then they see it; only the Secretariat changes it', async () => {
    expect((await auditor().get('/api/subscriptions/portal-feed')).status).toBe(200);
    expect((await auditor().post('/api/subscriptions/portal-feed/pause', {})).status).toBe(403);
    expect((await engine.get('/api/subscriptions')).body.items).toHaveLength(1);
    expect((await engine.call('DELETE', '/api/subscriptions/portal-feed')).status).toBe(204);
    expect((await portal().get('/api/subscriptions')).body.items).toEqual([]);
  });
});
