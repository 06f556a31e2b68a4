import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandRightsMarkdown, routeRightsMarkdown } from '#security';

const DOC = join(__dirname, '..', '..', 'docs', 'security.md');

/** Table rows without the padding a formatter adds: cells trimmed, separator dashes collapsed. */
function normalised(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => {
      if (!line.trimStart().startsWith('|')) return line;
      const cells = line
        .trim()
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim());
      return `| ${cells.map((cell) => cell.replace(/^(:?)-+(:?)$/, '$1-$2')).join(' | ')} |`;
    })
    .join('\n');
}

/** docs/security.md shows the rights table the guard applies, rendered from it: they cannot drift apart. */
describe('docs/security.md', () => {
  it.each([
    ['commands', commandRightsMarkdown],
    ['routes', routeRightsMarkdown],
  ])('contains the generated table of the %s', (_, render) => {
    expect(normalised(readFileSync(DOC, 'utf8'))).toContain(normalised(render()));
  });

  it('would notice a drift: a row with another right is not contained', () => {
    const drifted = commandRightsMarkdown().replace('| `AdoptPlan` | ✓ | — |', '| `AdoptPlan` | ✓ | ✓ |');
    expect(drifted).not.toBe(commandRightsMarkdown());
    expect(normalised(readFileSync(DOC, 'utf8'))).not.toContain(normalised(drifted));
  });
});
