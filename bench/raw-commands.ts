import { planDecider, type PlanCommand, type PlanEvent } from '#coordination';
import { eventMetadata, type CommandContext } from '#eventsourcing';
import { RawEventTable, type RawEventRow } from './raw-event-table.js';

type PlanCommandWithoutMetadata = Omit<PlanCommand, 'metadata'>;

/**
 * The baseline of command handling: read-decide-append by hand on the raw table. One
 * IMMEDIATE transaction per command reads the stream's rows, parses them, folds them with the
 * same `planDecider.evolve`, calls the same `decide` and inserts the events at the next revisions.
 */
export class RawCommandHandler {
  readonly table: RawEventTable;
  private readonly decideAndAppend: (
    stream: string,
    command: PlanCommandWithoutMetadata,
    context: CommandContext,
  ) => number;

  constructor(path: string) {
    this.table = new RawEventTable(path);
    this.decideAndAppend = this.table.immediate((stream, command, context) => {
      const rows = this.table.readStream(stream);
      const state = foldRows(rows);
      const recordedAt = new Date().toISOString();
      const metadata = eventMetadata(context, recordedAt, command.type);
      const full = {
        ...command,
        metadata: { actor: metadata.actor, occurredAt: metadata.occurredAt, recordedAt },
      } as PlanCommand;
      const events = planDecider.decide(full, state);
      let revision = rows.length;
      for (const event of events) {
        this.table.insert(
          stream,
          revision++,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(metadata),
        );
      }
      return events.length;
    });
  }

  /** Handles one command; returns how many events it appended. */
  handle(stream: string, command: PlanCommandWithoutMetadata, context: CommandContext): number {
    return this.decideAndAppend(stream, command, context);
  }

  close(): void {
    this.table.close();
  }
}

function foldRows(rows: readonly RawEventRow[]) {
  let state = planDecider.initialState();
  for (const [type, data, metadata] of rows) {
    const event = { type, data: JSON.parse(data), metadata: JSON.parse(metadata) } as PlanEvent;
    state = planDecider.evolve(state, event);
  }
  return state;
}
