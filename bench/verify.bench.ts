import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  AuditReader,
  CHECKPOINT_STREAM,
  checkpointEvent,
  CompactRange,
  keyIdOf,
  leafHash,
  MerkleTree,
  signCheckpoint,
  verifyLog,
  type AuditKey,
} from '#audit';
import { SqliteEventStore } from '#event-store';
import { sizeLabel } from './full-rebuild.bench.js';
import { compare, trackMemory, type Rounds, type Work } from './harness.js';
import { rawScan } from './raw-scan.js';
import { assertChecks, figure, type About, type BenchmarkResult } from './result.js';
import { tempDir } from './temp-dir.js';
import { consistencyHolds, inclusionHolds } from './verify-proofs.js';
import { megabytesOf, WorldLogs } from './world-logs.js';

export interface VerifySizes {
  /** Events of the generated log (the shared large world log). */
  readonly events: number;
  /** A signed checkpoint every this many events, as `KURULTAI_AUDIT_CHECKPOINT_EVERY` (default 1,000). */
  readonly checkpointEvery: number;
  readonly rounds: Rounds;
}

export const verifyAbout: About = {
  name: 'verify',
  title: 'Verifying the tamper-evident log',
  measures:
    '`verifyLog` (what `kurultai audit verify` and `GET /api/audit/verify` run) over a copy of the generated log with ' +
    'signed checkpoints: each event re-hashed from its stored JSON (RFC 8785 canonical form, SHA-256 chained to ' +
    'the previous hash), the RFC 9162 Merkle tree folded over every event hash, and every checkpoint checked ' +
    "(Ed25519 signature, root at its size). The checkpoints are the engine's: one every `checkpointEvery` events, " +
    'signed over the root at that size, appended to `audit-checkpoints` after the generated events. The report ' +
    'must say the log is intact with every event and checkpoint counted. Then inclusion and consistency proofs ' +
    'on that log (`MerkleTree`, as `/api/audit/proofs/…` serves them), each checked against the RFC 9162 ' +
    'algorithms written from the standard (bench/verify-proofs.ts), and their size in hashes beside ⌈log2 n⌉.',
  baseline:
    "A raw sequential scan of the same events table (`rawScan`: the store's columns, JSON.parse of data and " +
    'metadata): the floor under any walk of the log.',
};

const ORIGIN = 'bench.kurultai/events';

function auditKey(): AuditKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { name: ORIGIN, keyId: keyIdOf(ORIGIN, publicKey), privateKey, publicKey };
}

/** Appends the checkpoints an engine signing every `every` events would have written. */
async function signCheckpoints(file: string, size: number, every: number, key: AuditKey): Promise<number> {
  const reader = AuditReader.open(file);
  const tree = new CompactRange();
  const checkpoints = [];
  try {
    for (let from = 0; from < size; from += 50_000) {
      for (const leaf of reader.leaves(from, Math.min(size, from + 50_000))) {
        tree.push(leaf);
        if (tree.size % every === 0 || tree.size === size) {
          const time = new Date().toISOString();
          checkpoints.push(
            signCheckpoint(
              { origin: ORIGIN, size: tree.size, rootHash: tree.root().toString('base64'), time },
              key,
            ),
          );
        }
      }
    }
  } finally {
    reader.close();
  }
  const store = await SqliteEventStore.open(file);
  try {
    for (let i = 0; i < checkpoints.length; i += 500) {
      await store.append(CHECKPOINT_STREAM, checkpoints.slice(i, i + 500).map(checkpointEvent));
    }
  } finally {
    await store.close();
  }
  return checkpoints.length;
}

/** Positions and tree sizes the proofs are asked at: the RFC's edge cases and the whole log. */
function proofPoints(n: number) {
  const pow = 2 ** Math.floor(Math.log2(n));
  const sizes = [...new Set([1, 2, 3, pow / 2, pow / 2 + 1, pow, Math.min(n, pow + 1), n])].filter(
    (s) => s >= 1 && s <= n,
  );
  const inclusion = sizes.flatMap((size) =>
    [...new Set([0, size >> 1, size - 1])].map((index) => ({ index, size })),
  );
  const consistency = [
    [1, n],
    [2, n],
    [pow / 2, pow],
    [pow / 2 + 1, n],
    [pow, n],
    [n - 1, n],
    [Math.floor(n / 3), Math.floor((2 * n) / 3)],
  ].filter(([m, size]) => m >= 1 && m <= size && size <= n);
  return { inclusion, consistency };
}

const log2ceil = (n: number) => (n <= 1 ? 0 : Math.ceil(Math.log2(n)));

/** Proofs on the log, each checked against the RFC; hash counts and the ⌈log2 n⌉ bound. */
function measureProofs(file: string, n: number) {
  const reader = AuditReader.open(file);
  const tree = new MerkleTree(reader);
  const { inclusion, consistency } = proofPoints(n);
  const inclusionHashes: Record<string, number> = {};
  const consistencyHashes: Record<string, number> = {};
  let worstOverBound = 0;
  const started = performance.now();
  try {
    for (const { index, size } of inclusion) {
      const path = tree.inclusionProof(index, size);
      const [leaf] = reader.leaves(index, index + 1);
      if (!inclusionHolds(index, size, leafHash(leaf), path, tree.root(size)))
        throw new Error(`the inclusion proof of leaf ${index} in ${size} does not verify`);
      inclusionHashes[`leaf ${index} of ${size} (⌈log2⌉ ${log2ceil(size)})`] = path.length;
      worstOverBound = Math.max(worstOverBound, path.length - log2ceil(size));
    }
    for (const [m, size] of consistency) {
      const proof = tree.consistencyProof(m, size);
      if (!consistencyHolds(m, size, tree.root(m), tree.root(size), proof))
        throw new Error(`the consistency proof from ${m} to ${size} does not verify`);
      // RFC 9162 §2.1.4: at most ⌈log2 n⌉ + 1 nodes.
      consistencyHashes[`${m} → ${size} (⌈log2⌉ ${log2ceil(size)})`] = proof.length;
      worstOverBound = Math.max(worstOverBound, proof.length - log2ceil(size) - 1);
    }
  } finally {
    reader.close();
  }
  return {
    inclusionHashes,
    consistencyHashes,
    worstOverBound,
    ms: performance.now() - started,
    proofs: inclusion.length + consistency.length,
  };
}

/** The parts of a verification, timed apart on the same log: what the walk spends its time on. */
function profileParts(file: string): Record<string, number> {
  const reader = AuditReader.open(file);
  try {
    const time = (work: () => void) => {
      const start = performance.now();
      work();
      return Math.round(performance.now() - start);
    };
    return {
      'reading the rows': time(() => {
        for (const row of reader.rows()) if (row.hash === null) throw new Error('no hash');
      }),
      'Merkle tree over the hashes': time(() => {
        const tree = new CompactRange();
        for (const row of reader.rows()) tree.push(Buffer.from(row.hash!, 'hex'));
      }),
    };
  } finally {
    reader.close();
  }
}

export async function runVerifyBenchmark(sizes: VerifySizes, shared?: WorldLogs): Promise<BenchmarkResult> {
  const logs = shared ?? new WorldLogs();
  const dir = tempDir('verify');
  const memory = trackMemory();
  const started = performance.now();
  try {
    const { file: original } = await logs.get(sizes.events);
    const file = dir.file('events.sqlite');
    copyFileSync(original, file);
    const key = auditKey();
    const checkpoints = await signCheckpoints(file, sizes.events, sizes.checkpointEvery, key);
    const total = sizes.events + checkpoints;
    const publicKey = key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    let report: ReturnType<typeof verifyLog> | undefined;
    const engine: Work = {
      run: () => {
        report = verifyLog(file, { origin: ORIGIN, publicKeys: [publicKey] });
        if (!report.ok)
          throw new Error(`the generated log does not verify: ${JSON.stringify(report.failure)}`);
        return report.events;
      },
    };
    const baseline: Work = { run: () => rawScan(file) };
    const comparison = await compare(engine, baseline, sizes.rounds);
    assertChecks(
      'verify',
      { events: report!.events, checkpoints: report!.checkpoints, signedSize: report!.signedSize },
      { events: total, checkpoints, signedSize: sizes.events },
    );
    const proofs = measureProofs(file, total);
    const label = sizeLabel(sizes.events);
    return {
      ...verifyAbout,
      sizes: { events: sizes.events, checkpointEvery: sizes.checkpointEvery, rounds: sizes.rounds.rounds },
      figures: [
        figure(
          `verify the ${label} log (chain, Merkle root, signatures)`,
          'events/s',
          { engine: 'verifyLog', baseline: 'raw iterate + JSON.parse' },
          comparison,
        ),
      ],
      checks: {
        eventsVerified: report!.events,
        checkpointsVerified: checkpoints,
        signedSize: report!.signedSize,
        logMb: megabytesOf(file),
        proofsChecked: proofs.proofs,
        // 0 when every proof is within ⌈log2 n⌉ hashes (consistency: ⌈log2 n⌉ + 1).
        proofHashesOverBound: Math.max(0, proofs.worstOverBound),
      },
      breakdown: {
        [`inclusion proof of ${label}-log leaves, hashes`]: proofs.inclusionHashes,
        [`consistency proof on the ${label} log, hashes`]: proofs.consistencyHashes,
        [`parts of a walk of the ${label} log, ms`]: profileParts(file),
        'proofs, ms': {
          [`${proofs.proofs} proofs, first ones building the tree cache`]: Math.round(proofs.ms),
        },
      },
      memory: memory(),
      durationMs: performance.now() - started,
    };
  } finally {
    dir.remove();
    if (!shared) logs.remove();
  }
}
