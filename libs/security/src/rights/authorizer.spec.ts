import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type Actor } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';
import { AccessDenied, Authorizer } from './authorizer.js';

const KZ: Actor = { id: 'aigerim', role: 'focal-point', state: 'KZ' };
const UZ: Actor = { id: 'dilnoza', role: 'focal-point', state: 'UZ' };
const SECRETARIAT: Actor = { id: 'officer', role: 'secretariat', state: null };
const ANONYMOUS: Actor = { id: 'anonymous', role: 'anonymous', state: null };

/** The rights table and the focal points' scope policies, on facts in a real log. */
describe('Authorizer', () => {
  let dir: string;
  let store: SqliteEventStore;
  let authorizer: Authorizer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kurultai-rights-'));
    store = await SqliteEventStore.open(join(dir, 'events.sqlite'));
    await store.append('activity-capacity-building-2025', [
      newEvent('ActivityScheduled', { activityId: 'capacity-building-2025', leadState: 'KZ' }),
    ]);
    await store.append('institution-kz-otandastar', [
      newEvent('InstitutionRegistered', { institutionId: 'kz-otandastar', state: 'KZ' }),
    ]);
    await store.append('followup-venue-2025', [
      newEvent('FollowUpAssigned', {
        followUpId: 'venue-2025',
        assignee: { state: 'UZ', institutionId: null },
      }),
    ]);
    authorizer = new Authorizer(store);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const command = (type: string, body: unknown) => ({ method: 'POST', route: `/api/commands/${type}`, body });
  const refusal = (actor: Actor, request: ReturnType<typeof command>) =>
    authorizer.authorize(actor, request).then(
      () => null,
      (error: unknown) => (error instanceof AccessDenied ? error : Promise.reject(error)),
    );

  it('given an activity led by KZ, when its focal point reports progress, then it is allowed', async () => {
    expect(await refusal(KZ, command('ReportProgress', { activityId: 'capacity-building-2025' }))).toBeNull();
  });

  it("given an activity led by KZ, when UZ's focal point reports progress, then 403 names the rule", async () => {
    const denied = await refusal(UZ, command('ReportProgress', { activityId: 'capacity-building-2025' }));
    expect(denied).toMatchObject({
      status: 403,
      reason: expect.stringMatching(/UZ acts only on activities UZ leads/),
    });
  });

  it('given no such activity, or no activity id, when a focal point acts, then it is refused alike', async () => {
    for (const body of [{ activityId: 'nowhere' }, {}, { activityId: { $ne: null } }, null]) {
      expect(await refusal(KZ, command('StartActivity', body))).toMatchObject({ status: 403 });
    }
  });

  it("given the KZ foundation, when KZ's focal point signs for it, then it is allowed; UZ's is refused", async () => {
    const body = { protocolId: 'p', institutionId: 'kz-otandastar' };
    expect(await refusal(KZ, command('SignProtocol', body))).toBeNull();
    expect(await refusal(UZ, command('DesignateSignatory', body))).toMatchObject({
      status: 403,
      reason: expect.stringMatching(/signs only for UZ's institutions/),
    });
  });

  it('given a follow-up assigned to UZ, when its focal point updates the status, then it is allowed; KZ is refused', async () => {
    expect(await refusal(UZ, command('UpdateImplementationStatus', { followUpId: 'venue-2025' }))).toBeNull();
    expect(
      await refusal(KZ, command('UpdateImplementationStatus', { followUpId: 'venue-2025' })),
    ).toMatchObject({
      status: 403,
    });
  });

  it('when a focal point uses a Secretariat-only command, even for its own state, then 403 names the role', async () => {
    expect(
      await refusal(KZ, command('CancelActivity', { activityId: 'capacity-building-2025' })),
    ).toMatchObject({
      status: 403,
      reason: 'the focal-point role may not use POST /api/commands/CancelActivity',
    });
  });

  it('when the Secretariat acts on any state, then no scope applies', async () => {
    expect(await refusal(SECRETARIAT, command('ReportProgress', { activityId: 'nowhere' }))).toBeNull();
  });

  it('when an anonymous caller writes, or reads the audit history, then it is 401', async () => {
    expect(await refusal(ANONYMOUS, command('DraftPlan', {}))).toMatchObject({ status: 401 });
    expect(await refusal(ANONYMOUS, { method: 'GET', route: '/api/audit', body: undefined })).toMatchObject({
      status: 401,
    });
  });

  it('when a route is not in the table, then only the Secretariat may use it', async () => {
    const route = { method: 'GET', route: '/api/not-declared', body: undefined };
    expect(await refusal(SECRETARIAT, route)).toBeNull();
    expect(await refusal({ id: 'a', role: 'auditor', state: null }, route)).toMatchObject({ status: 403 });
  });
});
