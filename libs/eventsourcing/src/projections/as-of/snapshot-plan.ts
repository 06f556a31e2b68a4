/**
 * Where snapshots are taken and which are kept. Each snapshot is a copy of the whole read-model
 * database, whose size grows with the log, so:
 * - the interval grows with the log: the next snapshot is due `every` events after the last one,
 *   or `growth` times the last one's position if that is more (positions spaced geometrically: the
 *   copies of a catch-up from zero cost about `1 / growth` copies of the final read models, not one
 *   per `every` events);
 * - old snapshots are thinned: the `keepRecent` newest are kept, and before them one per bucket
 *   of positions whose width doubles with the distance from the head (`every`, `2 every`,
 *   `4 every`, …), so a log of `n` events keeps O(log n) snapshots, dense near the head and
 *   sparse in the past.
 */
export function snapshotPlan(every: number, growth: number) {
  return {
    /** Whether a snapshot is due at `position`, the last one being at `last` (0: none yet). */
    due(last: number, position: number): boolean {
      if (every <= 0) return false;
      return position - last >= Math.max(every, Math.floor(last * growth));
    },
  };
}

/** The snapshots to keep of `list` (any order): the rest may be removed. */
export function thinned<S extends { readonly position: number }>(
  list: readonly S[],
  keepRecent: number,
  every: number,
): S[] {
  const oldestFirst = [...list].sort((a, b) => a.position - b.position);
  const recent = oldestFirst.slice(-Math.max(1, keepRecent));
  const head = recent.at(-1)?.position ?? 0;
  const kept = new Set<S>(recent);
  // A snapshot `d` events behind the head falls in a bucket of `every × 2^⌊log2(d / every)⌋`
  // positions; the oldest of each bucket stays. Buckets only merge as the head moves on, and the
  // oldest of merged buckets was already kept: what is removed is never wanted again.
  const buckets = new Set<string>();
  for (const snapshot of oldestFirst) {
    if (kept.has(snapshot)) continue;
    const distance = Math.max(1, (head - snapshot.position) / Math.max(1, every));
    const level = Math.floor(Math.log2(distance));
    const bucket = `${level}:${Math.floor(snapshot.position / (Math.max(1, every) * 2 ** level))}`;
    if (buckets.has(bucket)) continue;
    buckets.add(bucket);
    kept.add(snapshot);
  }
  return oldestFirst.filter((s) => kept.has(s));
}
