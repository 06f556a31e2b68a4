import { unreachable, type Command, type Decider } from '#eventsourcing/decider.js';
import type { LocalizedText } from '../shared/localized-text.js';
import { registerStrategicDocument } from './register-document.rules.js';
import type {
  StrategicDocumentEvent,
  StrategicDocumentKind,
  StrategicDocumentState,
} from './strategic-document.js';
import { evolveStrategicDocument, initialStrategicDocumentState } from './strategic-document.js';

export type RegisterStrategicDocument = Command<
  'RegisterStrategicDocument',
  {
    readonly documentId: string;
    readonly title: LocalizedText;
    readonly kind: StrategicDocumentKind;
    /** YYYY-MM-DD: the day it was adopted. */
    readonly adoptedAt: string;
    /** The city or occasion, e.g. Istanbul. */
    readonly adoptedAtPlace?: string;
    readonly source?: {
      readonly kind: string;
      readonly title?: string;
      readonly url?: string;
      readonly date?: string;
    };
  }
>;

export type StrategicDocumentCommand = RegisterStrategicDocument;

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
