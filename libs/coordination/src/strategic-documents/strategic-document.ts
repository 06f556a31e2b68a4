import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import type { IsoDate } from '../shared/iso-date.js';
import type { LocalizedText } from '../shared/localized-text.js';

export const strategicDocumentStream = (documentId: string): string => `document-${documentId}`;

export type StrategicDocumentKind = 'vision' | 'strategy' | 'declaration' | 'other';

export const STRATEGIC_DOCUMENT_KINDS: readonly StrategicDocumentKind[] = [
  'vision',
  'strategy',
  'declaration',
  'other',
];

/** Where the document's text is told: minutes, a press release, the official site. */
export interface StrategicDocumentSource {
  readonly kind: string;
  readonly title: string | null;
  readonly url: string | null;
  readonly date: string | null;
}

export type StrategicDocumentRegistered = DomainEvent<
  'StrategicDocumentRegistered',
  {
    readonly documentId: string;
    readonly title: LocalizedText;
    readonly kind: StrategicDocumentKind;
    readonly adoptedAt: IsoDate;
    readonly adoptedAtPlace: string | null;
    readonly source: StrategicDocumentSource | null;
  }
>;

export type StrategicDocumentEvent = StrategicDocumentRegistered;

export type RegisteredStrategicDocument = {
  readonly status: 'registered';
} & StrategicDocumentRegistered['data'];

/** A strategic document is immutable: registered once, never changed. */
export type StrategicDocumentState = { readonly status: 'unregistered' } | RegisteredStrategicDocument;

export const initialStrategicDocumentState = (): StrategicDocumentState => ({ status: 'unregistered' });

export function evolveStrategicDocument(
  state: StrategicDocumentState,
  event: StrategicDocumentEvent,
): StrategicDocumentState {
  switch (event.type) {
    case 'StrategicDocumentRegistered':
      return state.status === 'registered' ? state : { status: 'registered', ...event.data };
    default:
      return unreachable(event.type);
  }
}
