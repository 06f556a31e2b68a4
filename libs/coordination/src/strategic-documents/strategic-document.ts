import { Type } from 'typebox';
import { unreachable, type DomainEvent } from '#eventsourcing/decider.js';
import { id, nullable, oneOf, record, text, type Payload } from '../schemas/schema-kit.js';
import { IsoDateSchema } from '../shared/iso-date.js';
import { LocalizedTextSchema } from '../shared/localized-text.js';

export const strategicDocumentStream = (documentId: string): string => `document-${documentId}`;

export const StrategicDocumentKindSchema = oneOf(['vision', 'strategy', 'declaration', 'other']);

export type StrategicDocumentKind = Type.Static<typeof StrategicDocumentKindSchema>;

export const STRATEGIC_DOCUMENT_KINDS: readonly StrategicDocumentKind[] = StrategicDocumentKindSchema.enum;

export const StrategicDocumentSourceSchema = record(
  {
    kind: text('minutes, press-release, official-site, ...'),
    title: nullable(Type.String()),
    url: nullable(Type.String()),
    date: nullable(Type.String()),
  },
  { description: "Where the document's text is told: minutes, a press release, the official site" },
);

/** Where the document's text is told: minutes, a press release, the official site. */
export type StrategicDocumentSource = Payload<typeof StrategicDocumentSourceSchema>;

export const StrategicDocumentRegisteredData = record(
  {
    documentId: id(),
    title: LocalizedTextSchema,
    kind: StrategicDocumentKindSchema,
    adoptedAt: IsoDateSchema,
    adoptedAtPlace: nullable(text()),
    source: nullable(StrategicDocumentSourceSchema),
  },
  {
    description:
      'A strategic document (Turkic World Vision-2040, OTS Strategy 2022-2026, a summit declaration) ' +
      'is registered; it is immutable once registered',
  },
);

export type StrategicDocumentRegistered = DomainEvent<
  'StrategicDocumentRegistered',
  Payload<typeof StrategicDocumentRegisteredData>
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
