import type Database from 'better-sqlite3';
import { given as givenTo, provenance, type GivenEvent } from '../decisions/testing/given.js';
import { strategicDocumentsProjection as projection } from './strategic-documents.projection.js';
import { findDocument, listDocuments } from './strategic-documents.query.js';

const MEETING = 'diaspora-ministerial-6';
const VISION = 'turkic-world-vision-2040';
const STRATEGY = 'ots-strategy-2022-2026';
const given = (events: readonly GivenEvent[]) => givenTo(projection, events);

const registered = (
  documentId: string,
  kind: string,
  adoptedAt: string,
  place: string | null,
): GivenEvent => [
  'StrategicDocumentRegistered',
  {
    documentId,
    title: { en: documentId },
    kind,
    adoptedAt,
    adoptedAtPlace: place,
    source: place ? { kind: 'summit-declaration', title: null, url: null, date: adoptedAt } : null,
  },
];
const scheduled = (meetingId: string, number: number, date: string, city: string): GivenEvent => [
  'MeetingScheduled',
  { meetingId, seriesId: 's', number, title: { en: `Meeting ${number}` }, hostState: 'UZ', city, date },
];
const decision = (decisionId: string, cites?: string[], meetingId = MEETING): GivenEvent => [
  'DecisionRecorded',
  {
    meetingId,
    decisionId,
    kind: 'noted',
    text: { en: decisionId },
    adoptingStates: [],
    ...(cites ? { citesStrategicDocuments: cites } : {}),
  },
];
const briefing: GivenEvent = [
  'BriefingDelivered',
  {
    meetingId: MEETING,
    briefingId: 'secretariat-briefing',
    by: { institutionId: 'ots-secretariat', role: { en: 'Deputy Secretary General' } },
    topic: { en: 'Vision-2040 and the Strategy' },
    citesStrategicDocuments: [VISION, STRATEGY],
  },
];
const corrected = (
  kind: string,
  id: string,
  field: string,
  originalValue: unknown,
  correctedValue: unknown,
) =>
  [
    'RecordCorrected',
    {
      meetingId: MEETING,
      correctionId: `c-${field}`,
      target: { kind, id },
      field,
      originalValue,
      correctedValue,
      reason: { en: 'The minutes' },
    },
  ] as GivenEvent;

const tashkent: GivenEvent[] = [
  registered(VISION, 'vision', '2021-11-12', 'Istanbul'),
  registered(STRATEGY, 'strategy', '2022-11-11', null),
  scheduled(MEETING, 6, '2024-11-18', 'Tashkent'),
  scheduled('diaspora-ministerial-5', 5, '2023-11-22', 'Bishkek'),
  briefing,
  decision('organise-joint-events', [VISION]),
  decision('noted-strategic-documents', [VISION, STRATEGY]),
  decision('older', [VISION], 'diaspora-ministerial-5'),
];

const citations = (db: Database.Database) =>
  db.prepare('SELECT * FROM rm_document_citation ORDER BY 1, 2, 3, 4').all();

describe('strategic-documents projection', () => {
  it('is version 2 and reads registrations, meetings, decisions, briefings and corrections', () => {
    expect(projection).toMatchObject({ name: 'strategic-documents', version: 2 });
    expect(projection.eventTypes).toHaveLength(5);
  });

  it('registers each document with its kind, adoption and source', () => {
    const db = given(tashkent.slice(0, 2));
    expect(db.prepare('SELECT * FROM rm_document WHERE document_id = ?').get(VISION)).toMatchObject({
      title: JSON.stringify({ en: VISION }),
      kind: 'vision',
      adopted_at: '2021-11-12',
      adopted_at_place: 'Istanbul',
      source: '{"kind":"summit-declaration","title":null,"url":null,"date":"2021-11-12"}',
      visibility: 'public',
      position: 1,
    });
  });

  it('links every decision and briefing to the documents it cites, with its meeting', () => {
    const db = given(tashkent);
    expect(citations(db)).toHaveLength(6);
    expect(findDocument(db, VISION)).toMatchObject({
      id: VISION,
      kind: 'vision',
      citedBy: { decisions: 3, briefings: 1 },
      decisions: [
        {
          meetingId: 'diaspora-ministerial-5',
          decisionId: 'older',
          meeting: { number: 5, date: '2023-11-22' },
        },
        { decisionId: 'organise-joint-events', kind: 'noted', meeting: { number: 6, city: 'Tashkent' } },
        { decisionId: 'noted-strategic-documents', text: { en: 'noted-strategic-documents' } },
      ],
      briefings: [
        {
          meetingId: MEETING,
          briefingId: 'secretariat-briefing',
          topic: { en: 'Vision-2040 and the Strategy' },
          meeting: {
            id: MEETING,
            number: 6,
            title: { en: 'Meeting 6' },
            date: '2024-11-18',
            city: 'Tashkent',
          },
          visibility: 'public',
        },
      ],
      position: 8,
    });
  });

  it('takes a decision recorded before it could cite documents as citing none', () => {
    const db = given([...tashkent, decision('plain')]);
    expect(db.prepare("SELECT cites FROM rm_document_citer WHERE citer_id = 'plain'").get()).toEqual({
      cites: '[]',
    });
    expect(findDocument(db, VISION)?.citedBy.decisions).toBe(3);
  });

  it('follows corrections of what a decision or briefing cites, and of its text or topic', () => {
    const db = given([
      ...tashkent,
      corrected('decision', 'organise-joint-events', 'citesStrategicDocuments', [VISION], [STRATEGY]),
      corrected('briefing', 'secretariat-briefing', 'topic', briefing[1].topic, {
        en: 'The strategic documents',
      }),
      corrected('decision', 'noted-strategic-documents', 'text', {}, { en: 'Noted, as corrected' }),
      corrected('bilateral', 'kz-uz', 'topic', null, { en: 'x' }),
    ]);
    const vision = findDocument(db, VISION);
    expect(vision?.decisions.map((d) => d.decisionId)).toEqual(['older', 'noted-strategic-documents']);
    expect(vision?.decisions[1].text).toEqual({ en: 'Noted, as corrected' });
    expect(vision?.briefings[0].topic).toEqual({ en: 'The strategic documents' });
    expect(findDocument(db, STRATEGY)?.citedBy).toEqual({ decisions: 2, briefings: 1 });
  });

  it('names the document rows each event touched, including those a correction stopped citing', () => {
    const db = given([
      ...tashkent,
      corrected('decision', 'organise-joint-events', 'citesStrategicDocuments', [VISION], [STRATEGY]),
      corrected('briefing', 'secretariat-briefing', 'topic', {}, { en: 'x' }),
    ]);
    expect(provenance(db, projection, `document/${VISION}`)).toEqual([1, 5, 6, 7, 8, 9, 10]);
    expect(provenance(db, projection, `document/${STRATEGY}`)).toEqual([2, 5, 7, 9, 10]);
  });

  it('lists the documents, oldest first, filtered by kind and paged', () => {
    const db = given([
      ...tashkent,
      registered('bishkek-summit-declaration-2024', 'declaration', '2024-11-06', 'Bishkek'),
    ]);
    expect(listDocuments(db, { limit: 50, offset: 0 })).toMatchObject({
      total: 3,
      items: [
        { id: VISION, citedBy: { decisions: 3, briefings: 1 } },
        { id: STRATEGY, adoptedAtPlace: null, source: null, citedBy: { decisions: 1, briefings: 1 } },
        { id: 'bishkek-summit-declaration-2024', citedBy: { decisions: 0, briefings: 0 } },
      ],
    });
    expect(listDocuments(db, { kind: 'declaration', limit: 50, offset: 0 }).total).toBe(1);
    expect(listDocuments(db, { limit: 1, offset: 1 })).toMatchObject({
      total: 3,
      limit: 1,
      offset: 1,
      items: [{ id: STRATEGY }],
    });
  });

  it('finds nothing for a document not registered, even when cited', () => {
    const db = given([decision('cites-unknown', ['unknown-document'])]);
    expect(findDocument(db, 'unknown-document')).toBeNull();
    expect(listDocuments(db, { limit: 50, offset: 0 }).total).toBe(0);
  });
});
