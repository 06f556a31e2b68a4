import type { Database } from 'better-sqlite3';
import type { RecordedEvent } from '#event-store';
import { statementsFor } from '#eventsourcing';
import type { InstitutionRegisteredData, InstitutionRenamedData } from './protocol-events.js';

/** The Institution events that name the parties: each opens a name period. */
export const INSTITUTION_EVENT_TYPES = ['InstitutionRegistered', 'InstitutionRenamed'] as const;

const statements = statementsFor((db: Database) => ({
  open: db.prepare<[string, string, string]>(
    'INSERT OR REPLACE INTO rm_protocol_institution_name VALUES (?, ?, NULL, ?)',
  ),
  end: db.prepare<[string, string]>(
    'UPDATE rm_protocol_institution_name SET valid_to = ? WHERE institution_id = ? AND valid_to IS NULL',
  ),
  // An unsigned party shows the name it bore on the day it joined: a period that covers that day
  // (opened, or ended by a rename) changes what its protocol shows.
  named: db.prepare<[string, string], { protocol_id: string }>(
    `SELECT DISTINCT protocol_id FROM rm_protocol_party
     WHERE institution_id = ? AND signed_on IS NULL AND joined_on > ? ORDER BY protocol_id`,
  ),
  touch: db.prepare<[number, string, string]>(
    `UPDATE rm_protocol SET last_position = ? WHERE protocol_id IN (SELECT protocol_id FROM rm_protocol_party
       WHERE institution_id = ? AND signed_on IS NULL AND joined_on > ?)`,
  ),
}));

export function forgetInstitutionStatements(db: Database): void {
  statements.forget(db);
}

/** Keeps the institution's name periods and moves on the protocols whose parties they name. */
export function applyInstitutionEvent(db: Database, event: RecordedEvent): void {
  const s = statements(db);
  if (event.type === 'InstitutionRegistered') {
    const d = event.data as unknown as InstitutionRegisteredData;
    s.open.run(d.institutionId, d.validFrom, JSON.stringify(d.name));
  } else {
    const d = event.data as unknown as InstitutionRenamedData;
    s.end.run(d.previousValidTo, d.institutionId);
    s.open.run(d.institutionId, d.validFrom, JSON.stringify(d.name));
  }
  s.touch.run(event.position, ...since(event));
}

/** The protocols an Institution event changed: those with an unsigned party it now names differently. */
export function protocolsNamedBy(db: Database, event: RecordedEvent): string[] {
  return statements(db)
    .named.all(...since(event))
    .map((r) => r.protocol_id);
}

function since(event: RecordedEvent): [string, string] {
  const d = event.data as { institutionId: string; previousValidTo?: string };
  return [d.institutionId, d.previousValidTo ?? ''];
}
