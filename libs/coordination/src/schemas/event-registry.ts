import { AGGREGATE_SCHEMAS, type CoordinationEventType } from './event-schemas.js';
import { COORDINATION_UPCASTERS } from './upcasters.js';

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** A JSON Schema (draft 2020-12) as plain JSON. */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** One event type as subscribers see it on the wire. */
export interface EventSchemaEntry {
  readonly type: CoordinationEventType;
  readonly aggregate: string;
  /** The stream category (`meeting`, `plan`, ...): the part of the stream name before the dash. */
  readonly category: string;
  /** The version new events are written at, and the one every event is read as. */
  readonly version: number;
  readonly description: string;
  /** The payload (`data`) schema, with `$id`, title and description. */
  readonly schema: JsonSchema;
  /** What changed at each earlier version, oldest first. */
  readonly history: readonly { readonly fromVersion: number; readonly change: string }[];
}

/** Version 1, and one more for each change of the type's shape. */
const currentVersion = (type: string): number =>
  1 + COORDINATION_UPCASTERS.filter((upcaster) => upcaster.type === type).length;

/** A stable, absolute id per type and version; the engine serves it at /api/schemas/events/<type>.json. */
export const eventSchemaId = (type: string, version: number): string =>
  `urn:kurultai:event:${type}:v${version}`;

const categoryOf = (stream: (id: string) => string): string => stream('x').replace(/-x$/, '');

/** Every event type of the domain, aggregate by aggregate, in the order the catalogue tells them. */
export const EVENT_SCHEMAS: readonly EventSchemaEntry[] = AGGREGATE_SCHEMAS.flatMap((group) =>
  Object.entries(group.payloads).map(([type, payload]) => {
    const version = currentVersion(type);
    // Plain JSON: TypeBox keeps its own markers out of enumeration, so this is the schema as served.
    const { description, ...body } = JSON.parse(JSON.stringify(payload)) as JsonSchema & {
      description?: string;
    };
    if (!description) throw new Error(`the schema of ${type} has no description`);
    return {
      type: type as CoordinationEventType,
      aggregate: group.aggregate,
      category: categoryOf(group.stream),
      version,
      description,
      schema: {
        $schema: JSON_SCHEMA_DIALECT,
        $id: eventSchemaId(type, version),
        title: type,
        description,
        ...body,
      },
      history: COORDINATION_UPCASTERS.filter((u) => u.type === type).map(({ fromVersion, change }) => ({
        fromVersion,
        change,
      })),
    };
  }),
);

const byType = new Map(EVENT_SCHEMAS.map((entry) => [entry.type as string, entry]));

/** The entry of an event type; undefined for a type the domain does not decide. */
export function eventSchemaOf(type: string): EventSchemaEntry | undefined {
  return byType.get(type);
}
