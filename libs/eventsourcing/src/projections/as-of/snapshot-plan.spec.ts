import { snapshotPlan, thinned } from './snapshot-plan.js';

const at = (...positions: number[]) => positions.map((position) => ({ position }));

describe('where snapshots are taken', () => {
  it('is every `every` events while the log is short', () => {
    // Given a snapshot every 10,000 events growing by a tenth of the position
    const plan = snapshotPlan(10_000, 0.1);
    // Then the first ones are 10,000 apart
    expect(plan.due(0, 9_999)).toBe(false);
    expect(plan.due(0, 10_000)).toBe(true);
    expect(plan.due(50_000, 60_000)).toBe(true);
  });

  it('grows with the log: a tenth of the last position once that is more than `every`', () => {
    const plan = snapshotPlan(10_000, 0.1);
    // Given the last snapshot at 1,000,000, when the read models reach 1,050,000 then it is not due yet
    expect(plan.due(1_000_000, 1_050_000)).toBe(false);
    // When they reach 1,100,000 then it is
    expect(plan.due(1_000_000, 1_100_000)).toBe(true);
  });

  it('costs a catch-up from zero a bounded number of copies of the final read models', () => {
    // Given a catch-up of 1,000,000 events flushed 2,000 at a time
    const plan = snapshotPlan(10_000, 0.05);
    const taken: number[] = [];
    let last = 0;
    for (let position = 2_000; position <= 1_000_000; position += 2_000) {
      if (plan.due(last, position)) taken.push((last = position));
    }
    // Then the copies add up to fewer than 1 / growth + 1 copies of the read models at the end
    const copied = taken.reduce((sum, p) => sum + p, 0);
    expect(copied / 1_000_000).toBeLessThan(1 / 0.05 + 1);
    // And a fixed interval would have copied far more
    expect(taken.length).toBeLessThan(100);
  });

  it('never, when `every` is 0', () => {
    expect(snapshotPlan(0, 0.1).due(0, 1_000_000)).toBe(false);
  });
});

describe('which snapshots are kept', () => {
  /** Snapshots taken as `plan` says while the read models move `step` at a time, thinned after each. */
  function run(every: number, growth: number, step: number, end: number, keepRecent: number) {
    const plan = snapshotPlan(every, growth);
    let list: { position: number }[] = [];
    let last = 0;
    for (let position = step; position <= end; position += step) {
      if (!plan.due(last, position)) continue;
      last = position;
      list = thinned([...list, { position }], keepRecent, every);
    }
    return list.map((s) => s.position);
  }

  it('keeps the newest ones and O(log n) older ones, spread over the whole log', () => {
    // Given a snapshot every 1,000 events of a 1,000,000-event log, keeping the 4 newest
    const kept = run(1000, 0, 1000, 1_000_000, 4);
    // Then the newest four are kept
    expect(kept.slice(-4)).toEqual([997_000, 998_000, 999_000, 1_000_000]);
    // And about log2(1000) more, the oldest near the start of the log
    expect(kept.length).toBeLessThanOrEqual(4 + 2 * Math.ceil(Math.log2(1000)));
    expect(kept[0]).toBeLessThanOrEqual(1000);
    // And for a question d events back there is one at most about d further back (log-spaced)
    for (const d of [5_000, 20_000, 100_000, 400_000]) {
      const before = kept.filter((p) => p <= 1_000_000 - d).at(-1)!;
      expect(1_000_000 - d - before).toBeLessThanOrEqual(2 * d);
    }
  });

  it('stays log-spaced at every step of a growing log', () => {
    // Given snapshots as the engine takes them (every 10,000, growing by 5%), thinned after each
    const every = 10_000;
    const plan = snapshotPlan(every, 0.05);
    let list: { position: number }[] = [];
    let last = 0;
    for (let head = 2_000; head <= 2_000_000; head += 2_000) {
      if (!plan.due(last, head)) continue;
      list = thinned([...list, { position: (last = head) }], 4, every);
      // Then a question d events back has a snapshot at most twice as far back again, beyond the interval
      for (const d of [every, 50_000, 200_000, 800_000]) {
        if (d > head) continue;
        const before = list.filter((s) => s.position <= head - d).at(-1)?.position ?? 0;
        expect(head - d - before).toBeLessThanOrEqual(2 * d + Math.ceil(head * 0.05));
      }
      expect(list.length).toBeLessThanOrEqual(4 + 2 * Math.ceil(Math.log2(head / every + 1)));
    }
  });

  it('keeps everything it has when it has no more than the newest to keep', () => {
    expect(thinned(at(5, 1, 3), 4, 1).map((s) => s.position)).toEqual([1, 3, 5]);
    expect(thinned([], 4, 1)).toEqual([]);
  });
});
