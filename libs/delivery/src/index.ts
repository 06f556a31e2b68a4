export * from './delivery.module.js';
export * from './delivery.options.js';
export * from './event-feed.js';
export * from './events.route.js';
export * from './sse-framing.js';
export * from './sse-session.js';
export * from './state-filter.js';
export * from './webhooks/index.js';
