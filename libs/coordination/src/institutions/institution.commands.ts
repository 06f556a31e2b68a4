import type { Command } from '#eventsourcing/decider.js';
import type { LocalizedText } from '../shared/localized-text.js';
import type { StateFacts } from '../states/state-facts.js';

/** What the handler reads of a cited parent institution before deciding. */
export interface ParentInstitutionFacts {
  readonly institutionId: string;
  readonly state: string | null;
  /** The bodies above the parent today, nearest first, to refuse a cycle. */
  readonly ancestors: readonly string[];
}

export type RegisterInstitution = Command<
  'RegisterInstitution',
  {
    readonly institutionId: string;
    /** The state's code, or null for the OTS Secretariat. */
    readonly state: string | null;
    readonly name: LocalizedText;
    readonly parent?: string;
    /** YYYY-MM-DD: the first day of its first name period. */
    readonly validFrom: string;
    /** The state as the State aggregate knows it (null when unregistered or for the Secretariat), and the parent. */
    readonly facts: { readonly state: StateFacts | null; readonly parent: ParentInstitutionFacts | null };
  }
>;

export type RenameInstitution = Command<
  'RenameInstitution',
  {
    readonly institutionId: string;
    readonly name: LocalizedText;
    /** YYYY-MM-DD: the first day of the new name period. */
    readonly validFrom: string;
    /** Absent: stays under the same body; null: under none any more; an id: moved under it. */
    readonly parent?: string | null;
    readonly facts: { readonly parent: ParentInstitutionFacts | null };
  }
>;

export type InstitutionCommand = RegisterInstitution | RenameInstitution;
