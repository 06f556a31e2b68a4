import type { RecordedEvent } from '#event-store';
import type { CommandRequest } from '../nest/http/command-request.js';

/** A command a process manager sends in reaction to an event, built with the request the runner makes. */
export interface ProcessCommand {
  /** Stable within the event (e.g. `schedule:turkic-diaspora-forum-2025`): part of the command id. */
  readonly key: string;
  /** Builds the bus command (a slice's `SliceCommand`) with the runner's request context. */
  readonly build: (request: CommandRequest) => object;
}

/**
 * Turns committed events into commands. It sees events only from the global log, after they
 * are committed; the runner gives each command an id derived from the event, so replaying the
 * log re-sends the same ids and the command path answers them from the log instead of acting twice.
 */
export interface ProcessManager {
  readonly name: string;
  readonly eventTypes: readonly string[];
  react(event: RecordedEvent): readonly ProcessCommand[];
}

/** A command of a process manager that the domain refused: kept for the Secretariat to look at. */
export interface ProcessFailure {
  readonly processManager: string;
  readonly eventPosition: number;
  readonly eventId: string;
  readonly commandKey: string;
  readonly rule: string | null;
  readonly message: string;
  readonly at: string;
}

export interface ProcessManagerStatus {
  readonly name: string;
  readonly state: 'stopped' | 'running' | 'failed';
  readonly position: number;
  readonly failures: number;
  readonly error?: string;
}
