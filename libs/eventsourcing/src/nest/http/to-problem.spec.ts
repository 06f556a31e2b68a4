import { UnavailableError } from '@eventstore/db-client';
import { toProblem } from './to-problem.js';

describe('toProblem', () => {
  it('answers 503 store-unavailable when EventStoreDB cannot be reached (it was a bare 500)', () => {
    const unavailable = new UnavailableError(undefined, '14 UNAVAILABLE: No connection established');
    expect(toProblem(unavailable)).toMatchObject({
      status: 503,
      type: 'urn:kurultai:problem:store-unavailable',
    });
    expect(toProblem({ code: 14, message: 'UNAVAILABLE' })).toMatchObject({ status: 503 });
  });

  it('still answers an unknown error with a bare 500', () => {
    expect(toProblem(new Error('something else'))).toMatchObject({ status: 500 });
  });
});
