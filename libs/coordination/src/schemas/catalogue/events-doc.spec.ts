import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE_COMMAND, renderEventCatalogue } from '../event-catalogue.js';

const ROOT = join(__dirname, '..', '..', '..', '..', '..');
const FILE = join(ROOT, 'docs', 'events.md');

/** Prettier's command line, as `npm run docs:events` formats the file (its API needs ES modules). */
const formatted = (markdown: string): string =>
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/prettier/bin/prettier.cjs'), '--stdin-filepath', FILE],
    {
      input: markdown,
      encoding: 'utf8',
    },
  );

describe('docs/events.md', () => {
  it(`is what \`${CATALOGUE_COMMAND}\` generates from the event schemas`, () => {
    expect(readFileSync(FILE, 'utf8')).toBe(formatted(renderEventCatalogue()));
  });

  it('names every event type, its schema version and an example', () => {
    const text = readFileSync(FILE, 'utf8');
    expect(text).toContain('### SignatoryDesignated');
    expect(text).toContain('Schema version 2 · stream `protocol-<id>`');
    expect(text).toMatch(/\| `signatory\.title` +\| localized text or null +\|/);
  });
});
