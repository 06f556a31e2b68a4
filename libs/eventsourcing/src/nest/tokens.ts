/** The engine's clock (`() => Date`), injectable so tests can fix time. */
export const CLOCK = Symbol.for('kurultai.Clock');
/** The read-model SQLite database (better-sqlite3 `Database`). */
export const READ_MODEL_DB = Symbol.for('kurultai.ReadModelDb');
/** Options the engine was configured with (`EventSourcingOptions`). */
export const EVENT_SOURCING_OPTIONS = Symbol.for('kurultai.EventSourcingOptions');
