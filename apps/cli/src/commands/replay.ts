import type { Database } from 'better-sqlite3';
import type { SqliteEventStore } from '#event-store';
import { AsOfReplayer, FULL_VIEWER, parseAsOf, PUBLIC_VIEWER, type Viewer } from '#eventsourcing';
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
import { CliError, EXIT, openReadingStore } from '../support.js';

/** A read model query the CLI can answer by replay: `--query <name>`. */
type Query = (db: Database, args: { id?: string; today: string; limit: number; viewer: Viewer }) => unknown;

const page = (limit: number) => ({ limit, offset: 0 });

export const QUERIES: Readonly<Record<string, Query>> = {
  plans: (db, { limit, viewer }) => listPlans(db, page(limit), viewer),
  plan: (db, { id, today, viewer }) => findPlan(db, required(id, 'plan'), today, viewer),
  calendar: (db, { limit, viewer }) => listCalendar(db, { sort: 'start', ...page(limit) }, viewer),
  protocols: (db, { limit, viewer }) => listProtocols(db, { sort: 'signedOn', ...page(limit) }, viewer),
  'protocol-matrix': (db, { viewer }) => protocolMatrix(db, 'signed', viewer),
  decisions: (db, { limit, viewer }) => listDecisions(db, page(limit), viewer),
  states: (db, { limit, viewer }) => listStateParticipation(db, page(limit), viewer),
  state: (db, { id, viewer }) => findStateParticipation(db, required(id, 'state'), viewer),
  documents: (db, { limit, viewer }) => listDocuments(db, page(limit), viewer),
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
  /** Internal items too (the operator holds the whole log); public items only by default. */
  readonly includeInternal?: boolean;
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
  const store: SqliteEventStore = await openReadingStore(dataDir);
  const replayer = new AsOfReplayer(store, allProjections, null);
  try {
    const view = await replayer.open(asOf);
    const today = (asOf.kind === 'position' ? new Date().toISOString() : asOf.at).slice(0, 10);
    const viewer = options.includeInternal ? FULL_VIEWER : PUBLIC_VIEWER;
    const result = query(view.db, { id: options.id, today, limit: options.limit ?? 500, viewer });
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
