import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { createApp } from './create-app.js';

try {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  console.log(`Kurultai is listening on ${await app.getUrl()} (data in ${config.KURULTAI_DATA_DIR})`);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
