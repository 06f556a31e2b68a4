import { EVENT_SCHEMAS, type EventSchemaEntry } from '#coordination';
import { DEFAULT_TOLERANCE_SECONDS } from '../webhooks/signature.js';
import { envelopeSchema, SCHEMA_FORMAT } from './envelope-schema.js';

type Json = Record<string, unknown>;

const ref = (path: string): Json => ({ $ref: path });
const payload = (schema: Json): Json => ({ schemaFormat: SCHEMA_FORMAT, schema });

/** The headers of a webhook delivery (docs/webhooks.md, "Verifying a delivery"). */
const WEBHOOK_HEADERS: Json = {
  type: 'object',
  required: [
    'Kurultai-Event-Id',
    'Kurultai-Event-Type',
    'Kurultai-Delivery-Attempt',
    'Kurultai-Timestamp',
    'Kurultai-Signature',
  ],
  properties: {
    'Kurultai-Event-Id': {
      type: 'string',
      description: 'The event id: stable across attempts, drop duplicates by it',
    },
    'Kurultai-Event-Type': { type: 'string' },
    'Kurultai-Delivery-Attempt': {
      type: 'string',
      pattern: '^[1-9][0-9]*$',
      description: '1, 2, … for this event',
    },
    'Kurultai-Timestamp': {
      type: 'string',
      pattern: '^[0-9]+$',
      description: 'Unix seconds when the attempt was signed',
    },
    'Kurultai-Signature': {
      type: 'string',
      pattern: '^v1=[0-9a-f]{64}(,v1=[0-9a-f]{64})*$',
      description:
        'HMAC-SHA256 (hex) of "<Kurultai-Timestamp>.<raw body>" with the subscription secret; one v1= value per ' +
        `secret while it is rotated. Compare in constant time; refuse timestamps more than ${DEFAULT_TOLERANCE_SECONDS} s from your clock.`,
    },
  },
};

function eventMessage(entry: EventSchemaEntry): Json {
  const changes = entry.history.map((h) => `v${h.fromVersion} → v${h.fromVersion + 1}: ${h.change}`);
  return {
    name: entry.type,
    title: entry.type,
    summary: entry.description,
    ...(changes.length > 0
      ? { description: `Older stored versions are upcast on read. ${changes.join('. ')}.` }
      : {}),
    contentType: 'application/json',
    payload: payload(envelopeSchema(entry)),
    tags: [{ name: entry.aggregate }],
    'x-schema-version': entry.version,
  };
}

const messagesOf = (entries: readonly EventSchemaEntry[]): Json =>
  Object.fromEntries(entries.map((e) => [e.type, ref(`#/components/messages/${e.type}`)]));

const operationMessages = (channel: string, entries: readonly EventSchemaEntry[]): Json[] =>
  entries.map((e) => ref(`#/channels/${channel}/messages/${e.type}`));

/**
 * The AsyncAPI 3.0 description of what the engine sends downstream: the log as Server-Sent
 * Events, the same log page by page over HTTP, and webhook deliveries, each carrying the events
 * of the domain with their payload schemas (served at `/api/schemas/events/<type>.json`).
 */
export function asyncApiDocument(host: string, entries: readonly EventSchemaEntry[] = EVENT_SCHEMAS): Json {
  const messages = Object.fromEntries(entries.map((e) => [e.type, eventMessage(e)]));
  const webhookMessages = Object.fromEntries(
    entries.map((e) => [
      `${e.type}Delivery`,
      { ...eventMessage(e), name: `${e.type}Delivery`, headers: WEBHOOK_HEADERS },
    ]),
  );
  return {
    asyncapi: '3.0.0',
    id: 'urn:kurultai:events',
    info: {
      title: 'Kurultai event feeds',
      version: '0.1.0',
      description:
        'The committed events of the OTS programme coordination engine, in log order, at least once: as ' +
        'Server-Sent Events, page by page, and as signed webhooks (docs/subscriptions.md, docs/webhooks.md, ' +
        'docs/events.md). The event id is the de-duplication key; the global position orders the log. Events ' +
        'of engine streams such as `audit-checkpoints` are part of the log too and are not described here.',
    },
    defaultContentType: 'application/json',
    servers: {
      engine: {
        host,
        protocol: 'http',
        description: 'This engine',
        security: [ref('#/components/securitySchemes/bearer')],
      },
    },
    channels: {
      eventStream: {
        address: '/api/events/stream',
        title: 'The global log as Server-Sent Events',
        description:
          'Catch-up from `after` (or the `Last-Event-ID` header) then live. Each message: `id: <position>`, ' +
          '`event: <type>`, `data: <envelope JSON>`. Heartbeat comments keep the connection open; a client ' +
          'that does not read gets `event: overflow` and is disconnected, and resumes from its last id. ' +
          'Filters: `types`, `category`, `state`.',
        servers: [ref('#/servers/engine')],
        messages: messagesOf(entries),
      },
      eventPage: {
        address: '/api/events',
        title: 'The global log page by page',
        description:
          'GET with `after`, `limit` (≤ 1000), `types`, `category`, `state`: `{ items: [envelope…], next: { after } | ' +
          'null, head }`. Each item is one of these messages.',
        servers: [ref('#/servers/engine')],
        messages: messagesOf(entries),
      },
      webhook: {
        address: null,
        title: 'Webhook deliveries',
        description:
          'POST to the URL registered with `POST /api/subscriptions`, one event per request, in log order per ' +
          'subscription, retried with back-off, parked after the last attempt (docs/webhooks.md).',
        messages: Object.fromEntries(
          entries.map((e) => [`${e.type}Delivery`, ref(`#/components/messages/${e.type}Delivery`)]),
        ),
      },
    },
    operations: {
      streamEvents: {
        action: 'send',
        channel: ref('#/channels/eventStream'),
        title: 'Send the log to a Server-Sent Events client',
        bindings: { http: { method: 'GET', bindingVersion: '0.3.0' } },
        messages: operationMessages('eventStream', entries),
      },
      pageEvents: {
        action: 'send',
        channel: ref('#/channels/eventPage'),
        title: 'Answer a page of the log',
        bindings: { http: { method: 'GET', bindingVersion: '0.3.0' } },
        messages: operationMessages('eventPage', entries),
      },
      deliverWebhook: {
        action: 'send',
        channel: ref('#/channels/webhook'),
        title: 'Deliver one event to a webhook subscriber',
        bindings: { http: { method: 'POST', bindingVersion: '0.3.0' } },
        messages: entries.map((e) => ref(`#/channels/webhook/messages/${e.type}Delivery`)),
      },
    },
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'The identity of the reader (docs/security.md); what it may see is filtered by its role',
        },
      },
      messages: { ...messages, ...webhookMessages },
    },
  };
}
