import type { KeyObject } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { GENESIS_HASH, hashStoredEvent } from '#event-store/sqlite/event-hash.js';
import { AuditReader, type StoredRow } from './audit-reader.js';
import { linesOf } from './export-lines.js';
import {
  CHECKPOINT_EVENT,
  CHECKPOINT_STREAM,
  checkSignature,
  keyRing,
  parseNote,
  type SignedCheckpoint,
} from './checkpoint.js';
import { CompactRange } from './merkle.js';

/** What a failed check looks like. */
export type TamperKind =
  | 'edited-event'
  | 'deleted-event'
  | 'inserted-event'
  | 'reordered-events'
  | 'truncated-tail'
  | 'forged-checkpoint-signature'
  | 'unknown-checkpoint-key'
  | 'checkpoint-root-mismatch'
  | 'malformed-checkpoint';

export interface TamperFinding {
  /** The first global position where the log stops being what was written. */
  readonly position: number;
  readonly kind: TamperKind;
  readonly detail: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  /** Events checked (the log's size when it is intact). */
  readonly events: number;
  /** Checkpoints in the log whose signature and root were checked. */
  readonly checkpoints: number;
  /** The largest size a verified signed checkpoint covers (0: none). */
  readonly signedSize: number;
  readonly failure?: TamperFinding;
}

export interface VerifyOptions {
  /** The log's origin: the name checkpoints are signed under. */
  readonly origin: string;
  /** Trusted public keys (PEM or KeyObject): the current one and every retired one. */
  readonly publicKeys: readonly (string | KeyObject)[];
  /** A checkpoint note kept outside the log (`latest.txt`): the log must still contain it. */
  readonly trustedCheckpoint?: string;
}

/** Random access to the rows the walk needs only once it has found a failure. */
interface RowSource {
  rows(): Iterable<StoredRow>;
  rowAt(position: number): StoredRow | undefined;
  positionOfHash(hash: string): number | undefined;
  checkpointRows(): StoredRow[];
  /** The highest position ever handed out, when the source knows it. */
  sequence(): number | null;
}

/** Walks the store's SQLite file (read-only) and reports the first place it was tampered with. */
export function verifyLog(storePath: string, options: VerifyOptions): VerifyReport {
  const reader = AuditReader.open(storePath);
  try {
    return verifyRows(
      {
        rows: () => reader.rows(),
        rowAt: (position) => reader.rowAt(position),
        positionOfHash: (hash) => reader.positionOfHash(hash),
        checkpointRows: () => reader.streamRows(CHECKPOINT_STREAM),
        sequence: () => reader.sequence(),
      },
      options,
    );
  } finally {
    reader.close();
  }
}

interface ExportHeader {
  readonly format: 'kurultai-log-export';
  readonly version: 1;
  readonly exportedAt: string;
  readonly events: number;
  readonly sequence: number | null;
}

/**
 * Writes the stored rows, with their hashes, as NDJSON: a header line, then one line per event
 * in global order, its data and metadata as the JSON text stored. Returns how many events.
 */
export function exportLog(storePath: string, outPath: string): number {
  const reader = AuditReader.open(storePath);
  const fd = openSync(outPath, 'w');
  try {
    // One read transaction, so the header and the rows describe the same log.
    return reader.snapshot(() => {
      const header: ExportHeader = {
        format: 'kurultai-log-export',
        version: 1,
        exportedAt: new Date().toISOString(),
        events: reader.size(),
        sequence: reader.sequence(),
      };
      writeSync(fd, `${JSON.stringify(header)}\n`);
      let count = 0;
      let buffer = '';
      for (const row of reader.rows()) {
        buffer += `${JSON.stringify(row)}\n`;
        count++;
        if (buffer.length > 1 << 20) {
          writeSync(fd, buffer);
          buffer = '';
        }
      }
      writeSync(fd, buffer);
      return count;
    });
  } finally {
    closeSync(fd);
    reader.close();
  }
}

/**
 * The offline verifier: needs only an export (`exportLog`) and the public key(s). It reads the
 * export line by line (a million-event export is larger than one string can be); the rows it
 * looks back for, only once it has found a failure, are found by reading the file again.
 */
export function verifyExport(
  ndjsonPath: string,
  publicKeyPem: string | readonly string[],
  options: { readonly origin?: string; readonly trustedCheckpoint?: string } = {},
): VerifyReport {
  const lines = linesOf(ndjsonPath);
  const first = lines.next();
  lines.return(undefined);
  const header = JSON.parse(first.done ? '{}' : first.value) as Partial<ExportHeader>;
  if (header.format !== 'kurultai-log-export') throw new Error(`${ndjsonPath} is not a Kurultai log export`);
  function* rows(): Generator<StoredRow> {
    let first = true;
    for (const line of linesOf(ndjsonPath)) {
      if (first) first = false;
      else yield JSON.parse(line) as StoredRow;
    }
  }
  const find = (match: (row: StoredRow) => boolean) => {
    for (const row of rows()) if (match(row)) return row;
    return undefined;
  };
  // Pass 1, the checkpoints only: a line is parsed only when it names their stream.
  const checkpointRows: StoredRow[] = [];
  let headerLine = true;
  for (const line of linesOf(ndjsonPath)) {
    if (headerLine) headerLine = false;
    else if (line.includes(`"${CHECKPOINT_STREAM}"`)) {
      const row = JSON.parse(line) as StoredRow;
      if (row.stream === CHECKPOINT_STREAM) checkpointRows.push(row);
    }
  }
  const origin =
    options.origin ??
    (checkpointRows.length > 0
      ? (JSON.parse(checkpointRows[0].data) as { origin?: string }).origin
      : undefined) ??
    (options.trustedCheckpoint ? parseNote(options.trustedCheckpoint).origin : '');
  return verifyRows(
    {
      rows,
      rowAt: (position) => find((row) => row.position === position),
      positionOfHash: (hash) => find((row) => row.hash === hash)?.position,
      checkpointRows: () => checkpointRows,
      sequence: () => header.sequence ?? null,
    },
    {
      origin,
      publicKeys: typeof publicKeyPem === 'string' ? [publicKeyPem] : publicKeyPem,
      trustedCheckpoint: options.trustedCheckpoint,
    },
  );
}

function parseCheckpoint(row: StoredRow): SignedCheckpoint | undefined {
  try {
    const data = JSON.parse(row.data) as Partial<SignedCheckpoint>;
    const fields = ['origin', 'rootHash', 'time', 'keyName', 'keyId', 'signature'] as const;
    if (fields.some((field) => typeof data[field] !== 'string')) return undefined;
    if (typeof data.size !== 'number' || !Number.isSafeInteger(data.size) || data.size < 0) return undefined;
    return data as SignedCheckpoint;
  } catch {
    return undefined;
  }
}

/** The walk shared by the online and the offline verifier. */
function verifyRows(source: RowSource, options: VerifyOptions): VerifyReport {
  const keys = keyRing(options.origin, options.publicKeys);
  const trusted = options.trustedCheckpoint ? parseNote(options.trustedCheckpoint) : undefined;
  // Pass 1: the sizes whose roots checkpoints state, so the walk records MTH at those sizes.
  const wanted = new Set<number>();
  for (const row of source.checkpointRows()) {
    const checkpoint = parseCheckpoint(row);
    if (checkpoint) wanted.add(checkpoint.size);
  }
  if (trusted) wanted.add(trusted.size);
  const roots = new Map<number, string>();
  const tree = new CompactRange();
  if (wanted.has(0)) roots.set(0, tree.root().toString('base64'));

  let prevHash = GENESIS_HASH;
  let expected = 1;
  let checkpoints = 0;
  let signedSize = 0;
  const report = (failure?: TamperFinding): VerifyReport => ({
    ok: failure === undefined,
    events: expected - 1,
    checkpoints,
    signedSize,
    ...(failure ? { failure } : {}),
  });

  for (const row of source.rows()) {
    const failure = checkRow(source, row, expected, prevHash);
    if (failure) return report(failure);
    tree.push(Buffer.from(row.hash!, 'hex'));
    if (wanted.has(expected)) roots.set(expected, tree.root().toString('base64'));
    if (row.stream === CHECKPOINT_STREAM && row.type === CHECKPOINT_EVENT) {
      const problem = checkCheckpoint(parseCheckpoint(row), row.position, options.origin, keys, roots);
      if (problem) return report(problem);
      checkpoints++;
      signedSize = Math.max(signedSize, parseCheckpoint(row)!.size);
    }
    prevHash = row.hash!;
    expected++;
  }
  const size = expected - 1;
  const sequence = source.sequence();
  if (sequence !== null && sequence > size) {
    return report({
      position: size + 1,
      kind: 'truncated-tail',
      detail: `the store handed out positions up to ${sequence} but the log ends at ${size}`,
    });
  }
  if (trusted) {
    if (trusted.size > size) {
      return report({
        position: size + 1,
        kind: 'truncated-tail',
        detail: `the kept checkpoint covers ${trusted.size} events but the log ends at ${size}`,
      });
    }
    const problem = checkCheckpoint(trusted, size, options.origin, keys, roots);
    if (problem) return report(problem);
    signedSize = Math.max(signedSize, trusted.size);
  }
  return report();
}

function checkRow(
  source: RowSource,
  row: StoredRow,
  expected: number,
  prevHash: string,
): TamperFinding | undefined {
  if (row.position > expected) {
    const missing = row.position - expected;
    return {
      position: expected,
      kind: 'deleted-event',
      detail: `${missing} event${missing === 1 ? '' : 's'} missing: the log jumps from ${expected - 1} to ${row.position}`,
    };
  }
  if (row.hash === null || row.prevHash === null) {
    return {
      position: row.position,
      kind: 'inserted-event',
      detail: 'an event without an audit hash: not written by the store',
    };
  }
  let recomputed: string | undefined;
  try {
    recomputed = hashStoredEvent(prevHash, row);
  } catch {
    recomputed = undefined;
  }
  if (row.prevHash === prevHash && recomputed === row.hash) return undefined;

  const next = source.rowAt(row.position + 1);
  if (next?.prevHash === prevHash) {
    // The chain skips this row. Two neighbours swapped look like this too, but then this row was
    // written right after the next one.
    if (row.prevHash === next.hash) {
      return {
        position: row.position,
        kind: 'reordered-events',
        detail: `the events at ${row.position} and ${row.position + 1} were swapped`,
      };
    }
    return {
      position: row.position,
      kind: 'inserted-event',
      detail: `the chain goes from position ${row.position - 1} straight to the event after ${row.position}`,
    };
  }
  const predecessor = row.prevHash === prevHash ? undefined : source.positionOfHash(row.prevHash);
  if (predecessor !== undefined) {
    return {
      position: row.position,
      kind: 'reordered-events',
      detail: `the event at ${row.position} was written right after the event now at ${predecessor}`,
    };
  }
  if (row.prevHash !== prevHash) {
    return {
      position: row.position,
      kind: 'deleted-event',
      detail: `the event written before the one now at ${row.position} is no longer in the log (positions renumbered)`,
    };
  }
  return {
    position: row.position,
    kind: 'edited-event',
    detail:
      recomputed === undefined
        ? `the event at ${row.position} is no longer valid JSON`
        : `the content of the event at ${row.position} (type, data, metadata, stream, revision or position) no longer matches its hash`,
  };
}

function checkCheckpoint(
  checkpoint: SignedCheckpoint | undefined,
  position: number,
  origin: string,
  keys: ReadonlyMap<string, KeyObject>,
  roots: ReadonlyMap<number, string>,
): TamperFinding | undefined {
  if (!checkpoint || checkpoint.origin !== origin) {
    return {
      position,
      kind: 'malformed-checkpoint',
      detail: `the checkpoint at ${position} is not one of ${origin}`,
    };
  }
  const signature = checkSignature(checkpoint, keys);
  if (signature === 'unknown-key') {
    return {
      position,
      kind: 'unknown-checkpoint-key',
      detail: `the checkpoint at ${position} is signed by key ${checkpoint.keyId}, which is not a trusted key`,
    };
  }
  if (signature === 'bad-signature') {
    return {
      position,
      kind: 'forged-checkpoint-signature',
      detail: `the signature of the checkpoint at ${position} (size ${checkpoint.size}) does not verify`,
    };
  }
  const root = roots.get(checkpoint.size);
  if (root === undefined) {
    return {
      position,
      kind: 'malformed-checkpoint',
      detail: `the checkpoint at ${position} covers ${checkpoint.size} events, more than the log held before it`,
    };
  }
  if (root !== checkpoint.rootHash) {
    return {
      position,
      kind: 'checkpoint-root-mismatch',
      detail: `the first ${checkpoint.size} events no longer have the Merkle root signed at ${checkpoint.time}: history was rewritten`,
    };
  }
  return undefined;
}
