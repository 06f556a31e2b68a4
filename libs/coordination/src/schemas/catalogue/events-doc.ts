import { format, resolveConfig } from 'prettier';
import { renderEventCatalogue } from '../event-catalogue.js';

/** docs/events.md as committed: the catalogue formatted as the repository formats Markdown. */
export async function eventsDocument(path: string): Promise<string> {
  const options = (await resolveConfig(path)) ?? {};
  return format(renderEventCatalogue(), { ...options, filepath: path });
}
