import fc from 'fast-check';
import type { LocalizedText } from '../../shared/localized-text.js';
import { metadata } from '../../shared/testing/command.js';
import type { RegisterStrategicDocument } from '../strategic-document.commands.js';
import { STRATEGIC_DOCUMENT_KINDS } from '../strategic-document.js';

const meta = metadata({ recordedAt: '2024-11-18T12:00:00Z' });

/** Mostly valid values, sometimes invalid ones, so that commands are accepted often enough. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });

const register: fc.Arbitrary<RegisterStrategicDocument> = fc
  .record(
    {
      documentId: fc.constant('d1'),
      title: mostly<LocalizedText>(
        fc.constantFrom({ en: 'Vision' }, { en: 'Strategy', tr: 'Strateji' }),
        fc.constant({ en: '' }),
      ),
      kind: mostly(fc.constantFrom(...STRATEGIC_DOCUMENT_KINDS), fc.constant('treaty' as never)),
      adoptedAt: mostly(
        fc.constantFrom('2021-11-12', '2022-11-11', '2024-11-06'),
        fc.constantFrom('2021-02-30', '2030-01-01'),
      ),
      adoptedAtPlace: mostly(fc.constantFrom('Istanbul', 'Bishkek'), fc.constant('')),
      source: mostly<RegisterStrategicDocument['data']['source']>(
        fc.record(
          { kind: fc.constant('press-release'), url: fc.constant('https://example.org/') },
          { requiredKeys: ['kind'] },
        ),
        fc.constant({ kind: '' }),
      ),
    },
    { requiredKeys: ['documentId', 'title', 'kind', 'adoptedAt'] },
  )
  .map((data) => ({ type: 'RegisterStrategicDocument', data, metadata: meta }));

/** Valid and invalid registrations of one document. */
export const strategicDocumentCommands: fc.Arbitrary<RegisterStrategicDocument[]> = fc.array(register, {
  maxLength: 10,
});
