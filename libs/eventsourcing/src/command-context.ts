import type { Actor, SourceReference, Visibility } from '#event-store';

/**
 * Everything the engine knows about a command besides its data: who sent it, its ids, its
 * time and source. It becomes the metadata of every event the command produces.
 */
export interface CommandContext {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  /** When the thing happened; defaults to the time it is recorded. */
  readonly occurredAt?: string;
  readonly source?: SourceReference | null;
  readonly visibility?: Visibility;
  /** Fingerprint of the request, to tell a replay of the same command from a reused id. */
  readonly commandHash?: string;
}

/** The reply to a handled command (DESIGN §6). */
export interface CommandResult {
  readonly commandId: string;
  readonly stream: string;
  /** Stream revision after the command (-1 when the stream still has no events). */
  readonly revision: number;
  /** Global position of the command's last event, or the log head when it produced none. */
  readonly position: number;
  readonly events: readonly { readonly id: string; readonly type: string; readonly position: number }[];
  /** `true` when the command had already been handled and this is its first reply again. */
  readonly replayed: boolean;
}
