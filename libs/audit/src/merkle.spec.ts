import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { CompactRange, EMPTY_ROOT, MerkleTree, type LeafSource } from './merkle.js';

// An independent reference: RFC 9162 §2.1.1 MTH written out recursively, and the verification
// algorithms of §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), step by step as the RFC words them.
const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const refLeaf = (d: Buffer) => sha(Buffer.from([0]), d);
const refNode = (l: Buffer, r: Buffer) => sha(Buffer.from([1]), l, r);
function refMth(d: Buffer[]): Buffer {
  if (d.length === 0) return sha();
  if (d.length === 1) return refLeaf(d[0]);
  let k = 1;
  while (k << 1 < d.length) k <<= 1;
  return refNode(refMth(d.slice(0, k)), refMth(d.slice(k)));
}

/** RFC 9162 §2.1.3.2. */
function verifyInclusion(
  leafIndex: number,
  treeSize: number,
  leaf: Buffer,
  path: Buffer[],
  root: Buffer,
): boolean {
  if (leafIndex >= treeSize) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = refNode(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = refNode(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2. */
function verifyConsistency(
  first: number,
  second: number,
  firstHash: Buffer,
  secondHash: Buffer,
  proof: Buffer[],
): boolean {
  if (first === second) return proof.length === 0 && firstHash.equals(secondHash);
  if (first === 0 || first > second) return false;
  if (proof.length === 0) return false;
  const path = [...proof];
  if ((first & (first - 1)) === 0) path.unshift(firstHash);
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = refNode(c, fr);
      sr = refNode(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = refNode(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr.equals(firstHash) && sr.equals(secondHash) && sn === 0;
}

const log2ceil = (n: number) => Math.ceil(Math.log2(n));
const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => sha(Buffer.from(`event ${i}`)));
function treeOf(leaves: Buffer[], cacheLevel = 2) {
  const reads: number[] = [];
  const source: LeafSource = {
    leaves: (from, to) => {
      reads.push(to - from);
      return leaves.slice(from, to);
    },
  };
  return { tree: new MerkleTree(source, cacheLevel), reads };
}

const EDGE_SIZES = [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 64, 65, 127, 128, 129];

describe('the Merkle tree of RFC 9162', () => {
  it('has the root of the reference MTH, also from the compact range', () => {
    const all = leavesOf(300);
    const { tree } = treeOf(all);
    const range = new CompactRange();
    expect(tree.root(0)).toEqual(EMPTY_ROOT);
    for (let n = 1; n <= all.length; n++) {
      range.push(all[n - 1]);
      const reference = refMth(all.slice(0, n));
      expect(tree.root(n)).toEqual(reference);
      expect(range.root()).toEqual(reference);
    }
  });

  it('gives inclusion proofs the RFC verifier accepts, of at most ceil(log2 n) hashes, on edge sizes', () => {
    for (const n of EDGE_SIZES) {
      const all = leavesOf(n);
      const { tree } = treeOf(all);
      const root = refMth(all);
      for (let m = 0; m < n; m++) {
        const proof = tree.inclusionProof(m, n);
        expect(proof.length).toBeLessThanOrEqual(log2ceil(n));
        expect(verifyInclusion(m, n, refLeaf(all[m]), proof, root)).toBe(true);
        // Not for another leaf, nor another root.
        if (n > 1) expect(verifyInclusion(m, n, refLeaf(all[(m + 1) % n]), proof, root)).toBe(false);
        expect(verifyInclusion(m, n, refLeaf(all[m]), proof, sha(root))).toBe(false);
      }
    }
  });

  it('gives consistency proofs the RFC verifier accepts, of at most ceil(log2 n) + 1 hashes, on edge sizes', () => {
    for (const n of EDGE_SIZES) {
      const all = leavesOf(n);
      const { tree } = treeOf(all);
      for (let m = 1; m <= n; m++) {
        const proof = tree.consistencyProof(m, n);
        expect(proof.length).toBeLessThanOrEqual(log2ceil(n) + 1);
        expect(verifyConsistency(m, n, refMth(all.slice(0, m)), refMth(all), proof)).toBe(true);
        if (m < n) {
          const forged = [...all.slice(0, m - 1), sha(Buffer.from('forged'))];
          expect(verifyConsistency(m, n, refMth(forged), refMth(all), proof)).toBe(false);
        }
      }
    }
  });

  it('proves inclusion on trees of random sizes (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 2000 })
          .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }))),
        fc.integer({ min: 0, max: 5 }),
        ([n, m], cacheLevel) => {
          const all = leavesOf(n);
          const { tree } = treeOf(all, cacheLevel);
          const proof = tree.inclusionProof(m, n);
          return proof.length <= log2ceil(n) && verifyInclusion(m, n, refLeaf(all[m]), proof, refMth(all));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('proves consistency on trees of random sizes (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 2000 })
          .chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n))),
        fc.integer({ min: 0, max: 5 }),
        ([m, n], cacheLevel) => {
          const all = leavesOf(n);
          const { tree } = treeOf(all, cacheLevel);
          const proof = tree.consistencyProof(m, n);
          return (
            proof.length <= log2ceil(n) + 1 &&
            verifyConsistency(m, n, refMth(all.slice(0, m)), refMth(all), proof)
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads O(log n) bounded ranges for a proof once its cache is warm', () => {
    const n = 5000;
    const { tree, reads } = treeOf(leavesOf(n), 4);
    tree.root(n);
    reads.length = 0;
    tree.inclusionProof(1234, n);
    tree.consistencyProof(777, n);
    expect(reads.length).toBeLessThanOrEqual(4 * log2ceil(n));
    expect(Math.max(0, ...reads)).toBeLessThanOrEqual(16);
  });
});
