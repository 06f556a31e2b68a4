export * from './groups.controller.js';
export * from './groups.dto.js';
