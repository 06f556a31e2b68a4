import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { eventsDocument } from './events-doc.js';

/** `npm run docs:events`: writes docs/events.md from the event schemas (run from the repository root). */
const target = resolve(process.argv[2] ?? 'docs/events.md');
writeFileSync(target, await eventsDocument(target));
console.log(`wrote ${target}`);
