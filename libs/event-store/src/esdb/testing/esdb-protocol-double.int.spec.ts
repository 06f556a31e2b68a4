import {
  ErrorType,
  EventStoreDBClient,
  NO_STREAM,
  isCommandError,
  jsonEvent,
  type WrongExpectedVersionError,
} from '@eventstore/db-client';
import { batchAppend } from '@eventstore/db-client/dist/streams/appendToStream/batchAppend.js';
import { EsdbProtocolDouble } from './esdb-protocol-double.js';

/** The double as the official client sees it, on the BatchAppend path the client takes by default. */
describe('EsdbProtocolDouble: Streams.BatchAppend', () => {
  let double: EsdbProtocolDouble;
  let client: EventStoreDBClient;

  beforeEach(async () => {
    double = await EsdbProtocolDouble.start();
    client = EventStoreDBClient.connectionString(double.connectionString);
  });
  afterEach(async () => {
    await client.dispose();
    await double.stop();
  });

  const events = (count: number, size = 10) =>
    Array.from({ length: count }, (_, n) =>
      jsonEvent({ type: 'Numbered', data: { n, pad: 'x'.repeat(size) } }),
    );
  const read = async (stream: string) => {
    const found: number[] = [];
    for await (const resolved of client.readStream(stream))
      found.push((resolved.event!.data as { n: number }).n);
    return found;
  };

  it('writes an append split over many requests whole, at consecutive revisions', async () => {
    const result = await batchAppend.call(client, 'batch-1', events(50, 200), {
      expectedRevision: NO_STREAM,
      batchAppendSize: 1_024,
    });
    expect(result).toMatchObject({ success: true, nextExpectedRevision: 49n });
    expect(await read('batch-1')).toEqual(Array.from({ length: 50 }, (_, n) => n));
  });

  it('answers appends multiplexed on one call each under its own correlation id', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) => client.appendToStream(`batch-m${n}`, events(n + 1))),
    );
    expect(results.map((result) => result.nextExpectedRevision)).toEqual(
      Array.from({ length: 10 }, (_, n) => BigInt(n)),
    );
  });

  it('refuses a wrong expected revision with the WrongExpectedVersion payload the client unpacks, writing nothing', async () => {
    await client.appendToStream('batch-w', events(3));
    const error = await client.appendToStream('batch-w', events(2), { expectedRevision: 5n }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error instanceof Error && isCommandError(error) && error.type).toBe(
      ErrorType.WRONG_EXPECTED_VERSION,
    );
    expect(error).toMatchObject({ streamName: 'batch-w', expectedVersion: 5n, actualVersion: 2n });
    const missing = await client
      .appendToStream('batch-none', events(1), { expectedRevision: 'stream_exists' })
      .then(
        () => undefined,
        (e: unknown) => e as WrongExpectedVersionError,
      );
    expect(missing).toMatchObject({
      type: ErrorType.WRONG_EXPECTED_VERSION,
      expectedVersion: 'stream_exists',
    });
    expect(await read('batch-w')).toEqual([0, 1, 2]);
  });
});
