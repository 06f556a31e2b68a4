export * from './asyncapi-document.js';
export * from './asyncapi.controller.js';
export * from './envelope-schema.js';
