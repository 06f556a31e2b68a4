import { FULL_VIEWER, type ReadModels } from '#eventsourcing';
import { GetStateParticipation, GetStateParticipationHandler } from './participation.queries.js';
import { findStateParticipation, listStateParticipation } from './participation.query.js';
import {
  accredited,
  activity,
  decided,
  drafted,
  given,
  MEMBERS,
  registered,
  scheduled,
  signed,
  TASHKENT,
} from './testing/participation-events.builders.js';

const BISHKEK = 'diaspora-ministerial-5';

/** Two meetings, Hungary observing the second; a forum; a protocol KZ-UZ. */
const story = [
  registered('HU', 'observer', '2018-09-03'),
  registered('KZ'),
  registered('UZ', 'member', '2019-10-15'),
  scheduled(TASHKENT, 'UZ', 'Tashkent', '2024-11-18'),
  scheduled(BISHKEK, 'KG', 'Bishkek', '2023-11-22'),
  accredited(TASHKENT, 'UZ'),
  accredited(TASHKENT, 'KZ'),
  accredited(TASHKENT, 'HU', 'observer', 'official'),
  accredited(BISHKEK, 'UZ', 'member', 'head-of-institution'),
  decided(TASHKENT, 'adopt-plan-2025', MEMBERS),
  decided(TASHKENT, 'noted-briefing', []),
  activity('diaspora-youth-forum-2025', 'KZ'),
  activity('internship-2025', 'UZ', ['UZ', 'KG']),
  drafted('kz-uz'),
  signed('kz-uz', 'kz-otandastar', 'KZ'),
  signed('kz-uz', 'uz-interethnic-committee', 'UZ'),
  ['ProtocolSigned', { protocolId: 'kz-uz', signedOn: '2024-11-18', parties: [] }],
];

describe('participation queries', () => {
  const db = given(story);

  it("lists a state's meetings in date order, with the delegation and the membership it had then", () => {
    const uz = findStateParticipation(db, 'UZ', FULL_VIEWER);
    expect(uz?.meetingsAttended).toEqual([
      expect.objectContaining({
        meetingId: BISHKEK,
        city: 'Bishkek',
        date: '2023-11-22',
        level: 'head-of-institution',
      }),
      {
        meetingId: TASHKENT,
        seriesId: 'diaspora-ministerial',
        number: 6,
        title: { en: 'Meeting in Tashkent' },
        date: '2024-11-18',
        city: 'Tashkent',
        hostState: 'UZ',
        level: 'minister',
        headOfDelegation: 'Head of UZ',
        membership: 'member',
        visibility: 'public',
      },
    ]);
    expect(uz?.meetingsHosted).toEqual([
      expect.objectContaining({ meetingId: TASHKENT, city: 'Tashkent', hostInstitutionId: null }),
    ]);
  });

  it('gives the totals of every list, and the protocols once each with their counterparts', () => {
    const uz = findStateParticipation(db, 'UZ', FULL_VIEWER);
    expect(uz).toMatchObject({
      code: 'UZ',
      name: { en: 'UZ' },
      membership: 'member',
      since: '2019-10-15',
      memberships: [{ membership: 'member', since: '2019-10-15' }],
      totals: {
        meetingsAttended: 2,
        meetingsHosted: 1,
        activitiesLed: 1,
        activitiesParticipated: 2,
        protocolsSigned: 1,
        decisionsAdopted: 1,
      },
      position: 17,
    });
    expect(uz?.protocolsSigned).toEqual([
      {
        protocolId: 'kz-uz',
        title: { en: 'kz-uz' },
        status: 'signed',
        signatures: [
          {
            institutionId: 'uz-interethnic-committee',
            institutionName: { en: 'uz-interethnic-committee' },
            signatory: { name: 'Chair of uz-interethnic-committee', title: null },
            signedOn: '2024-11-18',
            place: 'Tashkent',
          },
        ],
        counterparts: ['KZ'],
        visibility: 'public',
      },
    ]);
    expect(uz?.activitiesLed.map((a) => a.activityId)).toEqual(['internship-2025']);
    expect(uz?.activitiesParticipated.map((a) => a.activityId)).toEqual([
      'diaspora-youth-forum-2025',
      'internship-2025',
    ]);
    expect(uz?.decisionsAdopted).toEqual([
      expect.objectContaining({ decisionId: 'adopt-plan-2025', city: 'Tashkent', date: '2024-11-18' }),
    ]);
  });

  it('shows an observer that attended and adopted nothing', () => {
    expect(findStateParticipation(db, 'HU', FULL_VIEWER)).toMatchObject({
      membership: 'observer',
      meetingsAttended: [{ meetingId: TASHKENT, membership: 'observer', level: 'official' }],
      decisionsAdopted: [],
      totals: { meetingsAttended: 1, decisionsAdopted: 0, meetingsHosted: 0, protocolsSigned: 0 },
    });
  });

  it('lists every state seen with its totals, by code, a page at a time, by membership', () => {
    const all = listStateParticipation(db, { limit: 50, offset: 0 }, FULL_VIEWER);
    expect(all.items.map((s) => s.code)).toEqual(['AZ', 'HU', 'KG', 'KZ', 'TR', 'UZ']);
    expect(all.items.find((s) => s.code === 'AZ')).toMatchObject({ name: null, membership: null });
    expect(
      listStateParticipation(db, { membership: 'member', limit: 1, offset: 1 }, FULL_VIEWER),
    ).toMatchObject({
      items: [{ code: 'UZ', totals: { meetingsHosted: 1 } }],
      total: 2,
      limit: 1,
      offset: 1,
    });
  });

  it('answers null, and the query 404, for a state the log says nothing of', async () => {
    expect(findStateParticipation(db, 'TM', FULL_VIEWER)).toBeNull();
    const readModels = { view: async () => ({ db, asOfPosition: null, today: '2025-01-01' }) };
    const handler = new GetStateParticipationHandler(readModels as unknown as ReadModels);
    await expect(handler.execute(new GetStateParticipation('TM'))).rejects.toMatchObject({
      problem: { status: 404, type: 'urn:kurultai:problem:not-found' },
    });
    await expect(handler.execute(new GetStateParticipation('KZ'))).resolves.toMatchObject({
      totals: { activitiesLed: 1, protocolsSigned: 1 },
    });
  });
});
