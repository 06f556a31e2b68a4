import type { LocalizedText } from '../shared/localized-text.js';

/**
 * Version 2 of SignatoryDesignated and ProtocolSignatureRecorded: the signatory's title is text
 * people read, so it is kept per language like every other title (version 1 held one string).
 * Version 1 titles were entered through an English-only form, so they are read as English.
 */
const signatoryTitlePerLanguage = (data: Readonly<Record<string, unknown>>) => {
  const signatory = data['signatory'] as { readonly name: string; readonly title: string | null };
  const title: LocalizedText | null = typeof signatory.title === 'string' ? { en: signatory.title } : null;
  return { ...data, signatory: { ...signatory, title } };
};

const SIGNATORY_TITLE_CHANGE =
  '`signatory.title` was one string; it is now text per language (`{ "en": … }`), v1 strings read as English';

/**
 * Reads an event type's data at `fromVersion` as the next version (the engine's `Upcaster`,
 * told here without depending on the engine).
 */
export interface EventUpcaster {
  readonly type: string;
  readonly fromVersion: number;
  readonly change: string;
  readonly upcast: (data: Readonly<Record<string, unknown>>) => Readonly<Record<string, unknown>>;
}

/** Every change of an event's shape, oldest first; the engine reads stored events through them. */
export const COORDINATION_UPCASTERS: readonly EventUpcaster[] = [
  {
    type: 'SignatoryDesignated',
    fromVersion: 1,
    change: SIGNATORY_TITLE_CHANGE,
    upcast: signatoryTitlePerLanguage,
  },
  {
    type: 'ProtocolSignatureRecorded',
    fromVersion: 1,
    change: SIGNATORY_TITLE_CHANGE,
    upcast: signatoryTitlePerLanguage,
  },
];
