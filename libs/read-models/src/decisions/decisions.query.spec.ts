import { decisionsProjection as projection } from './decisions.projection.js';
import { findDecision, listDecisions, type DecisionListFilter } from './decisions.query.js';
import { given, type GivenEvent } from './testing/given.js';
import { adoptPlan, documents, MEETING, meeting, MEMBERS, organise } from './testing/tashkent.js';

const earlier = (number: number, date: string, decisionId: string): GivenEvent[] => [
  [
    'MeetingScheduled',
    {
      meetingId: `diaspora-ministerial-${number}`,
      seriesId: 'diaspora-ministerial',
      number,
      title: { en: `Meeting ${number}` },
      hostState: 'AZ',
      hostInstitutionId: null,
      city: 'Baku',
      date,
    },
  ],
  [
    'DecisionRecorded',
    {
      meetingId: `diaspora-ministerial-${number}`,
      decisionId,
      kind: 'adopted',
      text: { en: decisionId },
      subject: { planId: null },
      adoptingStates: MEMBERS,
    },
  ],
];

const noted: GivenEvent = [
  'DecisionRecorded',
  {
    meetingId: MEETING,
    decisionId: 'noted-strategic-documents',
    kind: 'noted',
    text: { en: 'The parties took note of the briefing' },
    subject: { planId: null },
    adoptingStates: [],
    agendaItemId: null,
    documents: [],
    citesStrategicDocuments: ['turkic-world-vision-2040', 'ots-strategy-2022-2026'],
    organise: [],
    followUps: [],
  },
];

const db = given(projection, [
  ...documents,
  ...earlier(5, '2023-11-22', 'adopt-plan-2024'),
  ...earlier(4, '2022-12-15', 'adopt-plan-2023'),
  ...meeting,
  adoptPlan,
  organise,
  noted,
]);

const ids = (filter: Partial<DecisionListFilter>) =>
  listDecisions(db, { limit: 50, offset: 0, ...filter }).items.map((d) => d.decisionId);

describe('decision register queries', () => {
  it('lists the newest meeting first by default, its decisions in the order recorded', () => {
    expect(ids({})).toEqual([
      'adopt-plan-2025',
      'organise-joint-events',
      'noted-strategic-documents',
      'adopt-plan-2024',
      'adopt-plan-2023',
    ]);
  });

  it('sorts by the meeting date, oldest first, with sort=date', () => {
    expect(ids({ sort: 'date' })).toEqual([
      'adopt-plan-2023',
      'adopt-plan-2024',
      'adopt-plan-2025',
      'organise-joint-events',
      'noted-strategic-documents',
    ]);
    expect(ids({ sort: '-date' })[0]).toBe('adopt-plan-2025');
  });

  it('filters by meeting, kind, adopting state and document', () => {
    expect(ids({ meetingId: MEETING })).toHaveLength(3);
    expect(ids({ kind: 'adopted', sort: 'date' })).toEqual([
      'adopt-plan-2023',
      'adopt-plan-2024',
      'adopt-plan-2025',
    ]);
    expect(ids({ state: 'UZ', meetingId: MEETING })).toEqual(['adopt-plan-2025', 'organise-joint-events']);
    expect(ids({ state: 'TR', meetingId: MEETING })).toEqual(['adopt-plan-2025']);
    expect(ids({ documentId: 'turkic-world-vision-2040' })).toEqual([
      'organise-joint-events',
      'noted-strategic-documents',
    ]);
    expect(ids({ documentId: 'plan-2025-text' })).toEqual(['adopt-plan-2025']);
    expect(ids({ kind: 'noted', state: 'AZ' })).toEqual([]);
  });

  it('pages, with the total of all that match', () => {
    const page = listDecisions(db, { limit: 2, offset: 2, sort: 'date' });
    expect(page).toMatchObject({ total: 5, limit: 2, offset: 2 });
    expect(page.items.map((d) => d.decisionId)).toEqual(['adopt-plan-2025', 'organise-joint-events']);
    expect(listDecisions(db, { limit: 2, offset: 10, kind: 'noted' })).toEqual({
      items: [],
      total: 1,
      limit: 2,
      offset: 10,
    });
  });

  it('lists each decision with its meeting and agenda item, and no produced or timeline', () => {
    const [first] = listDecisions(db, { limit: 1, offset: 0 }).items;
    expect(first).toMatchObject({
      meetingId: MEETING,
      decisionId: 'adopt-plan-2025',
      meeting: {
        number: 6,
        title: { en: '6th Meeting on Diaspora Affairs' },
        date: '2024-11-18',
        city: 'Tashkent',
      },
      agendaItem: { id: 'plan-2025', title: { en: 'Joint Activity Plan 2025' } },
      kind: 'adopted',
      documents: [{ documentId: 'plan-2025-text', title: { en: 'Plan 2025' }, url: null }],
      visibility: 'public',
    });
    expect(first).not.toHaveProperty('produced');
    expect(first).not.toHaveProperty('timeline');
  });

  it('finds nothing for a decision it does not know', () => {
    expect(findDecision(db, MEETING, 'no-such-decision')).toBeNull();
    expect(findDecision(db, 'no-such-meeting', 'adopt-plan-2025')).toBeNull();
  });
});
