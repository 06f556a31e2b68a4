import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'jest.config.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Domain code is pure: no framework, no I/O.
    // The aggregate's own files (<aggregate>/<name>.ts, .decider.ts, specs) are domain code;
    // slice folders below them hold the Nest wiring.
    files: ['libs/coordination/src/*/*.ts'],
    // processes/ turns events into bus commands: wiring, not domain.
    ignores: [
      'libs/coordination/src/*/*.module.ts',
      'libs/coordination/src/index.ts',
      'libs/coordination/src/processes/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'better-sqlite3', 'node:*', 'fs', 'http'],
              message: 'domain code is pure: no Nest, no I/O',
            },
            {
              regex: '^#(event-store|eventsourcing(?!/decider\\.js$))',
              message: 'domain code imports only #eventsourcing/decider.js of the engine',
            },
          ],
        },
      ],
    },
  },
);
