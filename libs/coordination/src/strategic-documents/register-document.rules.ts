import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertIsoDate, compareIsoDates, isIsoDate } from '../shared/iso-date.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import { assertOneOf, assertOptionalText, assertText } from '../shared/required.js';
import type { RegisterStrategicDocument } from './strategic-document.commands.js';
import type {
  StrategicDocumentSource,
  StrategicDocumentRegistered,
  StrategicDocumentState,
} from './strategic-document.js';
import { STRATEGIC_DOCUMENT_KINDS } from './strategic-document.js';

/** Registered once and never changed: a second registration is refused, even an identical one. */
export function registerStrategicDocument(
  command: RegisterStrategicDocument,
  state: StrategicDocumentState,
): [StrategicDocumentRegistered] {
  const data = command.data;
  if (state.status === 'registered') {
    throw new StateConflict(
      'document.already-registered',
      `document ${data.documentId} is already registered; a strategic document is immutable`,
      'documentId',
    );
  }
  assertText(data.documentId, 'document.id-required', 'documentId');
  assertLocalizedText(data.title, 'title');
  assertOneOf(data.kind, STRATEGIC_DOCUMENT_KINDS, 'document.kind-unknown', 'kind');
  assertIsoDate(data.adoptedAt, 'adoptedAt');
  assertNotAdoptedLater(data.adoptedAt, command.metadata.recordedAt);
  assertOptionalText(data.adoptedAtPlace, 'document.place-blank', 'adoptedAtPlace');
  return [
    {
      type: 'StrategicDocumentRegistered',
      data: {
        documentId: data.documentId,
        title: data.title,
        kind: data.kind,
        adoptedAt: data.adoptedAt,
        adoptedAtPlace: data.adoptedAtPlace ?? null,
        source: documentSource(data.source),
      },
    },
  ];
}

/** Only adopted documents are registered. A day of slack, as the recording clock is in UTC. */
function assertNotAdoptedLater(adoptedAt: string, recordedAt: string): void {
  const recordedOn = recordedAt.slice(0, 10);
  if (!isIsoDate(recordedOn)) return;
  const latest = new Date(`${recordedOn}T00:00:00Z`);
  latest.setUTCDate(latest.getUTCDate() + 1);
  if (compareIsoDates(adoptedAt, latest.toISOString().slice(0, 10)) > 0) {
    throw new RuleViolation(
      'document.adopted-in-future',
      `a document adopted on ${adoptedAt} cannot be registered on ${recordedOn}: register it once adopted`,
      'adoptedAt',
    );
  }
}

function documentSource(source: RegisterStrategicDocument['data']['source']): StrategicDocumentSource | null {
  if (source === undefined || source === null) return null;
  assertText(source.kind, 'document.source-kind-required', 'source.kind');
  for (const field of ['title', 'url', 'date'] as const) {
    assertOptionalText(source[field], 'document.source-blank', `source.${field}`);
  }
  return {
    kind: source.kind,
    title: source.title ?? null,
    url: source.url ?? null,
    date: source.date ?? null,
  };
}
