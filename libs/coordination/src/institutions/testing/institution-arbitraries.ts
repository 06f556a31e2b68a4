import fc from 'fast-check';
import type { LocalizedText } from '../../shared/localized-text.js';
import { metadata } from '../../shared/testing/command.js';
import type { InstitutionCommand, RegisterInstitution, RenameInstitution } from '../institution.commands.js';
import { parentFactsOf, stateFactsOf } from './institution-fixtures.js';

const ID = 'i1';
const meta = metadata();

/** Mostly valid values, sometimes invalid ones, so that commands are accepted often enough. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });

const day = mostly(
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2024-02-30', 'soon'),
);
const name = mostly<LocalizedText>(
  fc.constantFrom({ en: 'Committee' }, { en: 'Agency' }, { en: 'Agency', tr: 'Ajans' }),
  fc.constant({ en: '' }),
);
const parent = fc.constantFrom('p1', 'p2', ID);
const parentFacts = fc.option(
  fc.record({
    institutionId: fc.constantFrom('p1', 'p2'),
    state: mostly(fc.constant('UZ'), fc.constantFrom('TR', null)),
    ancestors: mostly<readonly string[]>(fc.constant([]), fc.constant([ID])),
  }),
  { freq: 4 },
);

const register: fc.Arbitrary<RegisterInstitution> = fc
  .record({
    state: mostly(fc.constant('UZ'), fc.constant('RU')),
    name,
    validFrom: day,
    parent: fc.option(parent, { nil: undefined }),
    parentFacts,
  })
  .map(({ parentFacts, state, ...data }) => ({
    type: 'RegisterInstitution',
    data: {
      institutionId: ID,
      state,
      ...(data.parent === undefined ? { name: data.name, validFrom: data.validFrom } : data),
      facts: { state: state === 'UZ' ? stateFactsOf('UZ') : null, parent: parentFacts },
    },
    metadata: meta,
  }));

const rename: fc.Arbitrary<RenameInstitution> = fc
  .record({
    name,
    validFrom: day,
    parent: fc.option(fc.option(parent, { nil: null }), { nil: undefined }),
    parentFacts,
  })
  .map(({ parentFacts, parent, ...data }) => ({
    type: 'RenameInstitution',
    data: {
      institutionId: ID,
      ...data,
      ...(parent === undefined ? {} : { parent }),
      facts: { parent: parent === undefined || parent === null ? null : (parentFacts ?? parentFactsOf()) },
    },
    metadata: meta,
  }));

/** Valid and invalid commands on one institution stream, in any order. */
export const institutionCommands: fc.Arbitrary<InstitutionCommand[]> = fc.array(
  fc.oneof({ arbitrary: register, weight: 1 }, { arbitrary: rename, weight: 4 }),
  { maxLength: 30, size: 'max' },
);
