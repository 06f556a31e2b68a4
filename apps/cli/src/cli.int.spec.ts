import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type NewEvent, type RecordedEvent } from '#event-store';
import { activities, draftPlan, PLAN } from '../../../test/support/tashkent.js';
import { startEngine } from '../../../test/support/engine.js';
import { backupLog } from './commands/backup.js';
import { exportLog } from './commands/export.js';
import { importLog } from './commands/import.js';
import { logStats } from './commands/stats.js';
import { run } from './program.js';
import { eventsPath } from './support.js';

/** The `kurultai` commands in-process, over real files. */
describe('kurultai CLI', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kurultai-cli-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const event = (stream: string, n: number): NewEvent => ({
    id: `00000000-0000-5000-8000-${String(n).padStart(12, '0')}`,
    type: n % 3 === 0 ? 'ThingRenamed' : 'ThingHappened',
    schemaVersion: 1,
    data: { n, name: { en: `thing ${n}`, tr: `şey ${n}` } },
    metadata: {
      actor: { id: 'local-operator', role: 'secretariat', state: null },
      commandId: `cmd-${n}`,
      commandType: 'DoThing',
      correlationId: `corr-${n % 7}`,
      causationId: null,
      occurredAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString(),
      recordedAt: new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString(),
      source: { kind: 'minutes', title: `minutes ${n}` },
      visibility: n % 5 === 0 ? 'internal' : 'public',
    },
  });

  /** A log of `count` events over a few streams, appended one command at a time. */
  const seed = async (dataDir: string, count: number, from = 0) => {
    const store = await SqliteEventStore.open(eventsPath(dataDir));
    for (let n = from; n < from + count; n++)
      await store.append(`thing-${n % 11}`, [event(`thing-${n % 11}`, n)]);
    await store.close();
  };
  const readLog = async (dataDir: string): Promise<RecordedEvent[]> => {
    const store = await SqliteEventStore.open(eventsPath(dataDir));
    const events = await store.readAll();
    await store.close();
    return events;
  };
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    return {
      output: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) },
      out: () => out.join(''),
      err: () => err.join(''),
    };
  };

  it('exports the log and imports it into a fresh data folder: same ids, order, revisions and envelopes', async () => {
    const source = join(root, 'source');
    const target = join(root, 'target');
    await seed(source, 2500);
    const file = join(root, 'log.ndjson');
    const io = capture();
    expect(await run(['--data-dir', source, 'export', file], { output: io.output, progress: false })).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ exported: 2500, lastPosition: 2500, resumedAfter: 0 });
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2500);

    const imported = await importLog(target, file);
    expect(imported).toMatchObject({ imported: 2500, skipped: 0, moved: 0, headPosition: 2500 });
    expect(await readLog(target)).toEqual(await readLog(source));
  });

  it('resumes an interrupted export after the last complete line, cutting a half-written one', async () => {
    const source = join(root, 'source');
    await seed(source, 1200);
    const whole = join(root, 'whole.ndjson');
    await exportLog(source, whole);
    const expected = readFileSync(whole, 'utf8');

    const partial = join(root, 'partial.ndjson');
    const lines = expected.split('\n');
    // 700 lines and half of the next one, as a killed export leaves it.
    writeFileSync(partial, lines.slice(0, 700).join('\n') + '\n' + lines[700].slice(0, 40));
    const resumed = await exportLog(source, partial);
    expect(resumed).toMatchObject({ resumedAfter: 700, exported: 500, lastPosition: 1200 });
    expect(readFileSync(partial, 'utf8')).toBe(expected);

    // Nothing new: nothing appended. New events: only they are appended.
    expect(await exportLog(source, partial)).toMatchObject({ exported: 0 });
    await seed(source, 30, 1200);
    expect(await exportLog(source, partial)).toMatchObject({ resumedAfter: 1200, exported: 30 });
    expect(readFileSync(partial, 'utf8').trim().split('\n')).toHaveLength(1230);
  });

  it('resumes an interrupted import, skipping the events already stored', async () => {
    const source = join(root, 'source');
    const target = join(root, 'target');
    await seed(source, 900);
    const file = join(root, 'log.ndjson');
    await exportLog(source, file);
    const prefix = join(root, 'prefix.ndjson');
    writeFileSync(prefix, readFileSync(file, 'utf8').split('\n').slice(0, 333).join('\n') + '\n');
    expect(await importLog(target, prefix)).toMatchObject({ imported: 333, skipped: 0 });

    const second = await importLog(target, file);
    expect(second).toMatchObject({ imported: 567, skipped: 333, headPosition: 900 });
    expect(await readLog(target)).toEqual(await readLog(source));
    expect(await importLog(target, file)).toMatchObject({ imported: 0, skipped: 900 });
  });

  it('refuses to import an event where its stream already has another one', async () => {
    const source = join(root, 'source');
    const target = join(root, 'target');
    await seed(source, 20);
    await seed(target, 20, 1000);
    const file = join(root, 'log.ndjson');
    await exportLog(source, file);
    const io = capture();
    expect(await run(['--data-dir', target, 'import', file], { output: io.output, progress: false })).toBe(1);
    expect(io.err()).toMatch(/import stopped at line \d+ .*log\.ndjson/);
  });

  it('backs up the log while appends go on: the copy opens and holds a prefix of the log', async () => {
    const source = join(root, 'source');
    await seed(source, 3000);
    const store = await SqliteEventStore.open(eventsPath(source));
    let appending = true;
    let n = 100_000;
    const writer = (async () => {
      while (appending) {
        await store.append(`thing-${n % 13}`, [event(`thing-${n % 13}`, n)]);
        n++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const file = join(root, 'backup.sqlite');
    const result = await backupLog(source, file);
    appending = false;
    await writer;
    await store.close();

    expect(existsSync(`${file}.partial`)).toBe(false);
    const copy = new Database(file, { readonly: true });
    const rows = copy.prepare('SELECT position, id, stream, revision FROM events ORDER BY position').all();
    copy.close();
    const log = (await readLog(source)).map(({ position, id, stream, revision }) => ({
      position,
      id,
      stream,
      revision,
    }));
    expect(rows.length).toBeGreaterThanOrEqual(3000);
    expect(rows.length).toBe(result.events);
    expect(rows).toEqual(log.slice(0, rows.length));
    const restored = await SqliteEventStore.open(file);
    expect((await restored.head()).position).toBe(result.headPosition);
    await restored.close();
  }, 120_000);

  it('tells the log statistics', async () => {
    const source = join(root, 'source');
    await seed(source, 30);
    const stats = logStats(source);
    expect(stats).toMatchObject({
      events: 30,
      streams: 11,
      head: { position: 30 },
      byCategory: { thing: 30 },
    });
    expect(stats.byType).toEqual({ ThingHappened: 20, ThingRenamed: 10 });
    expect(stats.files['events.sqlite']).toBeGreaterThan(0);
    const io = capture();
    expect(await run(['--data-dir', source, 'stats'], { output: io.output })).toBe(0);
    expect(io.out()).toMatch(/events +30 in 11 streams/);
  });

  it('answers usage mistakes with exit code 2 and a missing log with 4, without a stack trace', async () => {
    let io = capture();
    expect(await run(['replay', '--query', 'plans'], { output: io.output })).toBe(2);
    expect(io.err()).toMatch(/--as-of/);
    io = capture();
    expect(await run(['--data-dir', join(root, 'none'), 'stats'], { output: io.output })).toBe(4);
    expect(io.err()).toMatch(/^kurultai: there is no event log at/);
    expect(io.err()).not.toMatch(/at .*\.ts:\d+/);
    io = capture();
    expect(await run(['--help'], { output: io.output })).toBe(0);
    expect(io.out()).toMatch(/export <file>/);
    io = capture();
    expect(await run(['rebuild', '--url', 'http://127.0.0.1:9'], { output: io.output })).toBe(3);
    expect(io.err()).toMatch(/cannot reach the engine/);
  });

  it('replays a read model as of a position, writes the plan report, and rebuilds the read models offline', async () => {
    const engine = await startEngine({}, join(root, 'engine'));
    expect((await engine.post('/api/commands/DraftPlan', draftPlan)).status).toBe(200);
    const added = await engine.post('/api/commands/AddActivityToPlan', activities[0]);
    expect(added.status).toBe(200);
    await engine.close({ keepData: true });
    const dataDir = join(root, 'engine');

    let io = capture();
    expect(
      await run(['--data-dir', dataDir, 'replay', '--as-of', 'position:1', '--query', 'plan', '--id', PLAN], {
        output: io.output,
      }),
    ).toBe(0);
    const atOne = JSON.parse(io.out());
    expect(atOne).toMatchObject({ logPosition: 1, result: { id: PLAN } });
    expect(atOne.result.activities).toHaveLength(0);

    io = capture();
    const report = join(root, 'report.csv');
    expect(
      await run(
        ['--data-dir', dataDir, 'report', 'plan', PLAN, report, '--format', 'csv', '--as-of', 'position:2'],
        {
          output: io.output,
        },
      ),
    ).toBe(0);
    const csv = readFileSync(report, 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2); // header and the one activity

    io = capture();
    expect(await run(['--data-dir', dataDir, 'report', 'plan', 'no-such-plan'], { output: io.output })).toBe(
      4,
    );

    io = capture();
    expect(await run(['--data-dir', dataDir, 'rebuild'], { output: io.output, progress: false })).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ position: 2 });
    expect(logStats(dataDir).projections.every((p) => p.position === 2)).toBe(true);
  });

  it('replays and reports internal items only when asked to (--include-internal), public ones by default', async () => {
    const engine = await startEngine({}, join(root, 'engine'));
    expect(
      (await engine.post('/api/commands/DraftPlan', { ...draftPlan, visibility: 'internal' })).status,
    ).toBe(200);
    expect((await engine.post('/api/commands/AddActivityToPlan', activities[0])).status).toBe(200);
    await engine.close({ keepData: true });
    const dataDir = join(root, 'engine');
    const replayPlan = [
      '--data-dir',
      dataDir,
      'replay',
      '--as-of',
      'position:2',
      '--query',
      'plan',
      '--id',
      PLAN,
    ];

    let io = capture();
    expect(await run(replayPlan, { output: io.output })).toBe(4);
    io = capture();
    expect(await run([...replayPlan, '--include-internal'], { output: io.output })).toBe(0);
    expect(JSON.parse(io.out()).result.activities).toHaveLength(1);

    io = capture();
    const reportPlan = [
      '--data-dir',
      dataDir,
      'report',
      'plan',
      PLAN,
      '--format',
      'csv',
      '--as-of',
      'position:2',
    ];
    expect(await run(reportPlan, { output: io.output })).toBe(4);
    io = capture();
    expect(await run([...reportPlan, '--include-internal'], { output: io.output })).toBe(0);
    expect(io.out().split('\r\n').filter(Boolean)).toHaveLength(2);
  });

  it('calls a running engine as KURULTAI_TOKEN says, and is refused without it', async () => {
    const engine = await startEngine({}, join(root, 'engine'));
    const saved = process.env.KURULTAI_TOKEN;
    try {
      delete process.env.KURULTAI_TOKEN;
      let io = capture();
      expect(await run(['rebuild', '--url', engine.url], { output: io.output, progress: false })).toBe(3);
      expect(io.err()).toMatch(/401/);
      process.env.KURULTAI_TOKEN = engine.token;
      io = capture();
      expect(await run(['rebuild', '--url', engine.url], { output: io.output, progress: false })).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.KURULTAI_TOKEN;
      else process.env.KURULTAI_TOKEN = saved;
      await engine.close();
    }
  });

  it('stops an export cleanly when the data folder has no log', async () => {
    const io = capture();
    expect(
      await run(['--data-dir', join(root, 'empty'), 'export', join(root, 'x.ndjson')], { output: io.output }),
    ).toBe(4);
  });
});
