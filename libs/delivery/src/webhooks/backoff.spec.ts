import { backoffCeiling, backoffDelay } from './backoff.js';

describe('retry back-off with full jitter', () => {
  const policy = { baseMs: 100, capMs: 5_000 };

  it('doubles the ceiling with every attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((a) => backoffCeiling(a, policy))).toEqual([
      100, 200, 400, 800, 1600, 3200, 5000, 5000,
    ]);
    expect(backoffCeiling(10_000, policy)).toBe(5_000);
  });

  it('draws every delay uniformly between 0 and the ceiling, both ends included', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const ceiling = backoffCeiling(attempt, policy);
      expect(backoffDelay(attempt, policy, () => 0)).toBe(0);
      expect(backoffDelay(attempt, policy, () => 0.999_999_999)).toBe(ceiling);
      expect(backoffDelay(attempt, policy, () => 0.5)).toBe(Math.floor(0.5 * (ceiling + 1)));
      for (let i = 0; i < 200; i++) {
        const delay = backoffDelay(attempt, policy);
        expect(Number.isInteger(delay)).toBe(true);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('spreads retries: delays of one attempt are not all the same', () => {
    const delays = new Set(Array.from({ length: 100 }, () => backoffDelay(5, policy)));
    expect(delays.size).toBeGreaterThan(1);
  });
});
