export * from './audit-log.service.js';
export * from './audit-reader.js';
export * from './audit.controller.js';
export * from './audit.module.js';
export * from './checkpoint.js';
export * from './merkle.js';
export * from './verify.js';
