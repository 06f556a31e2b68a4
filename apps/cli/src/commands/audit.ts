import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  AuditReader,
  CHECKPOINT_EVENT,
  CHECKPOINT_STREAM,
  exportLog,
  leafHash,
  MerkleTree,
  publicKeysIn,
  verifyExport,
  verifyLog,
  type ConsistencyProof,
  type InclusionProof,
  type SignedCheckpoint,
  type VerifyReport,
} from '#audit';
import { CliError, eventsPath, EXIT } from '../support.js';

/** Where the engine keeps its audit key, and the origin it signs under (as apps/api/src/config.ts). */
export interface AuditSettings {
  readonly keyFile: string;
  readonly origin: string;
}

export const DEFAULT_AUDIT_ORIGIN = 'kurultai.local/events';

export function auditSettings(dataDir: string, env: NodeJS.ProcessEnv = process.env): AuditSettings {
  return {
    keyFile: resolve(env.KURULTAI_AUDIT_KEY_FILE || join(dataDir, 'audit-key.pem')),
    origin: env.KURULTAI_AUDIT_ORIGIN || DEFAULT_AUDIT_ORIGIN,
  };
}

function existingLog(dataDir: string): string {
  const path = eventsPath(dataDir);
  if (!existsSync(path))
    throw new CliError(`there is no event log at ${path} (see --data-dir)`, EXIT.notFound);
  return path;
}

function readTextFile(file: string, what: string): string {
  if (!existsSync(file)) throw new CliError(`there is no ${what} at ${resolve(file)}`, EXIT.notFound);
  return readFileSync(file, 'utf8');
}

/** The report, or a `CliError` (exit `EXIT.tampered`) naming the first tampered position and the kind. */
export function failIfTampered(report: VerifyReport): void {
  if (report.ok || !report.failure) return;
  const { position, kind, detail } = report.failure;
  throw new CliError(`the log was tampered with at position ${position} (${kind}): ${detail}`, EXIT.tampered);
}

export interface AuditVerifyOptions {
  /** PEM files of the trusted public keys; default every `*.pub.pem` beside the engine's key. */
  readonly publicKey?: readonly string[];
  /** A checkpoint note kept outside the log (`latest.txt`). */
  readonly checkpoint?: string;
  /** Default: `KURULTAI_AUDIT_ORIGIN`, else `kurultai.local/events`. */
  readonly origin?: string;
}

/** Walks `events.sqlite` (read-only): hash chain, checkpoint signatures and roots. */
export function auditVerify(
  dataDir: string,
  options: AuditVerifyOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): VerifyReport {
  const path = existingLog(dataDir);
  const settings = auditSettings(dataDir, env);
  let publicKeys: string[];
  if (options.publicKey && options.publicKey.length > 0) {
    publicKeys = options.publicKey.map((file) => readTextFile(file, 'public key file'));
  } else {
    publicKeys = publicKeysIn(dirname(settings.keyFile));
    if (publicKeys.length === 0)
      throw new CliError(
        `there is no public key (*.pub.pem) beside ${settings.keyFile}; pass --public-key`,
        EXIT.notFound,
      );
  }
  const trustedCheckpoint = options.checkpoint
    ? readTextFile(options.checkpoint, 'checkpoint file')
    : undefined;
  return verifyLog(path, {
    origin: options.origin ?? settings.origin,
    publicKeys,
    ...(trustedCheckpoint === undefined ? {} : { trustedCheckpoint }),
  });
}

export interface AuditExportResult {
  readonly file: string;
  readonly events: number;
}

/** The log with its audit hashes, as the NDJSON the offline verifier reads. Overwrites `file`. */
export function auditExport(dataDir: string, file: string): AuditExportResult {
  const events = exportLog(existingLog(dataDir), file);
  return { file: resolve(file), events };
}

/** The offline verifier a third party runs: an export and the public key(s), nothing else. */
export function auditVerifyExport(
  file: string,
  options: { readonly publicKey: readonly string[]; readonly checkpoint?: string; readonly origin?: string },
): VerifyReport {
  if (!existsSync(file)) throw new CliError(`there is no export file at ${resolve(file)}`, EXIT.notFound);
  const publicKeys = options.publicKey.map((key) => readTextFile(key, 'public key file'));
  const trustedCheckpoint = options.checkpoint
    ? readTextFile(options.checkpoint, 'checkpoint file')
    : undefined;
  try {
    return verifyExport(file, publicKeys, {
      ...(options.origin === undefined ? {} : { origin: options.origin }),
      ...(trustedCheckpoint === undefined ? {} : { trustedCheckpoint }),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`cannot verify ${file}: ${reason} (is it a \`kurultai audit export\`?)`);
  }
}

/** Runs `work` over a read-only Merkle tree of the data folder's log, in one read transaction. */
function withTree<T>(dataDir: string, work: (reader: AuditReader, tree: MerkleTree) => T): T {
  const reader = AuditReader.open(existingLog(dataDir));
  try {
    return reader.snapshot(() => work(reader, new MerkleTree(reader)));
  } finally {
    reader.close();
  }
}

function outOfRange(message: string): CliError {
  return new CliError(message, EXIT.usage);
}

/** As `GET /api/audit/proofs/inclusion?position=N&size=S` (size: default the whole log). */
export function inclusionProof(dataDir: string, position: number, size?: number): InclusionProof {
  return withTree(dataDir, (reader, tree) => {
    const head = reader.size();
    const treeSize = size ?? head;
    if (!(treeSize >= 1 && treeSize <= head)) throw outOfRange(`--size must be between 1 and ${head}`);
    if (!(position >= 1 && position <= treeSize))
      throw outOfRange(`--position must be between 1 and ${treeSize}`);
    const [leaf] = reader.leaves(position - 1, position);
    const checkpoint =
      reader
        .streamRows(CHECKPOINT_STREAM)
        .filter((row) => row.type === CHECKPOINT_EVENT)
        .map((row) => JSON.parse(row.data) as SignedCheckpoint)
        .find((c) => c.size === treeSize) ?? null;
    return {
      position,
      leafIndex: position - 1,
      treeSize,
      eventHash: leaf.toString('hex'),
      leafHash: leafHash(leaf).toString('hex'),
      path: tree.inclusionProof(position - 1, treeSize).map((hash) => hash.toString('hex')),
      rootHash: tree.root(treeSize).toString('hex'),
      checkpoint,
    };
  });
}

/** As `GET /api/audit/proofs/consistency?from=S1&to=S2` (to: default the whole log). */
export function consistencyProof(dataDir: string, from: number, to?: number): ConsistencyProof {
  return withTree(dataDir, (reader, tree) => {
    const head = reader.size();
    const end = to ?? head;
    if (!(end >= 1 && end <= head)) throw outOfRange(`--to must be between 1 and ${head}`);
    if (!(from >= 1 && from <= end)) throw outOfRange(`--from must be between 1 and ${end}`);
    return {
      from,
      to: end,
      fromRoot: tree.root(from).toString('hex'),
      toRoot: tree.root(end).toString('hex'),
      proof: tree.consistencyProof(from, end).map((hash) => hash.toString('hex')),
    };
  });
}
