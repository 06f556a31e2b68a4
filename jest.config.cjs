/** Jest runs TypeScript through SWC; Nest 12 ships ESM only, so it is transformed too. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.(t|m?j)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|cookie|content-disposition|canonicalize|jose|typebox)/)(?!.*/node_modules/)',
  ],
  moduleNameMapper: {
    '^#event-store$': '<rootDir>/libs/event-store/src/index.ts',
    '^#event-store/(.*)\\.js$': '<rootDir>/libs/event-store/src/$1',
    '^#eventsourcing$': '<rootDir>/libs/eventsourcing/src/index.ts',
    '^#eventsourcing/(.*)\\.js$': '<rootDir>/libs/eventsourcing/src/$1',
    '^#coordination$': '<rootDir>/libs/coordination/src/index.ts',
    '^#coordination/module$': '<rootDir>/libs/coordination/src/coordination.module.ts',
    '^#read-models$': '<rootDir>/libs/read-models/src/index.ts',
    '^#audit$': '<rootDir>/libs/audit/src/index.ts',
    '^#delivery$': '<rootDir>/libs/delivery/src/index.ts',
    '^#security$': '<rootDir>/libs/security/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
};
