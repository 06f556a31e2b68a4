import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { DomainEvent } from '#eventsourcing/decider.js';
import { eventSchemaOf, type JsonSchema } from '../../schemas/event-registry.js';

/** Where a type's payload schema is looked up: the domain's registry unless a spec says otherwise. */
export type SchemaLookup = (type: string) => JsonSchema | undefined;

export const registrySchemas: SchemaLookup = (type) => eventSchemaOf(type)?.schema;

const ajv = new Ajv2020({ allErrors: true, strict: true });
formats.default(ajv);
const compiled = new WeakMap<JsonSchema, ValidateFunction>();

/**
 * Fails unless every event's data validates against its type's JSON Schema: what a decider
 * decides is what subscribers are told to expect. A type without a schema fails too.
 */
export function assertEventsMatchSchemas(
  events: readonly DomainEvent[],
  schemaOf: SchemaLookup = registrySchemas,
): void {
  for (const event of events) {
    const schema = schemaOf(event.type);
    if (!schema) throw new Error(`the event type ${event.type} has no JSON Schema`);
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(schema);
      compiled.set(schema, validate);
    }
    if (!validate(event.data)) {
      const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
      throw new Error(
        `${event.type} does not match its schema: ${errors.join('; ')}\n${JSON.stringify(event.data)}`,
      );
    }
  }
}
