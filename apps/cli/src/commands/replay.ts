import type { Database } from 'better-sqlite3';
import type { SqliteEventStore } from '#event-store';
import { AsOfReplayer, parseAsOf } from '#eventsourcing';
import {
  allProjections,
  findPlan,
  findStateParticipation,
  listPlans,
  listStateParticipation,
} from '#read-models';
import { listCalendar } from '../../../../libs/read-models/src/calendar/calendar.query.js';
import { listDecisions } from '../../../../libs/read-models/src/decisions/decisions.query.js';
import { protocolMatrix } from '../../../../libs/read-models/src/protocols/protocol-matrix.query.js';
import { listProtocols } from '../../../../libs/read-models/src/protocols/protocols.query.js';
import { listDocuments } from '../../../../libs/read-models/src/strategic-documents/strategic-documents.query.js';
import { CliError, EXIT, openExistingStore } from '../support.js';

/** A read model query the CLI can answer by replay: `--query <name>`. */
type Query = (db: Database, args: { id?: string; today: string; limit: number }) => unknown;

const page = (limit: number) => ({ limit, offset: 0 });

export const QUERIES: Readonly<Record<string, Query>> = {
  plans: (db, { limit }) => listPlans(db, page(limit)),
  plan: (db, { id, today }) => findPlan(db, required(id, 'plan'), today),
  calendar: (db, { limit }) => listCalendar(db, { sort: 'start', ...page(limit) }),
  protocols: (db, { limit }) => listProtocols(db, { sort: 'signedOn', ...page(limit) }),
  'protocol-matrix': (db) => protocolMatrix(db, 'signed'),
  decisions: (db, { limit }) => listDecisions(db, page(limit)),
  states: (db, { limit }) => listStateParticipation(db, page(limit)),
  state: (db, { id }) => findStateParticipation(db, required(id, 'state')),
  documents: (db, { limit }) => listDocuments(db, page(limit)),
};

function required(id: string | undefined, what: string): string {
  if (!id) throw new CliError(`--query ${what} needs --id`, EXIT.usage);
  return id;
}

export interface ReplayOptions {
  readonly asOf: string;
  readonly query: string;
  readonly id?: string;
  readonly limit?: number;
}

export interface ReplayResult {
  readonly asOf: string;
  readonly logPosition: number;
  readonly query: string;
  readonly result: unknown;
}

/** Replays the log of `dataDir` up to `asOf` (offline, in memory) and answers one read-model query. */
export async function replay(dataDir: string, options: ReplayOptions): Promise<ReplayResult> {
  const query = QUERIES[options.query];
  if (!query)
    throw new CliError(
      `unknown query ${options.query}; one of ${Object.keys(QUERIES).join(', ')}`,
      EXIT.usage,
    );
  const asOf = parseAsOf(options.asOf);
  if (!asOf)
    throw new CliError('--as-of must be an ISO date or time, occurred:<ISO>, or position:N', EXIT.usage);
  const store: SqliteEventStore = await openExistingStore(dataDir);
  const replayer = new AsOfReplayer(store, allProjections, null);
  try {
    const view = await replayer.open(asOf);
    const today = (asOf.kind === 'position' ? new Date().toISOString() : asOf.at).slice(0, 10);
    const result = query(view.db, { id: options.id, today, limit: options.limit ?? 500 });
    if (result === null)
      throw new CliError(
        `nothing found for ${options.query} ${options.id ?? ''} as of ${options.asOf}`,
        EXIT.notFound,
      );
    return { asOf: options.asOf, logPosition: view.position, query: options.query, result };
  } finally {
    await replayer.close();
    await store.close();
  }
}
