export * from './command-scope.js';
export * from './instrumented-store.js';
export * from './metrics.js';
export * from './pino-logger.js';
export * from './shutdown.js';
