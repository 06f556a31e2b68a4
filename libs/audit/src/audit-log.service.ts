import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { dirname } from 'node:path';
import { EVENT_STORE, type EventStore, type Subscription } from '#event-store';
import { AuditReader } from './audit-reader.js';
import {
  CHECKPOINT_EVENT,
  CHECKPOINT_STREAM,
  checkpointEvent,
  formatNote,
  loadOrCreateKey,
  publicKeysIn,
  signCheckpoint,
  type AuditKey,
  type SignedCheckpoint,
} from './checkpoint.js';
import { leafHash, MerkleTree } from './merkle.js';
import { verifyLog, type VerifyReport } from './verify.js';

export const AUDIT_OPTIONS = Symbol.for('kurultai.AuditOptions');

export interface AuditOptions {
  /** The SQLite file of the event store. */
  readonly storePath: string;
  /** The Ed25519 private key (PKCS#8 PEM); generated, with `<name>.pub.pem` beside it, when absent. */
  readonly keyFile: string;
  /** The log's name in its checkpoints (signed-note origin and key name). */
  readonly origin: string;
  /** Sign a checkpoint after this many events since the last one (0: only on demand). */
  readonly checkpointEvery: number;
}

export interface InclusionProof {
  readonly position: number;
  readonly leafIndex: number;
  readonly treeSize: number;
  /** The event's audit hash (the leaf) and RFC 9162 leaf hash, hex. */
  readonly eventHash: string;
  readonly leafHash: string;
  readonly path: string[];
  /** MTH of the first `treeSize` events, hex, and the signed checkpoint of that size if there is one. */
  readonly rootHash: string;
  readonly checkpoint: SignedCheckpoint | null;
}

export interface ConsistencyProof {
  readonly from: number;
  readonly to: number;
  readonly fromRoot: string;
  readonly toRoot: string;
  readonly proof: string[];
}

export class AuditRangeError extends RangeError {}

/** The tamper-evident log: Merkle tree over the audit chain, signed checkpoints, proofs, verification. */
@Injectable()
export class AuditLog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('audit');
  private readonly reader: AuditReader;
  private readonly tree: MerkleTree;
  readonly key: AuditKey;
  private subscription: Subscription | undefined;
  private watching: Promise<void> | undefined;
  private lastSignedSize = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    @Inject(AUDIT_OPTIONS) private readonly options: AuditOptions,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    // The store (injected) has opened and migrated the file before this reader opens it.
    this.reader = AuditReader.open(options.storePath);
    this.tree = new MerkleTree(this.reader);
    this.key = loadOrCreateKey(options.keyFile, options.origin);
  }

  /** The current public key and every retired one kept beside it (`*.pub.pem`). */
  publicKeys(): string[] {
    return publicKeysIn(dirname(this.options.keyFile));
  }

  size(): number {
    return this.reader.size();
  }

  /** Signs MTH of the whole log as it stands and appends it to `audit-checkpoints`. */
  writeCheckpoint(): Promise<{ checkpoint: SignedCheckpoint; position: number }> {
    // One at a time, so each checkpoint covers at least what the one before it covered.
    const next = this.queue.catch(() => undefined).then(() => this.signAndAppend());
    this.queue = next;
    return next;
  }

  private async signAndAppend(): Promise<{ checkpoint: SignedCheckpoint; position: number }> {
    const size = this.reader.size();
    const checkpoint = signCheckpoint(
      {
        origin: this.options.origin,
        size,
        rootHash: this.tree.root(size).toString('base64'),
        time: new Date().toISOString(),
      },
      this.key,
    );
    const result = await this.store.append(CHECKPOINT_STREAM, [checkpointEvent(checkpoint)]);
    this.lastSignedSize = Math.max(this.lastSignedSize, size);
    return { checkpoint, position: result.position };
  }

  /** The checkpoints in the log, oldest first, with their positions. */
  checkpoints(): { position: number; checkpoint: SignedCheckpoint }[] {
    return this.reader
      .streamRows(CHECKPOINT_STREAM)
      .filter((row) => row.type === CHECKPOINT_EVENT)
      .map((row) => ({ position: row.position, checkpoint: JSON.parse(row.data) as SignedCheckpoint }));
  }

  latestNote(): string | null {
    const all = this.checkpoints();
    return all.length === 0 ? null : formatNote(all[all.length - 1].checkpoint);
  }

  inclusion(position: number, size: number): InclusionProof {
    const head = this.reader.size();
    if (!(size >= 1 && size <= head)) throw new AuditRangeError(`size must be between 1 and ${head}`);
    if (!(position >= 1 && position <= size))
      throw new AuditRangeError(`position must be between 1 and ${size}`);
    const [leaf] = this.reader.leaves(position - 1, position);
    const checkpoint = this.checkpoints().find((c) => c.checkpoint.size === size)?.checkpoint ?? null;
    return {
      position,
      leafIndex: position - 1,
      treeSize: size,
      eventHash: leaf.toString('hex'),
      leafHash: leafHash(leaf).toString('hex'),
      path: this.tree.inclusionProof(position - 1, size).map((hash) => hash.toString('hex')),
      rootHash: this.tree.root(size).toString('hex'),
      checkpoint,
    };
  }

  consistency(from: number, to: number): ConsistencyProof {
    const head = this.reader.size();
    if (!(to >= 1 && to <= head)) throw new AuditRangeError(`to must be between 1 and ${head}`);
    if (!(from >= 1 && from <= to)) throw new AuditRangeError(`from must be between 1 and ${to}`);
    return {
      from,
      to,
      fromRoot: this.tree.root(from).toString('hex'),
      toRoot: this.tree.root(to).toString('hex'),
      proof: this.tree.consistencyProof(from, to).map((hash) => hash.toString('hex')),
    };
  }

  verify(): VerifyReport {
    return verifyLog(this.options.storePath, { origin: this.options.origin, publicKeys: this.publicKeys() });
  }

  onApplicationBootstrap(): void {
    if (this.options.checkpointEvery <= 0) return;
    const last = this.checkpoints().at(-1);
    this.lastSignedSize = last?.checkpoint.size ?? 0;
    this.subscription = this.store.subscribeToAll({ after: this.reader.size() });
    this.watching = this.watch(this.subscription);
  }

  private async watch(subscription: Subscription): Promise<void> {
    try {
      for await (const event of subscription) {
        if (this.closed) break;
        if (event.stream === CHECKPOINT_STREAM) continue;
        if (event.position - this.lastSignedSize >= this.options.checkpointEvery)
          await this.writeCheckpoint();
      }
    } catch (error) {
      if (!this.closed) this.logger.error(`periodic checkpoints stopped: ${String(error)}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    await this.subscription?.close().catch(() => undefined);
    await this.watching;
    await this.queue.catch(() => undefined);
    this.reader.close();
  }
}
