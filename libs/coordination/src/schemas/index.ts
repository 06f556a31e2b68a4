export * from './event-registry.js';
export * from './event-schemas.js';
export * from './event-schemas.module.js';
export * from './upcasters.js';
