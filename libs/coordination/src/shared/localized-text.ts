import { Type, type TSchema } from 'typebox';
import { RuleViolation } from '#eventsourcing/decider.js';
import { record, type Payload } from '../schemas/schema-kit.js';

/** The language tags Kurultai stores readable text in (BCP 47). */
export const LANGUAGE_TAGS = [
  'en',
  'ru',
  'tr',
  'az-Latn',
  'kk',
  'ky',
  'uz-Latn',
  'uz-Cyrl',
  'hu',
  'tk',
] as const;

export type LanguageTag = (typeof LANGUAGE_TAGS)[number];

const translation = Type.String({ minLength: 1, pattern: '\\S' });
const optionalTranslation = Type.Optional(translation);

/** One member per tag of LANGUAGE_TAGS, checked by the compiler. */
const translations = {
  en: translation,
  ru: optionalTranslation,
  tr: optionalTranslation,
  'az-Latn': optionalTranslation,
  kk: optionalTranslation,
  ky: optionalTranslation,
  'uz-Latn': optionalTranslation,
  'uz-Cyrl': optionalTranslation,
  hu: optionalTranslation,
  tk: optionalTranslation,
} satisfies Record<LanguageTag, TSchema>;

export const LocalizedTextSchema = record(translations, {
  description: 'Text people read, per BCP 47 language tag; English is required, no translation is blank',
});

/** Text people read, per language tag; English is the one every reader can fall back to. */
export type LocalizedText = Payload<typeof LocalizedTextSchema>;

export function isLanguageTag(tag: string): tag is LanguageTag {
  return (LANGUAGE_TAGS as readonly string[]).includes(tag);
}

/**
 * Refuses text without English, with a tag outside the list or with a blank translation.
 * Commands may come from anywhere, so the shape is checked too.
 */
export function assertLocalizedText(text: unknown, field: string): asserts text is LocalizedText {
  if (typeof text !== 'object' || text === null || Array.isArray(text)) {
    throw new RuleViolation(
      'text.english-required',
      `${field} must give the text per language, English at least`,
      field,
    );
  }
  const english = (text as Record<string, unknown>)['en'];
  if (typeof english !== 'string' || english.trim() === '') {
    throw new RuleViolation('text.english-required', `${field} must be given in English`, `${field}.en`);
  }
  for (const [tag, value] of Object.entries(text)) {
    if (!isLanguageTag(tag)) {
      throw new RuleViolation(
        'text.unknown-language',
        `${field} uses the language tag "${tag}"; allowed are ${LANGUAGE_TAGS.join(', ')}`,
        `${field}.${tag}`,
      );
    }
    if (typeof value !== 'string' || value.trim() === '') {
      throw new RuleViolation('text.blank-translation', `${field} in "${tag}" is blank`, `${field}.${tag}`);
    }
  }
}
