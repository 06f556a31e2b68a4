#!/usr/bin/env node
import 'reflect-metadata';
import { run } from './program.js';

// `start` returns once the engine listens; the server keeps the process alive until SIGTERM.
process.exitCode = await run(process.argv.slice(2));
