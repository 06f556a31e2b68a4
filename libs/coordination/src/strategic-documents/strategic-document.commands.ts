import type { Command } from '#eventsourcing/decider.js';
import type { LocalizedText } from '../shared/localized-text.js';
import type { StrategicDocumentKind } from './strategic-document.js';

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
