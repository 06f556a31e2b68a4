import { unreachable, type Decider } from '#eventsourcing/decider.js';
import { registerStrategicDocument } from './register-document.rules.js';
import type { StrategicDocumentCommand } from './strategic-document.commands.js';
import type { StrategicDocumentEvent, StrategicDocumentState } from './strategic-document.js';
import { evolveStrategicDocument, initialStrategicDocumentState } from './strategic-document.js';

export type { RegisterStrategicDocument, StrategicDocumentCommand } from './strategic-document.commands.js';

export function decideStrategicDocument(
  command: StrategicDocumentCommand,
  state: StrategicDocumentState,
): readonly StrategicDocumentEvent[] {
  switch (command.type) {
    case 'RegisterStrategicDocument':
      return registerStrategicDocument(command, state);
    default:
      return unreachable(command.type);
  }
}

export const strategicDocumentDecider: Decider<
  StrategicDocumentCommand,
  StrategicDocumentEvent,
  StrategicDocumentState
> = {
  initialState: initialStrategicDocumentState,
  evolve: evolveStrategicDocument,
  decide: decideStrategicDocument,
};
