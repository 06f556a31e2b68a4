import { RuleViolation } from '#eventsourcing/decider.js';
import { assertLocalizedText, isLanguageTag, LANGUAGE_TAGS } from './localized-text.js';

const refusal = (text: unknown): string | undefined => {
  try {
    assertLocalizedText(text, 'title');
    return undefined;
  } catch (error) {
    return error instanceof RuleViolation ? `${error.rule} @ ${error.field}` : String(error);
  }
};

describe('LocalizedText', () => {
  it('accepts English alone or with any of the kept languages', () => {
    expect(refusal({ en: 'Diaspora Youth Forum' })).toBeUndefined();
    const all = Object.fromEntries(LANGUAGE_TAGS.map((tag) => [tag, `text in ${tag}`]));
    expect(refusal(all)).toBeUndefined();
  });

  it('requires English', () => {
    expect(refusal({ tr: 'Diaspora Gençlik Forumu' })).toBe('text.english-required @ title.en');
    expect(refusal({ en: '  ' })).toBe('text.english-required @ title.en');
    expect(refusal('Diaspora Youth Forum')).toBe('text.english-required @ title');
    expect(refusal(null)).toBe('text.english-required @ title');
  });

  it('refuses tags outside the list, including untagged script variants', () => {
    expect(refusal({ en: 'Forum', uz: 'Forum' })).toBe('text.unknown-language @ title.uz');
    expect(refusal({ en: 'Forum', 'az-Cyrl': 'Форум' })).toBe('text.unknown-language @ title.az-Cyrl');
  });

  it('refuses blank or non-text translations', () => {
    expect(refusal({ en: 'Forum', kk: '' })).toBe('text.blank-translation @ title.kk');
    expect(refusal({ en: 'Forum', hu: 3 })).toBe('text.blank-translation @ title.hu');
  });

  it('tells language tags apart', () => {
    expect(isLanguageTag('uz-Cyrl')).toBe(true);
    expect(isLanguageTag('uz-cyrl')).toBe(false);
  });
});
