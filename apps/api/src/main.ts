import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { createApp } from './create-app.js';

try {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  console.log(`Kurultai is listening on ${await app.getUrl()} (data in ${config.KURULTAI_DATA_DIR})`);

  // On SIGTERM/SIGINT: stop taking requests, let those in flight finish, close the read models and the store.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
