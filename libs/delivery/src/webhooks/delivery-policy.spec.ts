import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, RecordedEvent, Visibility } from '#event-store';
import { registrantRights } from './delivery-policy.js';
import { WebhookStore, type WebhookSubscription } from './webhook-store.js';

const event = (visibility: Visibility, leadState: string): RecordedEvent => ({
  id: `${visibility}-${leadState}`,
  type: 'ActivityScheduled',
  schemaVersion: 1,
  stream: `activity-${leadState}`,
  revision: 0,
  position: 1,
  data: { activityId: leadState, leadState },
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
const events = [event('public', 'UZ'), event('internal', 'UZ'), event('internal', 'TR')];

const subscription = (actor: Actor | null): WebhookSubscription => ({
  id: 's',
  url: 'https://receiver.example.org/hook',
  secret: 'x'.repeat(32),
  types: [],
  categories: [],
  state: 'active',
  createdAt: '2026-01-01T00:00:00.000Z',
  actor,
});
const delivered = (actor: Actor | null) =>
  events.filter((e) => registrantRights.mayDeliver(subscription(actor), e)).map((e) => e.id);

describe('webhook deliveries follow the registering actor', () => {
  it('given a service registered it, then only public events are delivered', () => {
    expect(delivered({ id: 'portal', role: 'service', state: null })).toEqual(['public-UZ']);
  });

  it('given a focal point registered it, then the internal events of its state are delivered too', () => {
    expect(delivered({ id: 'uz', role: 'focal-point', state: 'UZ' })).toEqual(['public-UZ', 'internal-UZ']);
  });

  it('given the Secretariat registered it, then every event is delivered', () => {
    expect(delivered({ id: 'officer', role: 'secretariat', state: null })).toEqual(events.map((e) => e.id));
  });

  it('given a subscription from before identity (no actor), then public events only', () => {
    expect(delivered(null)).toEqual(['public-UZ']);
  });
});

describe('the webhook store keeps the registering actor', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'kurultai-webhooks-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores it with the subscription and reads it back', () => {
    const store = new WebhookStore(join(dir, 'delivery.sqlite'));
    const actor: Actor = { id: 'uz', role: 'focal-point', state: 'UZ' };
    store.create({ ...subscription(actor), id: 'uz-portal' }, 0);
    expect(store.get('uz-portal')?.actor).toEqual(actor);
    store.close();
  });

  it('given a file of an older engine (no actor column), when opened, then the column is added and old subscriptions have none', () => {
    const path = join(dir, 'delivery.sqlite');
    const old = new Database(path);
    old.exec(`CREATE TABLE webhook_subscriptions (id TEXT PRIMARY KEY, url TEXT NOT NULL, secret TEXT NOT NULL,
      types TEXT NOT NULL, categories TEXT NOT NULL, state TEXT NOT NULL, created_at TEXT NOT NULL);
      INSERT INTO webhook_subscriptions VALUES ('old', 'https://x.example.org', 's', '[]', '[]', 'active', '2025-01-01');`);
    old.close();
    const store = new WebhookStore(path);
    expect(store.get('old')).toMatchObject({ id: 'old', actor: null });
    store.close();
  });
});
