// The EventStoreDB run of the end-to-end specs (jest.esdb.config.cjs): engines started through
// test/support/engine.ts run on the protocol double (see test-store.ts).
process.env.KURULTAI_TEST_STORE = 'esdb';
