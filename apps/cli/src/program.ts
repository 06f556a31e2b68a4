import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  auditExport,
  auditVerify,
  auditVerifyExport,
  consistencyProof,
  failIfTampered,
  inclusionProof,
} from './commands/audit.js';
import { backupLog } from './commands/backup.js';
import { exportLog } from './commands/export.js';
import { importLog } from './commands/import.js';
import { importScenarioFile } from './commands/import-scenario.js';
import { addMigrateCommand } from './commands/migrate.js';
import { addKeysCommand } from './commands/keys.js';
import { addGroupsCommand } from './commands/groups.js';
import { addTokenCommand } from './commands/token.js';
import { rebuildOffline, rebuildOnline } from './commands/rebuild.js';
import { QUERIES, replay } from './commands/replay.js';
import {
  planReportOffline,
  planReportOnline,
  REPORT_FORMATS,
  writeReport,
  type ReportFormat,
} from './commands/report.js';
import { startEngine } from './commands/start.js';
import { formatStats, logStats } from './commands/stats.js';
import { CliError, dataDirOf, EXIT, PROCESS_OUTPUT, progressBar, type Output } from './support.js';

export interface ProgramOptions {
  readonly output?: Output;
  /** Show progress bars (default: when stderr is a terminal). */
  readonly progress?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

const positiveInt = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of 1 or more');
  return n;
};

/** A repeatable option: `--public-key a.pem --public-key b.pem`. */
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The `kurultai` command line. */
export function createProgram(options: ProgramOptions = {}): Command {
  const io = options.output ?? PROCESS_OUTPUT;
  const env = options.env ?? process.env;
  const bar = (label: string) => progressBar(label, options.progress ?? process.stderr.isTTY === true);
  const json = (value: unknown) => io.out(JSON.stringify(value, null, 2) + '\n');

  const program = new Command('kurultai')
    .description(
      'Operations of the Kurultai engine: run it, rebuild, replay, report, export, import, back up, audit',
    )
    .option('--data-dir <dir>', 'data folder (default: KURULTAI_DATA_DIR or ./data)')
    .showHelpAfterError()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  const dataDir = () => dataDirOf(program.opts<{ dataDir?: string }>().dataDir, env);
  const url = new Option('--url <url>', 'a running engine, e.g. http://127.0.0.1:3000');

  program
    .command('start')
    .description('run the engine (API and dashboard), as npm start does')
    .option('--port <port>', 'HTTP port (default: PORT or 3000)')
    .option('--host <host>', 'interface (default: HOST or 0.0.0.0)')
    .action(async (opts: { port?: string; host?: string }) => startEngine(dataDir(), opts, env));

  program
    .command('rebuild')
    .description(
      'rebuild every read model from the log: offline into a fresh file (engine stopped), or blue/green through --url',
    )
    .addOption(url)
    .action(async (opts: { url?: string }) => {
      if (opts.url) json(await rebuildOnline(opts.url, bar('rebuild')));
      else json(await rebuildOffline(dataDir(), bar('rebuild')));
    });

  program
    .command('replay')
    .description('print a read model as it stood at a point of the log (JSON), by replay')
    .requiredOption('--as-of <asOf>', 'ISO date or time (recorded by then), occurred:<ISO>, or position:N')
    .addOption(
      new Option('--query <name>', 'the read model').choices(Object.keys(QUERIES)).makeOptionMandatory(),
    )
    .option('--id <id>', 'the entity, for --query plan or state')
    .option('--limit <n>', 'most rows of a list (default 500)', positiveInt)
    .option('--include-internal', 'internal items too (default: public items only)')
    .action(
      async (opts: { asOf: string; query: string; id?: string; limit?: number; includeInternal?: boolean }) =>
        json(await replay(dataDir(), opts)),
    );

  const report = program.command('report').description('reports, by replay');
  report
    .command('plan <planId> [file]')
    .description('the annual implementation report of a plan, to a file or stdout')
    .option('--as-of <asOf>', "default: occurred:<the plan's year>-12-31")
    .addOption(new Option('--format <format>', 'html, csv or json').choices(REPORT_FORMATS).default('html'))
    .option(
      '--include-internal',
      'offline: internal items too (default: public items only; with --url the token decides)',
    )
    .addOption(url)
    .action(
      async (
        planId: string,
        file: string | undefined,
        opts: { asOf?: string; format: ReportFormat; url?: string; includeInternal?: boolean },
      ) => {
        const text = opts.url
          ? await planReportOnline(opts.url, planId, opts)
          : await planReportOffline(dataDir(), planId, opts);
        writeReport(text, file, io.out);
        if (file && file !== '-') io.err(`wrote ${file}\n`);
      },
    );

  program
    .command('export <file>')
    .description('write the whole log to an NDJSON file; resumes an interrupted export of the same file')
    .action(async (file: string) => json(await exportLog(dataDir(), file, bar('export'))));

  program
    .command('import <file>')
    .description(
      'append an NDJSON export to the log, keeping ids, streams, revisions and envelopes; skips stored ids',
    )
    .action(async (file: string) => json(await importLog(dataDir(), file, bar('import'))));

  program
    .command('backup <file>')
    .description(
      'consistent copy of events.sqlite (SQLite VACUUM INTO, one read transaction), also while the engine runs',
    )
    .action(async (file: string) => json(await backupLog(dataDir(), file, bar('backup'))));

  program
    .command('stats')
    .description('events, streams, by category and type, head, file sizes, projection checkpoints')
    .option('--json', 'as JSON')
    .action((opts: { json?: boolean }) => {
      const stats = logStats(dataDir());
      if (opts.json) json(stats);
      else io.out(formatStats(stats));
    });

  const audit = program
    .command('audit')
    .description('the tamper-evident log, offline over the data folder (read-only): verify, export, proofs');
  const publicKey = (description: string) =>
    new Option('--public-key <file>', description).argParser(collect);
  const checkpoint = new Option('--checkpoint <file>', 'a checkpoint note kept outside the log (latest.txt)');
  audit
    .command('verify')
    .description(
      'walk the log: hash chain, checkpoint signatures and roots; exit 5 naming the first tampered position',
    )
    .addOption(publicKey('a trusted public key (PEM); repeatable (default: *.pub.pem beside the audit key)'))
    .addOption(checkpoint)
    .addOption(new Option('--origin <origin>', 'default: KURULTAI_AUDIT_ORIGIN, else kurultai.local/events'))
    .action((opts: { publicKey?: string[]; checkpoint?: string; origin?: string }) => {
      const report = auditVerify(dataDir(), opts, env);
      json(report);
      failIfTampered(report);
    });
  audit
    .command('export <file>')
    .description('write the log with its audit hashes as NDJSON, for `audit verify-export` (overwrites)')
    .action((file: string) => json(auditExport(dataDir(), file)));
  audit
    .command('verify-export <file>')
    .description('the offline verifier: an audit export and the public key(s), nothing else')
    .addOption(publicKey('a trusted public key (PEM); repeatable').makeOptionMandatory())
    .addOption(checkpoint)
    .addOption(new Option('--origin <origin>', 'default: the origin of the checkpoints in the export'))
    .action((file: string, opts: { publicKey: string[]; checkpoint?: string; origin?: string }) => {
      const report = auditVerifyExport(file, opts);
      json(report);
      failIfTampered(report);
    });
  const proof = audit.command('proof').description('RFC 9162 Merkle proofs, as GET /api/audit/proofs/…');
  proof
    .command('inclusion')
    .description('that the event at a position is in the log of a size')
    .requiredOption('--position <n>', 'the event', positiveInt)
    .option('--size <n>', 'the tree size (default: the whole log)', positiveInt)
    .action((opts: { position: number; size?: number }) =>
      json(inclusionProof(dataDir(), opts.position, opts.size)),
    );
  proof
    .command('consistency')
    .description('that the log of one size is a prefix of the log of another')
    .requiredOption('--from <n>', 'the smaller size', positiveInt)
    .option('--to <n>', 'the larger size (default: the whole log)', positiveInt)
    .action((opts: { from: number; to?: number }) => json(consistencyProof(dataDir(), opts.from, opts.to)));

  addMigrateCommand(program, io, () => options.progress ?? process.stderr.isTTY === true);
  addTokenCommand(program, io, dataDir, env);
  addKeysCommand(program, io, dataDir);
  addGroupsCommand(program, io, env);

  program
    .command('import-scenario [file]')
    .description('send a scenario (default: the bundled OTS diaspora scenario) to a running engine')
    .addOption(new Option('--url <url>', 'the running engine').makeOptionMandatory())
    .action(async (file: string | undefined, opts: { url: string }) =>
      json(await importScenarioFile(opts.url, file, bar('scenario'))),
    );

  return program;
}

/** Runs the command line; resolves to the exit code. Errors are one line on stderr, never a stack. */
export async function run(argv: readonly string[], options: ProgramOptions = {}): Promise<number> {
  const io = options.output ?? PROCESS_OUTPUT;
  const program = createProgram(options);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok; // --help, --version
      return EXIT.usage; // commander has printed the message
    }
    if (error instanceof CliError) {
      io.err(`kurultai: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(`kurultai: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
}
