import type { Command, CommandMetadata } from '#eventsourcing/decider.js';

export const officer: CommandMetadata['actor'] = { id: 'officer-1', role: 'secretariat', state: null };

/** Default metadata for specs: recorded on the day of the Tashkent meeting. */
export const metadata = (overrides: Partial<CommandMetadata> = {}): CommandMetadata => ({
  actor: officer,
  occurredAt: '2024-11-18T10:00:00Z',
  recordedAt: '2024-11-18T12:00:00Z',
  ...overrides,
});

/**
 * A command builder for one stream's command union:
 * `const meetingCommand = commandsOf<MeetingCommand>(); meetingCommand('ConveneMeeting', {...})`.
 */
export function commandsOf<C extends Command>() {
  return <T extends C['type']>(
    type: T,
    data: Extract<C, { type: T }>['data'],
    overrides: Partial<CommandMetadata> = {},
  ): Extract<C, { type: T }> => ({ type, data, metadata: metadata(overrides) }) as Extract<C, { type: T }>;
}
