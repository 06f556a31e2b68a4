import { PositionWaiters } from './position-waiters.js';

describe('PositionWaiters', () => {
  it('resolves the callers whose position is reached, and only those', async () => {
    const waiters = new PositionWaiters();
    const settled: string[] = [];
    const low = waiters.wait(3, 5000).then((reached) => settled.push(`3:${reached}`));
    const high = waiters.wait(7, 5000).then((reached) => settled.push(`7:${reached}`));
    waiters.reached(5);
    await low;
    expect(settled).toEqual(['3:true']);
    waiters.reached(7);
    await high;
    expect(settled).toEqual(['3:true', '7:true']);
  });

  it('resolves false on time-out, and failAll resolves every caller false', async () => {
    const waiters = new PositionWaiters();
    expect(await waiters.wait(1, 5)).toBe(false);
    const pending = [waiters.wait(1, 5000), waiters.wait(2, 5000)];
    waiters.failAll();
    expect(await Promise.all(pending)).toEqual([false, false]);
    // A later `reached` finds nobody left to resolve.
    waiters.reached(10);
  });
});
