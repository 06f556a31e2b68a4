import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EngineMetrics, ShutdownGate } from '#eventsourcing/observability/index.js';
import type { EngineConfig } from './config.js';
import { createApp } from './create-app.js';

/**
 * Starts the engine on `PORT` and stops it gracefully on SIGTERM/SIGINT; `npm start` and
 * `kurultai start` both run it.
 *
 * Shutdown: new commands get 503 `shutting-down` at once; the commands in flight finish (up to
 * `KURULTAI_SHUTDOWN_TIMEOUT_MS`); the HTTP server closes (answering the requests it is serving);
 * the projections apply what they have buffered and write their checkpoints; the process managers
 * stop; both databases close; the process exits 0.
 */
export async function serve(config: EngineConfig): Promise<NestFastifyApplication> {
  const app = await createApp(config);
  // Node's process metrics (CPU, memory, event loop, GC) on /metrics, for the real process only.
  if (config.KURULTAI_METRICS === 'on') app.get(EngineMetrics).collectDefaultMetrics();
  await app.listen(config.PORT, config.HOST);
  const logger = new Logger('engine');
  logger.log({
    msg: `Kurultai is listening on ${await app.getUrl()} (data in ${config.KURULTAI_DATA_DIR})`,
    dataDir: config.KURULTAI_DATA_DIR,
  });

  const gate = app.get(ShutdownGate);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    gate.close();
    logger.log({ msg: `${signal}: shutting down`, signal, commandsInFlight: gate.running });
    const drained = await gate.idle(config.KURULTAI_SHUTDOWN_TIMEOUT_MS);
    if (!drained)
      logger.warn({ msg: 'commands still running at the shutdown time-out', commandsInFlight: gate.running });
    try {
      await app.close();
      logger.log({ msg: 'stopped' });
      process.exit(0);
    } catch (error) {
      logger.error({ msg: 'shutdown failed', err: error });
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  return app;
}
