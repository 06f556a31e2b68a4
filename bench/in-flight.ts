/**
 * Runs tasks 0..count-1 with at most `concurrency` of them in flight: each worker awaits its
 * task, then takes the next index. Concurrency 1 is a plain loop of sequential awaits.
 */
export async function inFlight(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
}
