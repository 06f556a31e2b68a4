import { EsdbProtocolDouble } from '../../libs/event-store/src/esdb/testing/esdb-protocol-double.js';

/**
 * The store the end-to-end specs run on. `KURULTAI_TEST_STORE=esdb` (set by the EventStoreDB run,
 * test/esdb/jest.esdb.config.cjs) puts every engine a spec starts without a store of its own on
 * EventStoreDB: a protocol double per data folder, kept as long as the folder is, so that an engine
 * restarted on the same folder finds its log again.
 */
const doubles = new Map<string, Promise<EsdbProtocolDouble>>();

export const testStoreIsEsdb = (): boolean => process.env.KURULTAI_TEST_STORE === 'esdb';

/** The environment that puts an engine on the test store (nothing on SQLite, or when `env` chose a store). */
export async function testStoreEnv(
  dataDir: string,
  env: Record<string, string | undefined> = {},
): Promise<Record<string, string>> {
  if (!testStoreIsEsdb() || env.KURULTAI_STORE !== undefined) return {};
  let double = doubles.get(dataDir);
  if (!double) {
    double = EsdbProtocolDouble.start();
    doubles.set(dataDir, double);
  }
  return { KURULTAI_STORE: 'esdb', KURULTAI_ESDB_CONNECTION_STRING: (await double).connectionString };
}

/** Stops the data folder's double, once the folder is gone. */
export async function releaseTestStore(dataDir: string): Promise<void> {
  const double = doubles.get(dataDir);
  doubles.delete(dataDir);
  await (await double)?.stop();
}
