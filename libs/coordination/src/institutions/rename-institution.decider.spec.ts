import { EntityNotFound, RuleViolation } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { RenameInstitution } from './institution.commands.js';
import { institutionDecider } from './institution.decider.js';
import {
  MINISTRY,
  YTB,
  institutionCommand,
  parentFactsOf,
  ytbRegistered,
  ytbRenamed,
} from './testing/institution-fixtures.js';

const rename = (
  data: Partial<Omit<RenameInstitution['data'], 'facts'>> = {},
  parent: ReturnType<typeof parentFactsOf> | null = parentFactsOf(),
) => {
  const { previousValidTo: _end, ...event } = ytbRenamed().data;
  return institutionCommand('RenameInstitution', { ...event, ...data, facts: { parent } });
};
const moved = [ytbRegistered(), ytbRenamed()];

describe('RenameInstitution', () => {
  it('opens a new name period under a new parent and ends the current one the day before', () => {
    const { state } = given(institutionDecider, [ytbRegistered()]).when(rename()).then([ytbRenamed()]);
    expect(state).toMatchObject({
      periods: [
        { validFrom: '2010-04-06', validTo: '2018-07-14', parent: null },
        { validFrom: '2018-07-15', validTo: null, parent: MINISTRY },
      ],
    });
  });

  it('keeps the current parent when none is given', () => {
    const name = { en: 'YTB' };
    given(institutionDecider, moved)
      .when(rename({ name, validFrom: '2024-03-01', parent: undefined }, null))
      .then([ytbRenamed({ name, validFrom: '2024-03-01', previousValidTo: '2024-02-29' })]);
  });

  it('moves out from under any body with parent null, keeping the name', () => {
    given(institutionDecider, moved)
      .when(rename({ validFrom: '2024-01-01', parent: null }, null))
      .then([ytbRenamed({ parent: null, validFrom: '2024-01-01', previousValidTo: '2023-12-31' })]);
  });

  it('refuses an institution never registered', () => {
    given(institutionDecider).when(rename()).thenRefuses(EntityNotFound, 'institution.not-found');
  });

  it.each(['2010-04-06', '2009-01-01'])(
    'refuses a period from %p, not after the current one began',
    (validFrom) => {
      given(institutionDecider, [ytbRegistered()])
        .when(rename({ validFrom }))
        .thenRefuses(RuleViolation, 'institution.period-not-after-current');
    },
  );

  it('refuses a rename that changes neither the name nor the parent', () => {
    given(institutionDecider, moved)
      .when(rename({ validFrom: '2024-01-01', parent: undefined }))
      .thenRefuses(RuleViolation, 'institution.rename-unchanged');
    given(institutionDecider, moved)
      .when(rename({ validFrom: '2024-01-01' }))
      .thenRefuses(RuleViolation, 'institution.rename-unchanged');
  });

  it('refuses a new parent never registered, of another state, or standing below it', () => {
    given(institutionDecider, [ytbRegistered()])
      .when(rename({}, null))
      .thenRefuses(EntityNotFound, 'institution.parent-not-found');
    given(institutionDecider, [ytbRegistered()])
      .when(rename({}, parentFactsOf({ state: 'UZ' })))
      .thenRefuses(RuleViolation, 'institution.parent-of-another-state');
    given(institutionDecider, [ytbRegistered()])
      .when(rename({}, parentFactsOf({ ancestors: ['tr-presidency', YTB] })))
      .thenRefuses(RuleViolation, 'institution.parent-cycle');
  });

  it('refuses a name without English and a validFrom that is not a date', () => {
    given(institutionDecider, [ytbRegistered()])
      .when(rename({ name: { en: '' } }))
      .thenRefuses(RuleViolation, 'text.english-required');
    given(institutionDecider, [ytbRegistered()])
      .when(rename({ validFrom: '2019-02-29' }))
      .thenRefuses(RuleViolation, 'date.invalid');
  });
});
