import { createHash, hash } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 §2.1 over the global log: leaf `i` (zero-based) is the audit hash of
 * the event at position `i + 1`.
 */

const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);

// One-shot hashing: a verification hashes about two nodes an event, and a Hash object each
// costs more than the hashing of 65 bytes.

/** `SHA-256(0x00 || leaf)`. */
export function leafHash(leaf: Buffer): Buffer {
  return hash('sha256', Buffer.concat([LEAF_PREFIX, leaf]), 'buffer');
}

/** `SHA-256(0x01 || left || right)`. */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer');
}

/** MTH of the empty tree: SHA-256 of nothing. */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

/** The largest power of two smaller than `n` (n > 1): where RFC 9162 splits a tree of `n` leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Where the leaves come from: the raw (32-byte) event hashes of leaves `[from, to)`. */
export interface LeafSource {
  leaves(from: number, to: number): Buffer[];
}

/**
 * MTH, PATH and PROOF of RFC 9162 §2.1 over a growing log. Subtrees of `2^cacheLevel` leaves and
 * more that are complete and aligned never change, so their hashes are cached (one 32-byte hash
 * per `2^cacheLevel` leaves at the lowest cached level); smaller ones are hashed from a range read
 * of at most `2^cacheLevel` leaves. Any MTH, PATH or PROOF then costs O(log n) cached nodes plus
 * O(log n) range reads of bounded size.
 */
export class MerkleTree {
  private readonly cache = new Map<number, Buffer>();

  constructor(
    private readonly source: LeafSource,
    private readonly cacheLevel = 6,
  ) {}

  /** MTH(D[0:n]). */
  root(n: number): Buffer {
    return n === 0 ? EMPTY_ROOT : this.range(0, n);
  }

  /** PATH(m, D[0:n]): the audit path of leaf `m` (zero-based) in the tree of the first `n` leaves. */
  inclusionProof(m: number, n: number): Buffer[] {
    if (!(m >= 0 && m < n)) throw new RangeError(`leaf ${m} is not in a tree of ${n} leaves`);
    const proof: Buffer[] = [];
    let start = 0;
    let end = n;
    // The recursion of §2.1.3.1 unrolled from the top; its output lists nodes bottom-up.
    while (end - start > 1) {
      const k = splitPoint(end - start);
      if (m < start + k) {
        proof.push(this.range(start + k, end));
        end = start + k;
      } else {
        proof.push(this.range(start, start + k));
        start += k;
      }
    }
    return proof.reverse();
  }

  /** PROOF(m, D[0:n]): that the tree of `m` leaves is a prefix of the tree of `n`. */
  consistencyProof(m: number, n: number): Buffer[] {
    if (!(m >= 0 && m <= n)) throw new RangeError(`no consistency proof from ${m} to ${n} leaves`);
    if (m === 0 || m === n) return [];
    const proof: Buffer[] = [];
    let start = 0;
    let end = n;
    let size = m;
    let complete = true;
    // SUBPROOF(m, D[start:end], b) of §2.1.4.1, unrolled; its output is bottom-up, too.
    while (size !== end - start) {
      const k = splitPoint(end - start);
      if (size <= k) {
        proof.push(this.range(start + k, end));
        end = start + k;
      } else {
        proof.push(this.range(start, start + k));
        start += k;
        size -= k;
        complete = false;
      }
    }
    if (!complete) proof.push(this.range(start, end));
    return proof.reverse();
  }

  /** MTH(D[start:end]) for a subtree the RFC's recursion reaches. */
  range(start: number, end: number): Buffer {
    const size = end - start;
    if ((size & (size - 1)) === 0 && start % size === 0) return this.perfect(start, Math.log2(size));
    const k = splitPoint(size);
    return nodeHash(this.range(start, start + k), this.range(start + k, end));
  }

  private perfect(start: number, level: number): Buffer {
    if (level < this.cacheLevel) return this.fromLeaves(start, 2 ** level);
    const key = (start / 2 ** level) * 64 + level;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const half = 2 ** (level - 1);
    const hash =
      level === this.cacheLevel
        ? this.fromLeaves(start, 2 ** level)
        : nodeHash(this.perfect(start, level - 1), this.perfect(start + half, level - 1));
    this.cache.set(key, hash);
    return hash;
  }

  private fromLeaves(start: number, count: number): Buffer {
    const leaves = this.source.leaves(start, start + count);
    if (leaves.length !== count) throw new RangeError(`leaves ${start}..${start + count} are not all stored`);
    let level = leaves.map(leafHash);
    while (level.length > 1) {
      const next: Buffer[] = [];
      for (let i = 0; i < level.length; i += 2) next.push(nodeHash(level[i], level[i + 1]));
      level = next;
    }
    return level[0];
  }
}

/**
 * The roots of the complete subtrees of a growing tree (a "compact range"): leaves are pushed one
 * by one and MTH of the leaves so far is available at any time, in O(log n) memory.
 */
export class CompactRange {
  private readonly stack: { size: number; hash: Buffer }[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds a leaf: its raw event hash. */
  push(leaf: Buffer): void {
    let node = { size: 1, hash: leafHash(leaf) };
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop()!;
      node = { size: node.size * 2, hash: nodeHash(left.hash, node.hash) };
    }
    this.stack.push(node);
    this.count++;
  }

  root(): Buffer {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let hash = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) hash = nodeHash(this.stack[i].hash, hash);
    return hash;
  }
}
