import Database from 'better-sqlite3';
import type { RecordedEvent, Visibility } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';
import { applyEvent, FULL_VIEWER, PUBLIC_VIEWER, setupProvenance, type Viewer } from '#eventsourcing';
import { allProjections } from './index.js';
import { actorHistory, auditTimeline } from './audit/audit.query.js';
import { correlationChain } from './audit/correlation.query.js';
import { calendarFeed, listCalendar } from './calendar/calendar.query.js';
import { findDecision, listDecisions } from './decisions/decisions.query.js';
import { findStateParticipation, listStateParticipation } from './participation/participation.query.js';
import { findPlan, listPlans } from './plan-implementation/plan-implementation.query.js';
import { protocolMatrix } from './protocols/protocol-matrix.query.js';
import { findProtocol, listProtocols } from './protocols/protocols.query.js';
import { findDocument, listDocuments } from './strategic-documents/strategic-documents.query.js';

/**
 * One small world: a public plan with a public forum led by TR and an internal internship led by
 * UZ; a public meeting hosted by TR and an internal one hosted by UZ (UZ and KZ accredited) with an
 * internal decision that organises an internal exchange led by UZ and cites a public document; a
 * public protocol TR-AZ and an internal one UZ-KZ, both signed.
 */
type Given = [stream: string, type: string, data: Record<string, unknown>, visibility: Visibility];
const meeting = (meetingId: string, hostState: string, city: string): Record<string, unknown> => ({
  meetingId,
  seriesId: 'diaspora-ministerial',
  number: hostState === 'UZ' ? 7 : 6,
  title: { en: `Meeting in ${city}` },
  hostState,
  hostInstitutionId: null,
  city,
  date: '2025-03-01',
});
const planned = (activityId: string, leadState: string) => ({
  planId: 'plan-2025',
  activityId,
  kind: 'forum',
  title: { en: activityId },
  leadState,
  leadInstitutionId: null,
  participatingStates: [leadState],
  plannedStart: '2025-05-01',
  plannedEnd: '2025-05-03',
});
const protocol = (protocolId: string, a: string, b: string): Given[] => {
  const visibility = a === 'UZ' ? 'internal' : 'public';
  const party = (state: string) => ({ institutionId: `${state.toLowerCase()}-institution`, state });
  const signature = (state: string): Given => [
    `protocol-${protocolId}`,
    'ProtocolSignatureRecorded',
    {
      protocolId,
      ...party(state),
      institutionName: { en: `${state} institution` },
      signatory: { name: `Head of ${state}`, title: null },
      signedOn: '2025-03-01',
      place: 'Tashkent',
    },
    visibility,
  ];
  return [
    [
      `protocol-${protocolId}`,
      'ProtocolDrafted',
      { protocolId, title: { en: protocolId }, parties: [party(a), party(b)], margins: null },
      visibility,
    ],
    signature(a),
    signature(b),
    [
      `protocol-${protocolId}`,
      'ProtocolSigned',
      { protocolId, signedOn: '2025-03-01', parties: [party(a).institutionId, party(b).institutionId] },
      visibility,
    ],
  ];
};

const WORLD: Given[] = [
  [
    'state-UZ',
    'StateRegistered',
    { code: 'UZ', name: { en: 'Uzbekistan' }, membership: 'member', since: '2019-10-15' },
    'public',
  ],
  [
    'state-TR',
    'StateRegistered',
    { code: 'TR', name: { en: 'Türkiye' }, membership: 'member', since: '2009-10-03' },
    'public',
  ],
  [
    'strategicdocument-vision',
    'StrategicDocumentRegistered',
    {
      documentId: 'vision-2040',
      title: { en: 'Vision 2040' },
      kind: 'vision',
      adoptedAt: '2021-11-12',
      adoptedAtPlace: 'Istanbul',
      source: null,
    },
    'public',
  ],
  [
    'plan-plan-2025',
    'PlanDrafted',
    { planId: 'plan-2025', seriesId: 'diaspora-ministerial', year: 2025, title: { en: 'Plan 2025' } },
    'public',
  ],
  ['plan-plan-2025', 'ActivityAddedToPlan', planned('public-forum', 'TR'), 'public'],
  ['plan-plan-2025', 'ActivityAddedToPlan', planned('uz-internship', 'UZ'), 'internal'],
  ['meeting-tr-meeting', 'MeetingScheduled', meeting('tr-meeting', 'TR', 'Istanbul'), 'public'],
  ['meeting-uz-meeting', 'MeetingScheduled', meeting('uz-meeting', 'UZ', 'Tashkent'), 'internal'],
  [
    'meeting-uz-meeting',
    'DelegationAccredited',
    {
      meetingId: 'uz-meeting',
      state: 'UZ',
      membership: 'member',
      headOfDelegation: 'Head of UZ',
      level: 'minister',
    },
    'internal',
  ],
  [
    'meeting-uz-meeting',
    'DelegationAccredited',
    {
      meetingId: 'uz-meeting',
      state: 'KZ',
      membership: 'member',
      headOfDelegation: 'Head of KZ',
      level: 'minister',
    },
    'internal',
  ],
  [
    'meeting-uz-meeting',
    'DecisionRecorded',
    {
      meetingId: 'uz-meeting',
      decisionId: 'uz-decision',
      kind: 'agreed-to-organise',
      text: { en: 'UZ decision' },
      subject: { planId: null },
      adoptingStates: ['UZ', 'KZ'],
      agendaItemId: null,
      documents: [],
      citesStrategicDocuments: ['vision-2040'],
    },
    'internal',
  ],
  [
    'activity-uz-exchange',
    'ActivityScheduled',
    {
      activityId: 'uz-exchange',
      kind: 'exchange-programme',
      title: { en: 'UZ exchange' },
      planId: null,
      planActivityId: null,
      meetingId: 'uz-meeting',
      decisionId: 'uz-decision',
      leadState: 'UZ',
      leadInstitutionId: null,
      participatingStates: ['UZ'],
      plannedStart: '2025-06-01',
      plannedEnd: '2025-06-05',
      city: 'Samarkand',
      hostState: 'UZ',
    },
    'internal',
  ],
  ...protocol('tr-az', 'TR', 'AZ'),
  ...protocol('uz-kz', 'UZ', 'KZ'),
];

function world(): Database.Database {
  const db = new Database(':memory:');
  setupProvenance(db);
  for (const projection of allProjections) projection.setup(db);
  WORLD.forEach(([stream, type, data, visibility], index) => {
    const event: RecordedEvent = {
      ...newEvent(type, data, {
        metadata: { visibility, correlationId: 'world', occurredAt: '2025-01-01T00:00:00.000Z' },
      }),
      stream,
      revision: 0,
      position: index + 1,
    };
    for (const projection of allProjections) {
      if (!projection.eventTypes || projection.eventTypes.includes(type)) applyEvent(db, projection, event);
    }
  });
  return db;
}

const UZ: Viewer = { all: false, state: 'UZ' };
const KZ: Viewer = { all: false, state: 'KZ' };
const TR: Viewer = { all: false, state: 'TR' };
const page = { limit: 50, offset: 0 };

describe('read models by who is looking', () => {
  const db = world();

  it('given a public plan with an internal activity, then only those who may see it get it, and the roll-ups count what they get', () => {
    const activities = (viewer: Viewer) =>
      findPlan(db, 'plan-2025', '2025-01-01', viewer)?.activities.map((a) => a.id);
    expect(activities(PUBLIC_VIEWER)).toEqual(['public-forum']);
    expect(activities(TR)).toEqual(['public-forum']);
    expect(activities(UZ)).toEqual(['public-forum', 'uz-internship']);
    expect(activities(FULL_VIEWER)).toEqual(['public-forum', 'uz-internship']);
    expect(findPlan(db, 'plan-2025', '2025-01-01', PUBLIC_VIEWER)?.summary).toMatchObject({
      activities: 1,
      byState: [{ key: 'TR', activities: 1 }],
    });
    expect(findPlan(db, 'plan-2025', '2025-01-01', UZ)?.summary.activities).toBe(2);
    expect(listPlans(db, page, PUBLIC_VIEWER).total).toBe(1);
  });

  it('given an internal meeting and activity of UZ, then the calendar and its feed show them to UZ and the Secretariat only', () => {
    const ids = (viewer: Viewer) =>
      listCalendar(db, { ...page, sort: 'start' }, viewer).items.map((e) => e.id);
    expect(ids(PUBLIC_VIEWER)).toEqual(['tr-meeting']);
    expect(ids(TR)).toEqual(['tr-meeting']);
    expect(ids(UZ)).toEqual(['tr-meeting', 'uz-meeting', 'uz-exchange']);
    expect(ids(FULL_VIEWER)).toEqual(ids(UZ));
    expect(listCalendar(db, { ...page, sort: 'start' }, PUBLIC_VIEWER).total).toBe(1);
    expect(calendarFeed(db, {}, TR).map((e) => e.id)).toEqual(['tr-meeting']);
  });

  it('given an internal protocol UZ-KZ, then lists, the protocol itself and the matrix leave it out for the others', () => {
    const ids = (viewer: Viewer) =>
      listProtocols(db, { ...page, sort: 'title' }, viewer).items.map((p) => p.id);
    expect(ids(PUBLIC_VIEWER)).toEqual(['tr-az']);
    expect(ids(TR)).toEqual(['tr-az']);
    expect(ids(KZ)).toEqual(['tr-az', 'uz-kz']);
    expect(findProtocol(db, 'uz-kz', TR)).toBeNull();
    expect(findProtocol(db, 'uz-kz', UZ)?.id).toBe('uz-kz');
    expect(protocolMatrix(db, 'signed', PUBLIC_VIEWER)).toEqual({
      states: ['AZ', 'TR'],
      cells: [{ a: 'AZ', b: 'TR', count: 1, protocols: ['tr-az'] }],
      totals: [
        { state: 'AZ', count: 1, protocols: ['tr-az'] },
        { state: 'TR', count: 1, protocols: ['tr-az'] },
      ],
    });
    expect(protocolMatrix(db, 'signed', FULL_VIEWER).states).toEqual(['AZ', 'KZ', 'TR', 'UZ']);
  });

  it('given an internal decision, then the register, the document citing counts and the decision itself follow the viewer', () => {
    expect(listDecisions(db, page, PUBLIC_VIEWER).total).toBe(0);
    expect(listDecisions(db, page, TR).total).toBe(0);
    expect(listDecisions(db, page, KZ).total).toBe(1);
    expect(findDecision(db, 'uz-meeting', 'uz-decision', TR)).toBeNull();
    expect(findDecision(db, 'uz-meeting', 'uz-decision', UZ)?.produced.activities).toEqual([
      expect.objectContaining({ activityId: 'uz-exchange' }),
    ]);
    expect(listDocuments(db, page, PUBLIC_VIEWER).items[0].citedBy).toEqual({ decisions: 0, briefings: 0 });
    expect(listDocuments(db, page, UZ).items[0].citedBy).toEqual({ decisions: 1, briefings: 0 });
    expect(findDocument(db, 'vision-2040', PUBLIC_VIEWER)?.decisions).toEqual([]);
    expect(findDocument(db, 'vision-2040', FULL_VIEWER)?.decisions).toHaveLength(1);
  });

  it("given internal participation of UZ, then a state's totals and lists count only what the viewer may see", () => {
    expect(findStateParticipation(db, 'UZ', PUBLIC_VIEWER)).toMatchObject({
      totals: {
        meetingsHosted: 0,
        meetingsAttended: 0,
        activitiesLed: 0,
        protocolsSigned: 0,
        decisionsAdopted: 0,
      },
      meetingsHosted: [],
      activitiesLed: [],
    });
    expect(findStateParticipation(db, 'UZ', UZ)).toMatchObject({
      totals: {
        meetingsHosted: 1,
        meetingsAttended: 1,
        activitiesLed: 1,
        protocolsSigned: 1,
        decisionsAdopted: 1,
      },
    });
    const totals = (viewer: Viewer) =>
      listStateParticipation(db, page, viewer).items.find((s) => s.code === 'TR')?.totals.protocolsSigned;
    expect(totals(PUBLIC_VIEWER)).toBe(1);
  });

  it('given internal events, then the audit timeline, an actor history and a correlation chain leave them out', () => {
    const internal = WORLD.filter(([, , , v]) => v === 'internal').length;
    expect(auditTimeline(db, page, FULL_VIEWER).total).toBe(WORLD.length);
    expect(auditTimeline(db, page, PUBLIC_VIEWER).total).toBe(WORLD.length - internal);
    expect(actorHistory(db, 'officer-1', page, PUBLIC_VIEWER)?.summary.events).toBe(WORLD.length - internal);
    expect(actorHistory(db, 'officer-1', page, FULL_VIEWER)?.summary.events).toBe(WORLD.length);
    expect(correlationChain(db, 'world', page, PUBLIC_VIEWER)?.total).toBe(WORLD.length - internal);
    // UZ: every public event and the internal ones that name UZ; not KZ's accreditation and
    // signature, nor the signing of UZ-KZ, which names no state.
    const uz = correlationChain(db, 'world', page, UZ)!;
    expect(uz.total).toBe(WORLD.length - 3);
    expect(uz.items.map((l) => l.type)).toContain('DecisionRecorded');
  });
});
