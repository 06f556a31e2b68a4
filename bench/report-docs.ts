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
  if (asOf) notes.push(...asOfObservations(asOf));
  const verify = benchmarks.find((b) => b.name === 'verify');
  if (verify) notes.push(...verifyObservations(verify));
  return notes;
}

function asOfObservations(asOf: BenchmarkResult): string[] {
  const notes: string[] = [];
  const { largeEvents, smallEvents, every } = asOf.sizes;
  const ms = (f: Figure, side: 'engine' | 'baseline') => `${valueOf(f[side].value, 'ms')} ms`;
  const catchUps = Object.entries(asOf.breakdown ?? {}).filter(([part]) => part.includes('by projection'));
  if (catchUps.length === 2) {
    const [[largePart, large], [, small]] = catchUps;
    const top = Object.entries(large)
      .sort(([, a], [, b]) => b - a)
      .slice(0, 3)
      .map(([name]) => `${name} ${share(large, name)}%`);
    const perEvent = Object.keys(large)
      .filter((name) => small[name] > 0)
      .map((name) => `${name} ${ratio(large[name] / largeEvents / (small[name] / smallEvents))}`);
    notes.push(
      `- ${largePart}: ${top.join(', ')} of the time. Per event, the large catch-up against the small one: ` +
        `${perEvent.join(', ')}.`,
    );
  }
  const history = find(asOf, 'question anywhere in the log, from row history');
  const question = find(asOf, 'question 1-');
  const occurred = find(asOf, 'question by occurred time');
  const catchUp = find(asOf, 'catch-up from zero with snapshots');
  const historyCost = find(asOf, 'catch-up from zero with row history');
  const file = find(asOf, 'read-model file with row history');
  const snapshot = find(asOf, 'one snapshot');
  if (history) {
    notes.push(
      `- An "as of" question by position anywhere in the log, from the row history of the live read models, ` +
        `cost ${ms(history, 'engine')} on the large log and ${ms(history, 'baseline')} on the small one ` +
        `(${ratio(history.ratio)}): a read-only connection whose tables are shadowed by views of the rows as ` +
        'they stood, nothing replayed, wherever the position lies.',
    );
  }
  if (question) {
    notes.push(
      `- By snapshot replay (occurred-time questions, positions before history began), a question the same ` +
        `number of events after a snapshot cost ${ms(question, 'engine')} on ` +
        `the large log and ${ms(question, 'baseline')} on the small one (${ratio(question.ratio)}): the snapshot ` +
        'is opened in place and the replay kept in a transaction that is never committed, so nothing the size ' +
        'of the read models is copied or loaded.',
    );
  }
  if (historyCost) {
    notes.push(
      `- Keeping row history made a catch-up from zero take ${ratio(historyCost.ratio)} the time of one without ` +
        `(${valueOf(historyCost.engine.value / 1000, 'ms')} s against ${valueOf(historyCost.baseline.value / 1000, 'ms')} s)` +
        (file ? `, and the read-model file ${ratio(file.ratio)} the size.` : '.'),
    );
  }
  if (occurred) {
    notes.push(
      `- By occurred time (${occurred.engine.label}): ${ms(occurred, 'engine')}, against ` +
        `${ms(occurred, 'baseline')} by position from the same snapshot.`,
    );
  }
  if (catchUp) {
    notes.push(
      `- A catch-up from zero with the engine's snapshots took ${ratio(catchUp.ratio)} the time of one without ` +
        `(${valueOf(catchUp.engine.value / 1000, 'ms')} s against ${valueOf(catchUp.baseline.value / 1000, 'ms')} s).`,
    );
  }
  if (snapshot) {
    notes.push(
      `- One snapshot of the read models took ${ms(snapshot, 'engine')} on the large log ` +
        `(${ratio(snapshot.ratio)} the small one): a kernel copy of the file, off the event loop; the engine takes ` +
        `one at least every ${every.toLocaleString('en-US')} events and 5% of the position apart.`,
    );
  }
  return notes;
}

function verifyObservations(verify: BenchmarkResult): string[] {
  const walk = find(verify, 'verify the');
  if (!walk) return [];
  const over = verify.checks.proofHashesOverBound;
  return [
    `- Verifying ${verify.checks.eventsVerified.toLocaleString('en-US')} events and ` +
      `${verify.checks.checkpointsVerified.toLocaleString('en-US')} signed checkpoints ran at ` +
      `${Math.round(walk.engine.value).toLocaleString('en-US')} events/s, ${ratio(walk.ratio)} the raw scan of the ` +
      `same file. Every proof on that log verified against RFC 9162 and ` +
      (over === 0
        ? 'none was longer than ⌈log2 n⌉ hashes (⌈log2 n⌉ + 1 for consistency).'
        : `the longest was ${over} hashes over ⌈log2 n⌉.`),
  ];
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
npm run bench                                          # full run, about fifteen minutes; rewrites this file
node dist/bench/run.js --quick                         # a few seconds (after npm run build)
node dist/bench/run.js --only rebuild --events 500000  # one benchmark, a bigger log
node dist/bench/run.js --only full-rebuild,as-of --log-events 200000  # 200,000 beside 20,000
\`\`\`

The full-rebuild, as-of and verify benchmarks generate their logs once per size and run, and share
them: writing a million events through the store's \`append\` takes two to three minutes on a disk.
The SQLite files of a million-event run take about 10 GB of \`TMPDIR\` at their peak (the log and a
copy with signed checkpoints, the read models caught up with and without snapshots, and the
snapshots kept: a handful of 1.2 GB each, log-spaced).

Every run prints the table and writes \`bench/results/latest.json\` (\`--quick\`:
\`bench/results/quick.json\`, and this file is left alone) with the machine, the sizes, every
round's figures and the row counts read back to check that both sides did the work. The SQLite
files live in fresh temporary folders that are removed afterwards.

## What each benchmark measures

${about.join('\n\n')}
`;
}
