import { connectionStringProblem, isTransient, redactConnectionString } from './esdb-connection.js';

describe('EventStoreDB connection strings', () => {
  it.each([
    'esdb://localhost:2113?tls=false',
    'esdb://admin:changeit@db.example:2113?tls=true&tlsVerifyCert=false',
    'esdb+discover://node1:2113,node2:2113,node3:2113?tls=true&tlsCAFile=/certs/ca/ca.crt',
    'esdb://127.0.0.1:2113?tls=false&keepAliveInterval=10000&defaultDeadline=30000',
  ])('accepts %s, as the client does', (text) => {
    expect(connectionStringProblem(text)).toBeNull();
  });

  it.each([
    ['postgres://localhost:5432', /esdb/i],
    ['esdb://', /host|expected/i],
    ['esdb://localhost:2113?tls=maybe', /expected true or false/i],
    ['esdb://localhost:port', /port|expected/i],
  ])('refuses %s and says why', (text, why) => {
    expect(connectionStringProblem(text)).toMatch(why);
  });

  it('leaves the password out of what it names', () => {
    expect(redactConnectionString('esdb://admin:changeit@db.example:2113?tls=true')).toBe(
      'esdb://db.example:2113?tls=true',
    );
    expect(redactConnectionString('esdb://db.example:2113')).toBe('esdb://db.example:2113');
  });

  it('tells a dropped connection from a refused request', () => {
    expect(isTransient({ code: 14, details: 'No connection established' })).toBe(true);
    expect(isTransient({ code: 1, details: 'Cancelled on client' })).toBe(true);
    expect(isTransient({ code: 3, details: 'invalid argument' })).toBe(false);
    expect(isTransient(new Error('boom'))).toBe(false);
  });
});
