import { spawnEngine, waitUntilLive, type EngineProcess } from '../support/engine-process.js';

/** The engine of the load test: killed with SIGKILL at seeded moments and restarted on the same data. */
export class KilledEngine {
  private current: EngineProcess;
  private live: Promise<void>;
  readonly kills: number[] = [];

  constructor(
    private readonly env: Record<string, string>,
    private readonly port: number,
  ) {
    this.current = spawnEngine(env, port);
    this.live = waitUntilLive(this.current, 60_000);
  }

  get url(): string {
    return this.current.url;
  }

  /** Resolves once the engine of the moment answers. */
  whenLive(): Promise<void> {
    return this.live;
  }

  /**
   * Kills the engine after a random wait, restarts it, and again, `times` times or until
   * `done()` says the clients are finished. Waits are drawn from `random` (seeded).
   */
  async killRepeatedly(times: number, random: () => number, done: () => boolean): Promise<void> {
    for (let kill = 0; kill < times && !done(); kill++) {
      await this.live;
      const waitMs = 300 + Math.floor(random() * 1200);
      await sleepUnless(waitMs, done);
      if (done()) return;
      this.kills.push(waitMs);
      const dying = this.current;
      dying.child.kill('SIGKILL');
      await dying.exited();
      this.current = spawnEngine(this.env, this.port);
      this.live = waitUntilLive(this.current, 60_000);
    }
  }

  /** Stops the engine of the moment as an operator would (SIGTERM: in-flight work finishes). */
  async stop(): Promise<void> {
    await this.live.catch(() => undefined);
    if (this.current.child.exitCode === null && this.current.child.signalCode === null)
      this.current.child.kill('SIGTERM');
    await this.current.exited();
  }

  output(): string {
    return this.current.output();
  }
}

async function sleepUnless(ms: number, done: () => boolean): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && !done()) await new Promise((resolve) => setTimeout(resolve, 20));
}
