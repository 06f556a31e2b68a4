import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from './config.js';

/** Every setting the engine reads is in the configuration tables of docs/operations.md. */
describe('docs/operations.md and the configuration', () => {
  const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'operations.md'), 'utf8');
  const documented = new Set([...doc.matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map((m) => m[1]));

  it('documents every variable the engine validates at start, and no other', () => {
    const read = Object.keys(loadConfig({})).filter((key) => /^[A-Z][A-Z0-9_]+$/.test(key));
    expect(read).toContain('KURULTAI_AUTH_JWKS_URL');
    expect(read.length).toBeGreaterThan(20);
    expect(read.filter((key) => !documented.has(key))).toEqual([]);
    expect([...documented].filter((key) => !read.includes(key))).toEqual([]);
  });
});
