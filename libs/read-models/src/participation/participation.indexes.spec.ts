import Database from 'better-sqlite3';
import { participationProjection } from './participation.projection.js';

/**
 * Every activity event looks up the states taking part in it; without an index that lookup
 * scanned the table, and a rebuild grew with the square of the log.
 */
describe('participation tables', () => {
  it('find the states of an activity through an index, not a scan', () => {
    const db = new Database(':memory:');
    participationProjection.setup(db);
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT state FROM rm_participation_activity_state WHERE activity_id = ?')
      .all('forum-2025') as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(
      /SEARCH rm_participation_activity_state USING (COVERING )?INDEX/,
    );
    db.close();
  });
});
