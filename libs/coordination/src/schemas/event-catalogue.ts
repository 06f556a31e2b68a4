import { IsoDateSchema } from '../shared/iso-date.js';
import { LocalizedTextSchema } from '../shared/localized-text.js';
import { StateCodeSchema } from '../shared/states.js';
import { EVENT_EXAMPLES } from './event-examples.js';
import { EVENT_SCHEMAS, type EventSchemaEntry, type JsonSchema } from './event-registry.js';

/** The command that regenerates docs/events.md; a test fails when the file and the code differ. */
export const CATALOGUE_COMMAND = 'npm run docs:events';

interface Field {
  readonly path: string;
  readonly type: string;
  readonly description: string;
}

const isLocalizedText = (schema: JsonSchema): boolean =>
  typeof schema['properties'] === 'object' &&
  schema['properties'] !== null &&
  'uz-Cyrl' in schema['properties'];

/** A JSON Schema's type in a few words; objects and lists of objects are told field by field. */
function typeOf(schema: JsonSchema): string {
  if (isLocalizedText(schema)) return 'localized text';
  const anyOf = schema['anyOf'] as JsonSchema[] | undefined;
  if (anyOf) return anyOf.map(typeOf).join(' or ');
  if (Array.isArray(schema['enum']))
    return `one of ${(schema['enum'] as string[]).map((v) => `\`${v}\``).join(', ')}`;
  switch (schema['type']) {
    case 'string':
      return schema['format'] === 'date'
        ? 'date'
        : schema['pattern'] === '^[A-Z]{2}$'
          ? 'state code'
          : schema['format'] === 'uri'
            ? 'URL'
            : 'string';
    case 'integer': {
      const [min, max] = [schema['minimum'], schema['maximum']];
      return min !== undefined && max !== undefined
        ? `integer ${min}–${max}`
        : min !== undefined
          ? `integer ≥ ${min}`
          : 'integer';
    }
    case 'array':
      return `list of ${typeOf(schema['items'] as JsonSchema)}`;
    case 'object':
      return 'object';
    case 'null':
      return 'null';
    case undefined:
      return 'any JSON value';
    default:
      return String(schema['type']);
  }
}

/** The object a schema (or a nullable one, or a list of them) describes member by member. */
function objectWithin(schema: JsonSchema): JsonSchema | null {
  if (isLocalizedText(schema)) return null;
  if (schema['type'] === 'object' && schema['properties']) return schema;
  if (schema['type'] === 'array') return objectWithin(schema['items'] as JsonSchema);
  const anyOf = schema['anyOf'] as JsonSchema[] | undefined;
  const object = anyOf?.find((s) => s['type'] === 'object' || s['type'] === 'array');
  return object ? objectWithin(object) : null;
}

function fieldsOf(schema: JsonSchema, prefix = ''): Field[] {
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = (schema['required'] ?? []) as string[];
  return Object.entries(properties).flatMap(([name, member]) => {
    const isList =
      member['type'] === 'array' ||
      (member['anyOf'] as JsonSchema[] | undefined)?.some((s) => s['type'] === 'array');
    const path = `${prefix}${name}${isList && objectWithin(member) ? '[]' : ''}`;
    const optional = required.includes(name) ? '' : ' (optional)';
    const field = {
      path,
      type: typeOf(member) + optional,
      description: GENERAL.has(member['description'] as string) ? '' : String(member['description'] ?? ''),
    };
    const nested = objectWithin(member);
    return nested ? [field, ...fieldsOf(nested, `${path}.`)] : [field];
  });
}

/** What the catalogue's introduction says once, rather than on every field of these types. */
const GENERAL = new Set(
  ([IsoDateSchema, LocalizedTextSchema, StateCodeSchema] as unknown as JsonSchema[]).map(
    (s) => s['description'],
  ),
);

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function section(entry: EventSchemaEntry): string {
  const rows = fieldsOf(entry.schema).map(
    (f) => `| \`${f.path}\` | ${cell(f.type)} | ${cell(f.description)} |`,
  );
  const history =
    entry.history.length === 0
      ? ''
      : `\nVersions: ${entry.history.map((h) => `v${h.fromVersion} → v${h.fromVersion + 1}: ${h.change}`).join('; ')}. ` +
        'Events stored at an older version are upcast when read.\n';
  return [
    `### ${entry.type}`,
    '',
    `${entry.description}.`,
    '',
    `Schema version ${entry.version} · stream \`${entry.category}-<id>\` · schema \`/api/schemas/events/${entry.type}.json\` (\`${entry.schema['$id'] as string}\`)`,
    history,
    '| field | type | meaning |',
    '| --- | --- | --- |',
    ...rows,
    '',
    '```json',
    JSON.stringify(EVENT_EXAMPLES[entry.type], null, 2),
    '```',
    '',
  ].join('\n');
}

/** docs/events.md: every event type of the domain, aggregate by aggregate, generated from the schemas. */
export function renderEventCatalogue(entries: readonly EventSchemaEntry[] = EVENT_SCHEMAS): string {
  const aggregates = [...new Set(entries.map((e) => e.aggregate))];
  const index = aggregates.map((aggregate) => {
    const types = entries
      .filter((e) => e.aggregate === aggregate)
      .map((e) => `[${e.type}](#${e.type.toLowerCase()})`);
    return `- **${aggregate}**: ${types.join(', ')}`;
  });
  return [
    '# Event catalogue',
    '',
    `<!-- Generated from libs/coordination/src/schemas by \`${CATALOGUE_COMMAND}\`; do not edit by hand. -->`,
    '',
    'Every event the OTS coordination domain records, with the payload (`data`) each carries. Each ' +
      'payload has a JSON Schema (draft 2020-12) served at `/api/schemas/events/<type>.json`; ' +
      '`/api/asyncapi.json` describes the feeds that carry them (docs/subscriptions.md, docs/webhooks.md). ' +
      'The envelope around `data` (id, type, schemaVersion, stream, revision, position, metadata) is ' +
      'described in docs/subscriptions.md. Schema versions and upcasting: docs/schemas.md.',
    '',
    'Localized text is an object of translations by language tag (`en` required; `ru`, `tr`, `az-Latn`, ' +
      '`kk`, `ky`, `uz-Latn`, `uz-Cyrl`, `hu`, `tk`), none blank. Dates are `YYYY-MM-DD`. State codes are ' +
      'two capital letters (`XC` for the Turkish Republic of Northern Cyprus).',
    '',
    ...index,
    '',
    ...aggregates.flatMap((aggregate) => [
      `## ${aggregate}`,
      '',
      ...entries.filter((e) => e.aggregate === aggregate).map(section),
    ]),
  ].join('\n');
}
