import { fold } from '#eventsourcing/decider.js';
import { institutionFacts } from './institution-facts.js';
import { institutionDecider } from './institution.decider.js';
import { dayBefore } from './calendar-day.js';
import { YTB, ytbRegistered, ytbRenamed } from './testing/institution-fixtures.js';

describe('institutionFacts', () => {
  it('tells the state and the name valid on any day', () => {
    const facts = institutionFacts(fold(institutionDecider, [ytbRegistered(), ytbRenamed()]));
    expect(facts).toMatchObject({ institutionId: YTB, state: 'TR' });
    expect(facts?.nameOn('2010-04-05')).toBeNull();
    expect(facts?.nameOn('2010-04-06')?.en).toBe(
      'Prime Ministry Presidency for Turks Abroad and Related Communities',
    );
    expect(facts?.nameOn('2018-07-14')?.en).toBe(
      'Prime Ministry Presidency for Turks Abroad and Related Communities',
    );
    expect(facts?.nameOn('2018-07-15')?.en).toBe('Presidency for Turks Abroad and Related Communities');
    expect(facts?.nameOn('2099-01-01')?.en).toBe('Presidency for Turks Abroad and Related Communities');
  });

  it('is null for an institution never registered', () => {
    expect(institutionFacts(institutionDecider.initialState())).toBeNull();
  });

  it('ends a period on the calendar day before the next one', () => {
    expect([dayBefore('2024-03-01'), dayBefore('2023-03-01'), dayBefore('2025-01-01')]).toEqual([
      '2024-02-29',
      '2023-02-28',
      '2024-12-31',
    ]);
  });
});
