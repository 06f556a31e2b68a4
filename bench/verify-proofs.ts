import { createHash } from 'node:crypto';

/**
 * The checks of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), written from the RFC and
 * not from libs/audit: the benchmark checks the proofs it measures against the standard.
 */
const hashNode = (left: Buffer, right: Buffer): Buffer =>
  createHash('sha256')
    .update(Buffer.from([1]))
    .update(left)
    .update(right)
    .digest();

/** Whether `path` proves that `leafHash` is leaf `index` of the tree of `size` leaves with `root`. */
export function inclusionHolds(
  index: number,
  size: number,
  leafHash: Buffer,
  path: Buffer[],
  root: Buffer,
): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashNode(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = hashNode(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r.equals(root);
}

/** Whether `proof` proves that the tree of `m` leaves with `first` is a prefix of the tree of `n` with `second`. */
export function consistencyHolds(
  m: number,
  n: number,
  first: Buffer,
  second: Buffer,
  proof: Buffer[],
): boolean {
  if (m === n) return proof.length === 0 && first.equals(second);
  if (m === 0 || m > n || proof.length === 0) return false;
  // A power of two: the first tree's root is the first node of the path.
  const path = (m & (m - 1)) === 0 ? [first, ...proof] : [...proof];
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn >>= 1;
    sn >>= 1;
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashNode(c, fr);
      sr = hashNode(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      sr = hashNode(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr.equals(first) && sr.equals(second) && sn === 0;
}
