import 'reflect-metadata';
import { ConfigError, loadConfig } from './config.js';
import { serve } from './serve.js';

try {
  await serve(loadConfig());
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
