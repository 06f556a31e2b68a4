import type { Role } from '../identity/actor.js';
import type { Right } from './rights.js';
import { COMMAND_RIGHTS, ROUTE_RIGHTS, UNKNOWN_COMMAND_RIGHT } from './rights-table.js';

const COLUMNS: readonly Role[] = ['secretariat', 'focal-point', 'auditor', 'service', 'anonymous'];

function cell(right: Right, role: Role): string {
  if (!right.allow.includes(role)) return '—';
  if (role === 'focal-point' && right.focalPointScope) return `✓ ${right.focalPointScope.description}`;
  return '✓';
}

function table(header: string, rows: readonly [string, Right][]): string {
  const lines = [
    `| ${header} | ${COLUMNS.join(' | ')} |`,
    `| --- | ${COLUMNS.map(() => ':-:').join(' | ')} |`,
    ...rows.map(([name, right]) => `| ${name} | ${COLUMNS.map((role) => cell(right, role)).join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** The rights of every command, as docs/security.md shows it (generated from `COMMAND_RIGHTS`). */
export function commandRightsMarkdown(): string {
  return table('command (`POST /api/commands/…`)', [
    ...Object.entries(COMMAND_RIGHTS).map(([type, right]) => [`\`${type}\``, right] as [string, Right]),
    ['any other (unknown) type: 404', UNKNOWN_COMMAND_RIGHT],
  ]);
}

/** The rights of every other route, as docs/security.md shows it (generated from `ROUTE_RIGHTS`). */
export function routeRightsMarkdown(): string {
  return table(
    'route',
    Object.entries(ROUTE_RIGHTS).map(([route, right]) => [`\`${route.replace(/\|/g, '\\|')}\``, right]),
  );
}
