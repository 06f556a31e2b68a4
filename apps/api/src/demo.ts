import 'reflect-metadata';
import { join } from 'node:path';
import { issueLocalToken, LOCAL_KEY_FILE, loadOrCreateLocalKey } from '#security';
import { ConfigError, loadConfig } from './config.js';
import { createApp } from './create-app.js';
import { importScenario } from './scenario/import-scenario.js';
import { loadScenario } from './scenario/scenario.js';

/** `npm run demo`: the engine with the bundled OTS diaspora scenario, in a data folder of its own. */
const SCENARIO = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  'scenarios',
  'ots-diaspora-2022-2025.json',
);

try {
  const config = loadConfig({ KURULTAI_DATA_DIR: './data/demo', ...process.env });
  const scenario = await loadScenario(process.env.KURULTAI_SCENARIO ?? SCENARIO);
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('0.0.0.0', '127.0.0.1');
  console.log(`Importing "${scenario.title}" (${scenario.steps.length} steps) ...`);
  // The demo records as a Secretariat officer, with a token of the engine's own local key.
  const key = await loadOrCreateLocalKey(
    config.KURULTAI_AUTH_KEY_FILE ?? join(config.KURULTAI_DATA_DIR, LOCAL_KEY_FILE),
  );
  const token = await issueLocalToken(key, {
    role: 'secretariat',
    sub: 'demo-secretariat',
    issuer: config.KURULTAI_AUTH_ISSUER,
    audience: config.KURULTAI_AUTH_AUDIENCE,
    roleClaim: config.KURULTAI_AUTH_ROLE_CLAIM,
    ttlSeconds: 3600,
  });
  const summary = await importScenario({ url, token }, scenario);
  console.log(
    `Imported: ${summary.recorded} steps recorded, ${summary.replayed} already in the log; log head at ${summary.headPosition}.`,
  );
  console.log(
    `Kurultai demo is listening on ${url} (data in ${config.KURULTAI_DATA_DIR}); try ${url}/api/plans`,
  );
  console.log(
    `The dashboard reads as the public; to sign in as the Secretariat, paste the token of ` +
      `"npm run --silent kurultai -- --data-dir ${config.KURULTAI_DATA_DIR} token issue --role secretariat".`,
  );
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
