import type Database from 'better-sqlite3';
import { decisionsProjection as projection } from './decisions.projection.js';
import { findDecision } from './decisions.query.js';
import { given as givenTo, provenance, type GivenEvent } from './testing/given.js';
import {
  adoptPlan,
  documents,
  MEETING,
  meeting,
  organise,
  planAdopted,
  report,
  round7,
} from './testing/tashkent.js';

const given = (events: readonly GivenEvent[]) => givenTo(projection, events);
const organiseRef = { meetingId: MEETING, decisionId: 'organise-joint-events' };
const row = (db: Database.Database, sql: string, ...params: unknown[]) => db.prepare(sql).get(...params);
const all = (db: Database.Database, sql: string) => db.prepare(sql).all();
const correction = (
  target: object,
  field: string,
  originalValue: unknown,
  correctedValue: unknown,
): GivenEvent => [
  'RecordCorrected',
  {
    meetingId: MEETING,
    correctionId: `correct-${field}`,
    target,
    field,
    originalValue,
    correctedValue,
    reason: { en: 'The minutes say otherwise' },
  },
  '2024-12-02T00:00:00.000Z',
];
const ofOrganise = (field: string, originalValue: unknown, correctedValue: unknown) =>
  correction({ kind: 'decision', id: 'organise-joint-events' }, field, originalValue, correctedValue);

describe('decisions projection', () => {
  it('is version 2 and reads the record, the documents and what decisions produce', () => {
    expect(projection).toMatchObject({ name: 'decisions', version: 2 });
    expect(projection.eventTypes).toEqual(
      expect.arrayContaining(['DecisionRecorded', 'RecordCorrected', 'PlanAdopted', 'ActivityCancelled']),
    );
  });

  it('keeps the meeting, its agenda and the strategic documents, for the decisions to name', () => {
    const db = given([...documents, ...meeting]);
    expect(row(db, 'SELECT * FROM rm_decision_meeting')).toEqual({
      meeting_id: MEETING,
      series_id: 'diaspora-ministerial',
      number: 6,
      title: '{"en":"6th Meeting on Diaspora Affairs"}',
      date: '2024-11-18',
      city: 'Tashkent',
      host_state: 'UZ',
      host_institution_id: 'uz-interethnic-committee',
    });
    expect(all(db, 'SELECT item_id FROM rm_decision_agenda_item ORDER BY 1')).toEqual([
      { item_id: 'joint-events' },
      { item_id: 'plan-2025' },
    ]);
    expect(all(db, 'SELECT document_id FROM rm_decision_strategic_document ORDER BY 1')).toHaveLength(2);
  });

  it('records a decision with its meeting, agenda item, documents and the strategic documents it cites', () => {
    const db = given([...documents, ...meeting, organise]);
    expect(row(db, 'SELECT * FROM rm_decision')).toMatchObject({
      meeting_id: MEETING,
      decision_id: 'organise-joint-events',
      kind: 'agreed-to-organise',
      adopting_states: '["AZ","KZ","UZ"]',
      agenda_item_id: 'joint-events',
      cites: '["turkic-world-vision-2040"]',
      corrections: '[]',
      visibility: 'public',
      occurred_at: '2024-11-18T00:00:00.000Z',
      recorded_position: 6,
      last_position: 6,
    });
    expect(findDecision(db, MEETING, 'organise-joint-events')).toMatchObject({
      meeting: {
        id: MEETING,
        number: 6,
        date: '2024-11-18',
        city: 'Tashkent',
        host: { state: 'UZ', institutionId: 'uz-interethnic-committee' },
      },
      agendaItem: { id: 'joint-events', title: { en: 'Joint events' } },
      strategicDocuments: [{ id: 'turkic-world-vision-2040', title: { en: 'Turkic World Vision-2040' } }],
      timeline: [{ position: 6, type: 'DecisionRecorded', stream: `meeting-${MEETING}` }],
      position: 6,
    });
  });

  it('fills in the parts a decision recorded before they existed does not carry', () => {
    const old = { meetingId: 'm-4', decisionId: 'old', kind: 'adopted', text: { en: 'Adopted' } };
    const db = given([['DecisionRecorded', { ...old, adoptingStates: ['AZ'] }]]);
    expect(findDecision(db, 'm-4', 'old')).toMatchObject({
      meeting: null,
      agendaItem: null,
      subject: { planId: null },
      documents: [],
      strategicDocuments: [],
    });
  });

  describe('a correction of the record', () => {
    const corrected = { en: 'The parties agreed to organise the 7th round' };
    const original = organise[1].text;

    it('shows the corrected text and keeps the original, with the reason', () => {
      const db = given([...meeting, organise, ofOrganise('text', original, corrected)]);
      expect(row(db, 'SELECT text, last_position FROM rm_decision')).toEqual({
        text: JSON.stringify(corrected),
        last_position: 5,
      });
      const view = findDecision(db, MEETING, 'organise-joint-events');
      expect(view).toMatchObject({ text: corrected, occurredAt: '2024-11-18T00:00:00.000Z' });
      expect(view?.corrections).toEqual([
        {
          correctionId: 'correct-text',
          field: 'text',
          originalValue: original,
          correctedValue: corrected,
          reason: { en: 'The minutes say otherwise' },
          occurredAt: '2024-12-02T00:00:00.000Z',
          recordedAt: '2026-01-01T00:00:04.000Z',
          position: 5,
        },
      ]);
      expect(view?.timeline.map((t) => t.type)).toEqual(['DecisionRecorded', 'RecordCorrected']);
    });

    it('moves a decision to another agenda item and changes the documents it cites', () => {
      const db = given([
        ...documents,
        ...meeting,
        organise,
        ofOrganise('agendaItemId', 'joint-events', 'plan-2025'),
        ofOrganise('citesStrategicDocuments', ['turkic-world-vision-2040'], ['ots-strategy-2022-2026']),
      ]);
      expect(findDecision(db, MEETING, 'organise-joint-events')).toMatchObject({
        agendaItem: { id: 'plan-2025', title: { en: 'Joint Activity Plan 2025' } },
        strategicDocuments: [{ id: 'ots-strategy-2022-2026', title: { en: 'OTS Strategy 2022-2026' } }],
        corrections: [{ field: 'agendaItemId' }, { field: 'citesStrategicDocuments' }],
      });
    });

    it('retitles the agenda item the decision was taken under, without putting it on its timeline', () => {
      const retitled = { en: 'Joint events of 2025' };
      const db = given([
        ...meeting,
        organise,
        correction({ kind: 'agenda-item', id: 'joint-events' }, 'title', { en: 'Joint events' }, retitled),
      ]);
      const view = findDecision(db, MEETING, 'organise-joint-events');
      expect(view).toMatchObject({ agendaItem: { title: retitled }, corrections: [] });
      expect(view?.timeline).toHaveLength(1);
    });
  });

  describe('what a decision produced', () => {
    it('links the plan whose adoption cites the decision', () => {
      const db = given([...meeting, adoptPlan, ...planAdopted]);
      expect(row(db, 'SELECT * FROM rm_decision_plan')).toEqual({
        plan_id: 'diaspora-2025',
        year: 2025,
        title: '{"en":"Plan 2025"}',
        status: 'adopted',
        adopted_by_meeting: MEETING,
        adopted_by_decision: 'adopt-plan-2025',
        adopted_on: '2024-11-18',
        last_position: 6,
        visibility: 'public',
        states: '[]',
      });
      const view = findDecision(db, MEETING, 'adopt-plan-2025');
      expect(view?.produced).toEqual({
        plan: {
          planId: 'diaspora-2025',
          year: 2025,
          title: { en: 'Plan 2025' },
          status: 'adopted',
          adoptedOn: '2024-11-18',
        },
        amendedPlans: [],
        activities: [],
        followUps: [],
      });
      expect(view?.timeline.map((t) => [t.position, t.type, t.stream])).toEqual([
        [4, 'DecisionRecorded', `meeting-${MEETING}`],
        [6, 'PlanAdopted', 'plan-diaspora-2025'],
      ]);
    });

    it('links the amendments citing it, and puts them and the closing on the adopting decision too', () => {
      const amended: GivenEvent = [
        'PlanAmended',
        {
          planId: 'diaspora-2025',
          amendmentId: 'amendment-1',
          decision: organiseRef,
          amendedOn: '2024-11-18',
          addedActivities: [{ activityId: 'internship-2025' }],
          removedActivityIds: ['youth-2025'],
          newTitle: { en: 'Plan 2025 (amended)' },
        },
      ];
      const closed: GivenEvent = [
        'PlanClosed',
        { planId: 'diaspora-2025', closedOn: '2025-12-31', reason: null },
      ];
      const db = given([...meeting, adoptPlan, organise, ...planAdopted, amended, closed]);
      expect(findDecision(db, MEETING, 'organise-joint-events')?.produced.amendedPlans).toEqual([
        {
          planId: 'diaspora-2025',
          year: 2025,
          title: { en: 'Plan 2025 (amended)' },
          amendmentId: 'amendment-1',
          amendedOn: '2024-11-18',
          addedActivityIds: ['internship-2025'],
          removedActivityIds: ['youth-2025'],
        },
      ]);
      const adopting = findDecision(db, MEETING, 'adopt-plan-2025');
      expect(adopting?.produced.plan).toMatchObject({
        status: 'closed',
        title: { en: 'Plan 2025 (amended)' },
      });
      expect(adopting?.timeline.map((t) => t.type)).toEqual([
        'DecisionRecorded',
        'PlanAdopted',
        'PlanAmended',
        'PlanClosed',
      ]);
    });

    it('links the activities it organised and follows their life', () => {
      const activityId = 'diaspora-ministerial-7';
      const db = given([
        ...meeting,
        organise,
        round7,
        [
          'ActivityPostponed',
          { activityId, newStart: '2025-12-01', newEnd: '2025-12-02' },
          '2025-06-01T00:00:00.000Z',
        ],
        ['ActivityStarted', { activityId, startedOn: '2025-12-01' }, '2025-12-01T00:00:00.000Z'],
        ['ProgressReported', { activityId, progress: 50, asOf: '2025-12-01' }, '2025-12-01T00:00:00.000Z'],
      ]);
      expect(findDecision(db, MEETING, 'organise-joint-events')?.produced.activities).toEqual([
        {
          activityId,
          kind: 'meeting-round',
          title: { en: '7th Meeting' },
          leadState: 'KZ',
          plannedStart: '2025-12-01',
          plannedEnd: '2025-12-02',
          status: 'in-progress',
          progress: 50,
          visibility: 'public',
        },
      ]);
      const more = given([
        ...meeting,
        organise,
        round7,
        ['ActivityCompleted', { activityId, completedOn: '2025-12-02' }],
      ]);
      expect(row(more, 'SELECT status, progress FROM rm_decision_activity')).toEqual({
        status: 'completed',
        progress: 100,
      });
      const cancelled = given([
        ...meeting,
        organise,
        round7,
        ['ActivityCancelled', { activityId, reason: { en: 'x' } }],
      ]);
      expect(row(cancelled, 'SELECT status FROM rm_decision_activity')).toEqual({ status: 'cancelled' });
    });

    it('leaves activities scheduled from a plan, and the life of activities it does not know, alone', () => {
      const fromPlan: GivenEvent = [
        'ActivityScheduled',
        {
          ...round7[1],
          activityId: 'forum',
          planId: 'p',
          planActivityId: 'a',
          meetingId: null,
          decisionId: null,
        },
      ];
      const db = given([
        ...meeting,
        organise,
        fromPlan,
        ['ActivityStarted', { activityId: 'forum', startedOn: '2025-01-01' }],
      ]);
      expect(all(db, 'SELECT * FROM rm_decision_activity')).toEqual([]);
      expect(all(db, 'SELECT position FROM rm_decision_timeline')).toEqual([{ position: 4 }]);
    });

    it('links the follow-ups assigned on it, with their current status and reviews', () => {
      const followUpId = 'report-2025';
      const db = given([
        ...meeting,
        organise,
        report,
        [
          'ImplementationStatusUpdated',
          { followUpId, status: 'in-progress', previousStatus: 'not-started', note: null },
        ],
        ['ReviewScheduled', { followUpId, reviewOn: '2025-11-17', meetingId: 'diaspora-ministerial-7' }],
      ]);
      expect(row(db, 'SELECT status, reviews FROM rm_decision_follow_up')).toEqual({
        status: 'in-progress',
        reviews: '[{"reviewOn":"2025-11-17","meetingId":"diaspora-ministerial-7"}]',
      });
      const view = findDecision(db, MEETING, 'organise-joint-events');
      expect(view?.produced.followUps).toEqual([
        {
          followUpId,
          assignee: { state: null, institutionId: 'ots-secretariat' },
          description: { en: 'Report on 2025' },
          dueDate: '2025-11-01',
          status: 'in-progress',
          reviews: [{ reviewOn: '2025-11-17', meetingId: 'diaspora-ministerial-7' }],
          visibility: 'public',
        },
      ]);
      expect(view?.timeline.map((t) => [t.position, t.type, t.stream])).toEqual([
        [4, 'DecisionRecorded', `meeting-${MEETING}`],
        [5, 'FollowUpAssigned', `followup-${followUpId}`],
        [6, 'ImplementationStatusUpdated', `followup-${followUpId}`],
        [7, 'ReviewScheduled', `followup-${followUpId}`],
      ]);
      expect(view?.position).toBe(7);
    });

    it('keeps what was produced for a decision not recorded yet, and shows it once it is', () => {
      const db = given([...meeting, report, organise]);
      expect(findDecision(db, MEETING, 'organise-joint-events')?.produced.followUps).toHaveLength(1);
    });
  });

  it('names the decision rows each event touched, as its timeline lists them', () => {
    const db = given([...documents, ...meeting, adoptPlan, organise, ...planAdopted, round7, report]);
    const key = (decisionId: string) => `decision/${MEETING}/${decisionId}`;
    expect(provenance(db, projection, key('adopt-plan-2025'))).toEqual([6, 9]);
    expect(provenance(db, projection, key('organise-joint-events'))).toEqual([7, 10, 11]);
    const timeline = findDecision(db, MEETING, 'organise-joint-events')?.timeline.map((t) => t.position);
    expect(timeline).toEqual([7, 10, 11]);
  });

  it('drops its tables on reset and sets them up again', () => {
    const db = given([...meeting, organise]);
    projection.reset(db);
    projection.setup(db);
    expect(all(db, 'SELECT * FROM rm_decision')).toEqual([]);
  });
});
