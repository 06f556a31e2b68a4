import type { EventStore } from '#event-store';
import { fold, readHistory } from '#eventsourcing';
import { institutionFacts, type InstitutionFacts } from '../institution-facts.js';
import type { ParentInstitutionFacts } from '../institution.commands.js';
import { institutionDecider } from '../institution.decider.js';
import {
  currentNamePeriod,
  institutionStream,
  type InstitutionEvent,
  type InstitutionState,
} from '../institution.js';

/** Hierarchies are shallow; the bound only stops a walk up a corrupted chain. */
const MAX_DEPTH = 32;

export async function readInstitution(store: EventStore, institutionId: string): Promise<InstitutionState> {
  const history = (await readHistory(
    store,
    institutionStream(institutionId),
  )) as unknown as InstitutionEvent[];
  return fold(institutionDecider, history);
}

/** What the Institution aggregate knows of one institution; null when it was never registered. */
export async function readInstitutionFacts(
  store: EventStore,
  institutionId: string,
): Promise<InstitutionFacts | null> {
  return institutionFacts(await readInstitution(store, institutionId));
}

/** A cited parent body: its state and the bodies above it today, for RegisterInstitution and RenameInstitution. */
export async function readParentFacts(
  store: EventStore,
  parentId: string,
): Promise<ParentInstitutionFacts | null> {
  const parent = await readInstitution(store, parentId);
  if (parent.status === 'unregistered') return null;
  const ancestors: string[] = [];
  let above = currentNamePeriod(parent).parent;
  while (above !== null && !ancestors.includes(above) && ancestors.length < MAX_DEPTH) {
    ancestors.push(above);
    const next = await readInstitution(store, above);
    above = next.status === 'registered' ? currentNamePeriod(next).parent : null;
  }
  return { institutionId: parentId, state: parent.state, ancestors };
}
