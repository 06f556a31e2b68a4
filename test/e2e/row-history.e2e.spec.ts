import Database from 'better-sqlite3';
import { join } from 'node:path';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario } from '../../apps/api/src/scenario/scenario.js';
import { startEngine, type RunningEngine } from '../support/engine.js';

const FILE = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');

/** What the read-model file of an engine's data folder keeps of its row history. */
function historyOf(engine: RunningEngine): { tables: number; versioned: number } {
  const db = new Database(join(engine.dataDir, 'read-models.sqlite'), { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const meta = count("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'row_history'");
    return {
      tables: meta ? count('SELECT COUNT(*) AS n FROM row_history') : 0,
      versioned: count(
        "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name LIKE '%\\_\\_history' ESCAPE '\\'",
      ),
    };
  } finally {
    db.close();
  }
}

const PATHS = [
  '/api/plans',
  '/api/plans/diaspora-2025',
  '/api/calendar?limit=500',
  '/api/protocols/matrix',
  '/api/states',
  '/api/decisions?limit=500',
];

/** Every path asked as of each position: status and body. */
async function answers(engine: RunningEngine, positions: readonly number[]) {
  const found: { asked: string; status: number; body: unknown }[] = [];
  for (const position of positions)
    for (const path of PATHS) {
      const asked = `${path}${path.includes('?') ? '&' : '?'}asOf=position:${position}`;
      const reply = await engine.get(asked);
      found.push({ asked, status: reply.status, body: reply.body });
    }
  return found;
}

/**
 * "As of" over HTTP with the row history on (the default) and then off (`KURULTAI_ROW_HISTORY=off`)
 * on the same data folder: the same questions, the same answers, read the first time and replayed
 * the second.
 */
describe('KURULTAI_ROW_HISTORY', () => {
  it('given the scenario, when the engine runs with history and then without, then "as of" answers are the same and the file keeps history only while on', async () => {
    const kept = await startEngine();
    let positions: number[];
    let read: Awaited<ReturnType<typeof answers>>;
    try {
      await importScenario(kept, await loadScenario(FILE));
      const head = (await kept.get('/health/ready')).body.headPosition as number;
      expect((await kept.get(`/api/plans?minPosition=${head}`)).status).toBe(200);
      positions = [1, 20, Math.floor(head / 3), Math.floor(head / 2), head - 7, head];
      read = await answers(kept, positions);
      const history = historyOf(kept);
      expect(history.tables).toBeGreaterThan(25);
      // The audit's two ledgers are read up to a position and keep no history table of their own.
      expect(history.versioned).toBe(history.tables - 2);
    } finally {
      await kept.close({ keepData: true });
    }
    expect(read.filter((r) => r.status === 200).length).toBeGreaterThan(read.length - 6);
    const replayed = await startEngine({ KURULTAI_ROW_HISTORY: 'off' }, kept.dataDir);
    try {
      expect((await replayed.get('/health/ready')).body.headPosition).toBe(positions.at(-1));
      expect(historyOf(replayed)).toEqual({ tables: 0, versioned: 0 });
      expect(await answers(replayed, positions)).toEqual(read);
    } finally {
      await replayed.close();
    }
  }, 120_000);
});
