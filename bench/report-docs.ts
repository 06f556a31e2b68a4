import { FIGURE_HEADERS, figureRows, markdownTable, NUMERIC, ratio, sizesOf, valueOf } from './format.js';
import type { BenchmarkResult, Figure, RunReport } from './result.js';

const list = (entries: Readonly<Record<string, number>>) =>
  Object.entries(entries)
    .map(([key, value]) => `${key} ${value.toLocaleString('en-US')}`)
    .join(', ');

/** Each part of a breakdown on one line. */
function breakdownOf(b: BenchmarkResult): string[] {
  return Object.entries(b.breakdown ?? {}).map(([part, entries]) => `  - ${part}: ${list(entries)}`);
}

const share = (entries: Readonly<Record<string, number>>, key: string) => {
  const total = Object.values(entries).reduce((a, b) => a + b, 0);
  return total > 0 ? Math.round(((entries[key] ?? 0) / total) * 100) : 0;
};

const find = (b: BenchmarkResult, start: string): Figure | undefined =>
  b.figures.find((f) => f.name.startsWith(start));

/** What the figures of this run say, in numbers taken from them: no figure is judged here. */
function observations(benchmarks: readonly BenchmarkResult[]): string[] {
  const notes: string[] = [];
  const full = benchmarks.find((b) => b.name === 'full-rebuild');
  if (full) {
    const [large, small] = full.figures.filter((f) => f.name.startsWith('rebuild from zero'));
    const tenths = find(full, 'rebuild rate, last tenth');
    const rss = find(full, 'peak RSS');
    if (large && small) {
      notes.push(
        `- Full rebuild: ${Math.round(large.engine.value).toLocaleString('en-US')} events/s on the large log, ` +
          `${Math.round(small.engine.value).toLocaleString('en-US')} on the small one ` +
          `(${ratio(large.engine.value / small.engine.value)}); the raw scan reads ` +
          `${ratio(large.baseline.value / small.baseline.value)} as fast on the large log as on the small one.`,
      );
    }
    if (tenths) {
      notes.push(
        `- Over the last tenth of the large log the rebuild ran at ${ratio(tenths.ratio)} its rate over the ` +
          'first tenth: near 1, an event costs the same however big the read models are; well below 1, the ' +
          'cost of an event grows with them and the rebuild time with the square of the log.',
      );
    }
    if (rss) {
      notes.push(
        `- Peak RSS: ${rss.engine.value} MB rebuilding the large log, ${rss.baseline.value} MB the small one ` +
          `(${ratio(rss.ratio)}).`,
      );
    }
  }
  const asOf = benchmarks.find((b) => b.name === 'as-of');
  if (asOf) {
    const parts = Object.entries(asOf.breakdown ?? {}).find(([part]) => part.includes('by projection'));
    if (parts) {
      const [top] = Object.entries(parts[1]).sort(([, a], [, b]) => b - a);
      notes.push(`- ${parts[0]}: ${top[0]} took ${share(parts[1], top[0])}% of the time.`);
    }
    const question = find(asOf, 'question as of a recent position');
    const old = find(asOf, 'question older than');
    const view = find(asOf, 'RSS holding');
    const snapshot = find(asOf, 'one snapshot');
    const ms = (f: Figure, side: 'engine' | 'baseline') => `${valueOf(f[side].value, 'ms')} ms`;
    if (question) {
      notes.push(
        `- A recent "as of" question cost ${ms(question, 'engine')} on the large log and ` +
          `${ms(question, 'baseline')} on the small one (${ratio(question.ratio)}), replaying the same ` +
          'number of events after a snapshot at both sizes.',
      );
    }
    if (old) {
      notes.push(
        `- A question older than the snapshots kept replays from zero: ${ms(old, 'engine')}, against ` +
          `${ms(old, 'baseline')} for a recent one on the same log.`,
      );
    }
    if (view) {
      notes.push(
        `- Holding one "as of" view: ${view.engine.value} MB resident on the large log, ` +
          `${view.baseline.value} MB on the small one (the replayer keeps the whole read model in memory).`,
      );
    }
    if (snapshot) {
      notes.push(
        `- One snapshot of the read models took ${ms(snapshot, 'engine')} on the large log ` +
          `(${ratio(snapshot.ratio)} the small one), every ${asOf.sizes.every.toLocaleString('en-US')} events.`,
      );
    }
    const copies = Object.entries(asOf.checks).filter(
      ([key, n]) => key.endsWith('questionsOnFileCopies') && n > 0,
    );
    if (copies.length > 0) {
      notes.push(
        `- Snapshots of ${copies.map(([key]) => key.split(':')[0]).join(' and ')} events were too big for an ` +
          'in-memory image (SQLite caps those at 1 GiB): the engine\'s replay into them fails with "database ' +
          'or disk is full"; the benchmark replayed those questions on file copies instead.',
      );
    }
    const rss = Object.entries(asOf.checks).filter(([key]) => key.endsWith('engineViewRssMb'));
    if (rss.length > 0) {
      notes.push(
        "- Resident set while the engine's own `Snapshots.load` holds the newest snapshot in memory: " +
          `${rss.map(([key, mb]) => `${mb} MB (${key.split(':')[0]} log)`).join(', ')}; the replayer caches ` +
          'up to 4 views.',
      );
    }
    const grows = Object.entries(asOf.checks).filter(
      ([key, n]) => key.endsWith('engineSnapshotGrows') && n === 0,
    );
    for (const [key] of grows) {
      notes.push(
        `- The newest snapshot of the ${key.split(':')[0]} log, loaded in memory by the engine's own ` +
          '`Snapshots.load`, could not grow (`engineSnapshotGrows` = 0): SQLite caps in-memory images at 1 GiB, ' +
          'so an "as of" replay into it fails with "database or disk is full".',
      );
    }
  }
  return notes;
}

/** docs/benchmarks.md, regenerated from a full run. */
export function benchmarksMarkdown(report: RunReport): string {
  const { machine, benchmarks } = report;
  const sizes = benchmarks.map((b) =>
    [
      `- **${b.title}**: ${sizesOf(b.sizes)}; peak RSS ${b.memory.peakRssMb} MB, ` +
        `peak heap ${b.memory.peakHeapUsedMb} MB, ${(b.durationMs / 1000).toFixed(1)} s`,
      ...breakdownOf(b),
    ].join('\n'),
  );
  const about = benchmarks.map(
    (b) =>
      `### ${b.title} (\`--only ${b.name}\`)\n\n**Engine.** ${b.measures}\n\n**Baseline.** ${b.baseline}`,
  );
  const notes = observations(benchmarks);
  return `# Benchmarks

<!-- Generated by \`npm run bench\` (bench/report-docs.ts); the next full run rewrites this file. -->

Each figure is the engine measured beside a baseline in the same run: raw better-sqlite3 doing the
same work, or the same work on a log a tenth as long. After a warm-up round, engine and baseline
rounds alternate and swap order every round, so the noise of the machine hits both. A figure is the
median of its rounds (a peak for memory); the ratio is the median of the per-round ratios
engine/baseline, with the lowest and highest per-round ratio beside it; on a noisy machine it can
differ from the ratio of the two medians. For throughputs a ratio below 1 means the engine is
slower; for milliseconds and megabytes (lower is better) a ratio above 1 means it costs more. The
figures inform; nothing passes or fails on them.

The SQLite files go to the operating system's temporary folder (\`TMPDIR\`). Where it is matters:
on a disk the WAL checkpoints' fsyncs weigh on every write, on tmpfs (\`TMPDIR=/dev/shm\`) they
cost nothing and the figures measure the CPU alone.

## Machine

Run on ${machine.date.slice(0, 10)}: ${machine.os}, ${machine.cpuCount} × ${machine.cpuModel},
${machine.memoryGb} GB of memory, Node ${machine.node}, SQLite ${machine.sqlite} (better-sqlite3), files in
\`${machine.tempDir}\`.

## Latest figures

${markdownTable(FIGURE_HEADERS, figureRows(benchmarks), NUMERIC)}
${notes.length > 0 ? `\n${notes.join('\n')}\n` : ''}
Sizes, and where the time and memory went:

${sizes.join('\n')}

## How to reproduce

\`\`\`sh
npm ci
npm run bench                                          # full run, about twenty minutes; rewrites this file
node dist/bench/run.js --quick                         # a few seconds (after npm run build)
node dist/bench/run.js --only rebuild --events 500000  # one benchmark, a bigger log
node dist/bench/run.js --only full-rebuild,as-of --log-events 200000  # 200,000 beside 20,000
\`\`\`

The full-rebuild and as-of benchmarks generate their logs once per size and run, and share them:
writing a million events through the store's \`append\` takes two to three minutes on a disk. The
SQLite files of a million-event run take about 15 GB of \`TMPDIR\` at their peak (the log, the
read models, eight snapshots of 1.2 GB and the copies the questions replay on).

Every run prints the table and writes \`bench/results/latest.json\` (\`--quick\`:
\`bench/results/quick.json\`, and this file is left alone) with the machine, the sizes, every
round's figures and the row counts read back to check that both sides did the work. The SQLite
files live in fresh temporary folders that are removed afterwards.

## What each benchmark measures

${about.join('\n\n')}
`;
}
