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
   * Kills the engine `times` times, restarting it each time, at seeded points of the clients'
   * progress: kill `k` comes once `progress()` (commands taken so far) passes a point drawn from
   * `random` within the `k`-th of `times + 1` equal parts of `total`, so the kills fall while the
   * clients are sending however fast the machine is. Stops early if `done()` says they finished.
   */
  async killRepeatedly(
    times: number,
    random: () => number,
    progress: () => number,
    total: number,
    done: () => boolean,
  ): Promise<void> {
    for (let kill = 0; kill < times && !done(); kill++) {
      await this.live;
      const at = Math.floor((total * (kill + 0.2 + 0.7 * random())) / (times + 1));
      await sleepUntil(() => progress() >= at || done());
      if (done()) return;
      this.kills.push(at);
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

async function sleepUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
