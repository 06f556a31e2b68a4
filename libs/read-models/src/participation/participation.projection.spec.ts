import type Database from 'better-sqlite3';
import { provenanceOf } from '#eventsourcing';
import { participationProjection as projection } from './participation.projection.js';
import {
  accredited,
  activity,
  decided,
  drafted,
  given,
  registered,
  scheduled,
  signed,
  TASHKENT,
} from './testing/participation-events.builders.js';

const rows = (db: Database.Database, table: string) =>
  db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();

describe('participation projection', () => {
  it('is named participation and reads states, meetings, decisions, activities and protocols', () => {
    expect(projection.name).toBe('participation');
    expect(projection.eventTypes).toEqual(
      expect.arrayContaining([
        'StateRegistered',
        'DelegationAccredited',
        'ActivityScheduled',
        'ProtocolSigned',
      ]),
    );
  });

  it('given a state registered and its membership changed, then it keeps each period and the visibility', () => {
    const db = given([
      registered('HU', 'observer', '2018-09-03'),
      [
        'MembershipStatusChanged',
        { code: 'HU', membership: 'member', previousMembership: 'observer', since: '2030-01-01' },
      ],
    ]);
    expect(rows(db, 'rm_participation_state')).toEqual([
      {
        code: 'HU',
        name: '{"en":"HU"}',
        membership: 'member',
        since: '2030-01-01',
        memberships: JSON.stringify([
          { membership: 'observer', since: '2018-09-03' },
          { membership: 'member', since: '2030-01-01' },
        ]),
        visibility: 'internal',
      },
    ]);
    expect(rows(db, 'rm_participation_state_touch')).toEqual([{ code: 'HU', last_position: 2 }]);
  });

  it('given delegations accredited, then each keeps its level, head and the membership it had then', () => {
    const db = given([
      scheduled(TASHKENT, 'UZ', 'Tashkent', '2024-11-18'),
      accredited(TASHKENT, 'HU', 'observer', 'official'),
    ]);
    expect(rows(db, 'rm_participation_delegation')).toEqual([
      {
        state: 'HU',
        meeting_id: TASHKENT,
        level: 'official',
        head_of_delegation: 'Head of HU',
        membership: 'observer',
        visibility: 'public',
        position: 2,
        states: '[]',
      },
    ]);
    expect(rows(db, 'rm_participation_meeting')).toEqual([
      expect.objectContaining({
        meeting_id: TASHKENT,
        host_state: 'UZ',
        city: 'Tashkent',
        date: '2024-11-18',
      }),
    ]);
  });

  it('given a decision, then every adopting state adopted it, and a corrected text replaces the text', () => {
    const db = given([
      decided(TASHKENT, 'adopt-plan-2025', ['AZ', 'UZ']),
      [
        'RecordCorrected',
        {
          meetingId: TASHKENT,
          correctionId: 'c-1',
          target: { kind: 'decision', id: 'adopt-plan-2025' },
          field: 'text',
          originalValue: { en: 'adopt-plan-2025' },
          correctedValue: { en: 'The parties adopted the plan' },
          reason: { en: 'typo' },
        },
      ],
    ]);
    expect(rows(db, 'rm_participation_decision_state')).toEqual([
      { state: 'AZ', meeting_id: TASHKENT, decision_id: 'adopt-plan-2025' },
      { state: 'UZ', meeting_id: TASHKENT, decision_id: 'adopt-plan-2025' },
    ]);
    expect(rows(db, 'rm_participation_decision')).toEqual([
      expect.objectContaining({ text: '{"en":"The parties adopted the plan"}', position: 2 }),
    ]);
    expect(provenanceOf(db, 'participation', 'state/UZ')).toEqual([1, 2]);
  });

  it('given an activity scheduled and postponed, then its lead and participants take part, with the new dates', () => {
    const db = given([
      activity('diaspora-youth-forum-2025', 'AZ', ['AZ', 'KZ']),
      [
        'ActivityPostponed',
        { activityId: 'diaspora-youth-forum-2025', newStart: '2025-09-15', newEnd: '2025-09-17' },
      ],
    ]);
    expect(rows(db, 'rm_participation_activity_state')).toEqual([
      { state: 'AZ', activity_id: 'diaspora-youth-forum-2025', lead: 1 },
      { state: 'KZ', activity_id: 'diaspora-youth-forum-2025', lead: 0 },
    ]);
    expect(rows(db, 'rm_participation_activity')).toEqual([
      expect.objectContaining({
        status: 'postponed',
        planned_start: '2025-09-15',
        planned_end: '2025-09-17',
        origin: '{"planId":"diaspora-2025","planActivityId":"diaspora-youth-forum-2025"}',
        last_position: 2,
      }),
    ]);
    expect(provenanceOf(db, 'participation', 'state/KZ')).toEqual([1, 2]);
  });

  it('given protocol signatures, then each state signed through its institution; the Secretariat is no state', () => {
    const db = given([
      drafted('kz-uz'),
      signed('kz-uz', 'kz-otandastar', 'KZ'),
      signed('kz-uz', 'ots-secretariat', null),
      signed('kz-uz', 'uz-interethnic-committee', 'UZ'),
      ['ProtocolSigned', { protocolId: 'kz-uz', signedOn: '2024-11-18', parties: [] }],
    ]);
    expect(rows(db, 'rm_participation_signature').map((r) => (r as { state: string }).state)).toEqual([
      'KZ',
      'UZ',
    ]);
    expect(rows(db, 'rm_participation_protocol')).toEqual([
      {
        protocol_id: 'kz-uz',
        title: '{"en":"kz-uz"}',
        status: 'signed',
        signed_on: '2024-11-18',
        visibility: 'internal',
        last_position: 5,
        states: '[]',
      },
    ]);
    expect(provenanceOf(db, 'participation', 'state/KZ')).toEqual([2, 5]);
    expect(provenanceOf(db, 'participation', 'state/UZ')).toEqual([4, 5]);
  });

  it('keeps a state seen before its registration, and the position of the last event about it', () => {
    const db = given([accredited(TASHKENT, 'TM', 'observer'), registered('TM', 'observer', '2021-11-12')]);
    expect(rows(db, 'rm_participation_state')).toEqual([
      expect.objectContaining({ code: 'TM', name: '{"en":"TM"}', membership: 'observer' }),
    ]);
    // The last event about it, kept apart from the state's row
    expect(rows(db, 'rm_participation_state_touch')).toEqual([{ code: 'TM', last_position: 2 }]);
  });

  it('takes events with parts missing (older or partial wire shapes) without failing', () => {
    const db = given([
      ['ActivityScheduled', { activityId: 'a-1', planId: 'p', planActivityId: 'a-1' }],
      ['ActivityStarted', { activityId: 'a-1', startedOn: '2025-03-02' }],
      ['ProgressReported', { activityId: 'unknown', progress: 40 }],
    ]);
    expect(rows(db, 'rm_participation_activity')).toEqual([
      expect.objectContaining({ activity_id: 'a-1', status: 'in-progress', participating_states: '[]' }),
    ]);
    expect(rows(db, 'rm_participation_state')).toEqual([]);
  });

  it('drops its tables on reset', () => {
    const db = given([registered('AZ')]);
    projection.reset(db);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'rm_participation%'").all()).toEqual(
      [],
    );
  });
});
