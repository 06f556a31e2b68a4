import type { LocalizedText } from '../shared/localized-text.js';

/**
 * What the Institution aggregate knows of a would-be party, prefetched by the handlers.
 * `state` null is the OTS Secretariat.
 */
export interface ProtocolPartyFacts {
  readonly institutionId: string;
  readonly state: string | null;
}

/** A signing party's facts: its name on the signing day, null when it had no name (did not exist) then. */
export interface SigningPartyFacts extends ProtocolPartyFacts {
  readonly nameOnSigningDate: LocalizedText | null;
}
