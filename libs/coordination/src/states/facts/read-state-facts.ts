import type { EventStore } from '#event-store';
import { fold, readHistory } from '#eventsourcing';
import { stateFacts, type StateFacts } from '../state-facts.js';
import { stateDecider } from '../state.decider.js';
import { stateStream, type StateEvent } from '../state.js';

/** Reads a state's stream and tells what it knows; null when the state was never registered. */
export async function readStateFacts(store: EventStore, code: string): Promise<StateFacts | null> {
  const history = (await readHistory(store, stateStream(code))) as unknown as StateEvent[];
  return stateFacts(fold(stateDecider, history));
}
