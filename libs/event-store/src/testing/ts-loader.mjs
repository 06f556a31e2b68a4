// Lets a plain `node` child process run the real TypeScript sources: `node --import <this file>`.
// Jest transforms TypeScript only inside its own process.
import { register } from 'node:module';

register('./ts-loader-hooks.mjs', import.meta.url);
