import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The `prevHash` of the first event of the log: 32 zero bytes, in hex. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a stored event that its audit hash covers (DESIGN §8). */
export interface HashedFields {
  readonly type: string;
  readonly schemaVersion: number;
  /** The event's data and metadata, already in RFC 8785 canonical form (`canonicalJson`). */
  readonly canonicalData: string;
  readonly canonicalMetadata: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
}

/** RFC 8785 (JCS) canonical JSON of a JSON value. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('the value has no JSON representation');
  return text;
}

/**
 * The canonical bytes of an event: RFC 8785 JSON of
 * `{data, metadata, position, revision, schemaVersion, stream, type}`. The members are written
 * in JCS order (sorted by UTF-16 code units) around the already-canonical data and metadata, so
 * the result is byte for byte `canonicalize` of that object, without walking data twice.
 */
export function canonicalEvent(fields: HashedFields): string {
  return (
    `{"data":${fields.canonicalData},"metadata":${fields.canonicalMetadata},` +
    `"position":${canonicalInteger(fields.position)},"revision":${canonicalInteger(fields.revision)},` +
    `"schemaVersion":${canonicalInteger(fields.schemaVersion)},"stream":${canonicalString(fields.stream)},` +
    `"type":${canonicalString(fields.type)}}`
  );
}

// The scalars of every event, written as RFC 8785 writes them without the generic walk (a few
// microseconds an event): integers as ECMAScript writes numbers, strings as JSON.stringify
// escapes them, which is what RFC 8785 (§3.2.2) prescribes for both.
function canonicalInteger(value: number): string {
  if (!Number.isSafeInteger(value)) return canonicalJson(value);
  return String(value);
}

/** Any surrogate: the rare string the library checks for lone ones (which it refuses). */
const SURROGATE = /[\uD800-\uDFFF]/;

function canonicalString(value: string): string {
  if (typeof value !== 'string' || SURROGATE.test(value)) return canonicalJson(value);
  return JSON.stringify(value);
}

/** `SHA-256(prevHash || canonical bytes)`, in hex; `prevHash` is the previous event's hash (hex). */
export function chainHash(prevHash: string, canonical: string): string {
  return createHash('sha256').update(Buffer.from(prevHash, 'hex')).update(canonical, 'utf8').digest('hex');
}

/** Any surrogate, raw or escaped: the library checks them (it refuses lone ones). */
const STORED_SURROGATE = /[\uD800-\uDFFF]|\\u[dD][89abcdefABCDEF]/;

/** A key the quick path cannot order by insertion: integer-like keys enumerate first, `__proto__` is special. */
const unusualKey = (key: string) => {
  const first = key.charCodeAt(0);
  return (first >= 48 && first <= 57) || key === '__proto__';
};

class Unusual extends Error {}

/** The value with the members of every object inserted in RFC 8785 order (UTF-16 code units). */
function sorted(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sorted);
  const object = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(object).sort()) {
    if (unusualKey(key)) throw new Unusual();
    out[key] = sorted(object[key]);
  }
  return out;
}

/**
 * RFC 8785 canonical JSON of stored JSON text, byte for byte what `canonicalJson(JSON.parse(text))`
 * gives (the write path's library), about twice as fast: for parsed JSON, RFC 8785 writes strings
 * and numbers as `JSON.stringify` does and only orders the members, so sorting the members and
 * letting the engine's own serialiser write the rest gives the same bytes. Text the quick path
 * cannot take goes through the library.
 */
export function canonicalOfStored(text: string): string {
  const value: unknown = JSON.parse(text);
  if (STORED_SURROGATE.test(text)) return canonicalJson(value);
  try {
    return JSON.stringify(sorted(value));
  } catch (error) {
    if (error instanceof Unusual) return canonicalJson(value);
    throw error;
  }
}

/** The hash of a stored row, from the JSON text of its data and metadata columns. */
export function hashStoredEvent(
  prevHash: string,
  row: {
    readonly type: string;
    readonly schemaVersion: number;
    readonly data: string;
    readonly metadata: string;
    readonly stream: string;
    readonly revision: number;
    readonly position: number;
  },
): string {
  return chainHash(
    prevHash,
    canonicalEvent({
      type: row.type,
      schemaVersion: row.schemaVersion,
      canonicalData: canonicalOfStored(row.data),
      canonicalMetadata: canonicalOfStored(row.metadata),
      stream: row.stream,
      revision: row.revision,
      position: row.position,
    }),
  );
}
