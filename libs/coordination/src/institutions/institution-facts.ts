import type { LocalizedText } from '../shared/localized-text.js';
import type { InstitutionState } from './institution.js';
import { namePeriodOn } from './institution.js';

/**
 * What the Institution aggregate knows of one institution, for the handlers of other
 * aggregates to prefetch and pass in their commands.
 */
export interface InstitutionFacts {
  readonly institutionId: string;
  /** The state it belongs to; null for the OTS Secretariat. */
  readonly state: string | null;
  /** Its name on a day (YYYY-MM-DD); null before it was registered. */
  readonly nameOn: (date: string) => LocalizedText | null;
}

/** Null when the institution was never registered. */
export function institutionFacts(state: InstitutionState): InstitutionFacts | null {
  if (state.status === 'unregistered') return null;
  return {
    institutionId: state.institutionId,
    state: state.state,
    nameOn: (date) => namePeriodOn(state, date)?.name ?? null,
  };
}
