export * from './upcasters.js';
export * from './upcasting-store.js';
