import { JSON_SCHEMA_DIALECT, type EventSchemaEntry, type JsonSchema } from '#coordination';

/** The format every payload schema of the document is written in. */
export const SCHEMA_FORMAT = 'application/schema+json;version=draft-2020-12';

/** Where the engine serves a type's payload schema, relative to `/api/asyncapi.json`. */
export const payloadSchemaPath = (type: string): string => `schemas/events/${type}.json`;

const actor: JsonSchema = {
  type: 'object',
  required: ['id', 'role'],
  properties: {
    id: { type: 'string' },
    role: { enum: ['secretariat', 'focal-point', 'auditor', 'service', 'system', 'anonymous'] },
    state: { type: ['string', 'null'], description: 'The state a focal point acts for' },
  },
};

/** The metadata every stored event carries (DESIGN §4); engines may add members. */
export const METADATA_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['actor', 'commandId', 'correlationId', 'causationId', 'occurredAt', 'recordedAt', 'visibility'],
  properties: {
    actor,
    commandId: { type: 'string', description: 'The command that decided the event' },
    commandType: { type: 'string' },
    correlationId: { type: 'string' },
    causationId: { type: ['string', 'null'], description: 'The event or command that caused it' },
    occurredAt: { type: 'string', description: 'When the thing happened, as told by the user (ISO 8601)' },
    recordedAt: { type: 'string', format: 'date-time', description: 'When the engine recorded it' },
    source: {
      description: 'Where the recorded fact comes from: minutes, a press release, a letter',
      anyOf: [
        { type: 'null' },
        { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } },
      ],
    },
    visibility: { enum: ['public', 'internal'] },
  },
};

/**
 * The envelope as the feeds and webhooks deliver one event of this type: the stored event,
 * read as its type's current schema version, with `data` as the type's payload schema.
 */
export function envelopeSchema(entry: EventSchemaEntry): JsonSchema {
  return {
    $schema: JSON_SCHEMA_DIALECT,
    type: 'object',
    required: ['id', 'type', 'schemaVersion', 'stream', 'revision', 'position', 'data', 'metadata'],
    properties: {
      id: { type: 'string', format: 'uuid', description: 'The event id: the de-duplication key' },
      type: { const: entry.type },
      schemaVersion: {
        const: entry.version,
        description: 'Events are read as this version, whatever they were written at',
      },
      stream: { type: 'string', pattern: `^${entry.category}-`, description: `A ${entry.aggregate} stream` },
      revision: { type: 'integer', minimum: 0, description: 'Zero-based position within the stream' },
      position: { type: 'integer', minimum: 1, description: 'One-based position in the global log' },
      data: { $ref: payloadSchemaPath(entry.type) },
      metadata: METADATA_SCHEMA,
    },
  };
}
