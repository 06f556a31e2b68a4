/** The engine's clock (`() => Date`), injectable so tests can fix time. */
export const CLOCK = Symbol.for('kurultai.Clock');
/**
 * The read-model SQLite database the engine opened at start (better-sqlite3 `Database`). A
 * blue/green rebuild closes it and swaps in another: read `ReadModels.db` (or `view().db`), which
 * is always the live one, rather than keeping this.
 */
export const READ_MODEL_DB = Symbol.for('kurultai.ReadModelDb');
/** Options the engine was configured with (`EventSourcingOptions`). */
export const EVENT_SOURCING_OPTIONS = Symbol.for('kurultai.EventSourcingOptions');
