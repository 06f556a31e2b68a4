import type { Database } from 'better-sqlite3';
import { PUBLIC_VIEWER, statementsFor, visibilityParams, visibleSql, type Viewer } from '#eventsourcing';
import { PROTOCOL_STATUSES, type ProtocolStatus } from './protocols.query.js';

export const MATRIX_STATUSES = ['signed', 'in-force', 'all'] as const;
export type MatrixStatus = (typeof MATRIX_STATUSES)[number];

/**
 * Which protocols a matrix counts: `signed` those signed by every party and not terminated (in
 * force or not), `in-force` those in force, `all` every protocol, drafts and terminated ones too.
 */
const COUNTED: Record<MatrixStatus, readonly ProtocolStatus[]> = {
  signed: ['signed', 'in-force'],
  'in-force': ['in-force'],
  all: PROTOCOL_STATUSES,
};

/** One unordered pair of states (`a` < `b`) and the protocols between them. */
export interface MatrixCell {
  readonly a: string;
  readonly b: string;
  readonly count: number;
  readonly protocols: string[];
}

export interface StateTotal {
  readonly state: string;
  readonly count: number;
  readonly protocols: string[];
}

export interface ProtocolMatrix {
  /** The states party to at least one counted protocol, in code order. */
  readonly states: string[];
  /** Only the pairs with at least one protocol, in (a, b) order. */
  readonly cells: MatrixCell[];
  /** Per state, the counted protocols it is a party to. */
  readonly totals: StateTotal[];
}

const statements = statementsFor((db: Database) => ({
  // The Secretariat (state null) is no state: it makes no pair.
  // Only the protocols the viewer may see are counted: the matrix is made after filtering.
  parties: db.prepare<Record<string, unknown>, { protocol_id: string; state: string }>(
    `SELECT DISTINCT p.protocol_id, p.state FROM rm_protocol_party p JOIN rm_protocol r USING (protocol_id)
     WHERE p.state IS NOT NULL AND r.status IN (SELECT value FROM json_each(@statuses)) AND ${visibleSql('r')}
     ORDER BY p.protocol_id, p.state`,
  ),
}));

/**
 * State × state: a protocol counts once for every pair of its parties' distinct states. Only the
 * protocols the viewer may see count.
 */
export function protocolMatrix(
  db: Database,
  status: MatrixStatus,
  viewer: Viewer = PUBLIC_VIEWER,
): ProtocolMatrix {
  const byProtocol = new Map<string, string[]>();
  const params = { statuses: JSON.stringify(COUNTED[status]), ...visibilityParams(viewer) };
  for (const { protocol_id, state } of statements(db).parties.all(params))
    byProtocol.set(protocol_id, [...(byProtocol.get(protocol_id) ?? []), state]);
  const pairs = new Map<string, string[]>();
  const perState = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string) =>
    map.set(key, [...(map.get(key) ?? []), id]);
  for (const [id, states] of byProtocol) {
    states.forEach((a, i) => {
      add(perState, a, id);
      for (const b of states.slice(i + 1)) add(pairs, `${a}\u0000${b}`, id);
    });
  }
  const cells = [...pairs]
    .sort(([x], [y]) => compare(x, y))
    .map(([key, protocols]) => {
      const [a, b] = key.split('\u0000');
      return { a, b, count: protocols.length, protocols };
    });
  const totals = [...perState]
    .sort(([x], [y]) => compare(x, y))
    .map(([state, protocols]) => ({ state, count: protocols.length, protocols }));
  return { states: totals.map((t) => t.state), cells, totals };
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
