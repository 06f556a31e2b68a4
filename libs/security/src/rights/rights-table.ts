import { IDENTIFIED, PUBLIC, READERS_OF_EVERYTHING, right, SECRETARIAT_ONLY, type Right } from './rights.js';
import { activityLedByOwnState, followUpOfOwnState, institutionOfOwnState } from './scope-policies.js';

const FOCAL_POINT_ACTIVITY = right(['secretariat', 'focal-point'], activityLedByOwnState);
const FOCAL_POINT_SIGNING = right(['secretariat', 'focal-point'], institutionOfOwnState);
const FOCAL_POINT_FOLLOW_UP = right(['secretariat', 'focal-point'], followUpOfOwnState);

/**
 * THE rights of every command (`POST /api/commands/{type}`), DESIGN.md §7. The guard applies it,
 * the authorization matrix test is generated from it and docs/security.md renders it.
 * Auditors and services write nothing; anonymous callers are refused every write with 401.
 */
export const COMMAND_RIGHTS: Readonly<Record<string, Right>> = {
  RegisterState: SECRETARIAT_ONLY,
  ChangeMembershipStatus: SECRETARIAT_ONLY,
  RegisterInstitution: SECRETARIAT_ONLY,
  RenameInstitution: SECRETARIAT_ONLY,
  DefineMeetingSeries: SECRETARIAT_ONLY,
  NumberMeeting: SECRETARIAT_ONLY,
  ScheduleMeeting: SECRETARIAT_ONLY,
  AddAgendaItem: SECRETARIAT_ONLY,
  AccreditDelegation: SECRETARIAT_ONLY,
  ConveneMeeting: SECRETARIAT_ONLY,
  RecordDecision: SECRETARIAT_ONLY,
  RecordBriefing: SECRETARIAT_ONLY,
  RecordBilateralMeeting: SECRETARIAT_ONLY,
  CloseMeeting: SECRETARIAT_ONLY,
  CorrectRecord: SECRETARIAT_ONLY,
  DraftPlan: SECRETARIAT_ONLY,
  AddActivityToPlan: SECRETARIAT_ONLY,
  AdoptPlan: SECRETARIAT_ONLY,
  AmendPlan: SECRETARIAT_ONLY,
  ClosePlan: SECRETARIAT_ONLY,
  ScheduleForum: SECRETARIAT_ONLY,
  ScheduleActivity: SECRETARIAT_ONLY,
  StartActivity: FOCAL_POINT_ACTIVITY,
  ReportProgress: FOCAL_POINT_ACTIVITY,
  CompleteActivity: FOCAL_POINT_ACTIVITY,
  PostponeActivity: FOCAL_POINT_ACTIVITY,
  // Cancelling is the parties' decision, recorded by the Secretariat.
  CancelActivity: SECRETARIAT_ONLY,
  DraftProtocol: SECRETARIAT_ONLY,
  AddParty: SECRETARIAT_ONLY,
  RemoveParty: SECRETARIAT_ONLY,
  DesignateSignatory: FOCAL_POINT_SIGNING,
  SignProtocol: FOCAL_POINT_SIGNING,
  RecordEntryIntoForce: SECRETARIAT_ONLY,
  TerminateProtocol: SECRETARIAT_ONLY,
  AssignFollowUp: SECRETARIAT_ONLY,
  UpdateImplementationStatus: FOCAL_POINT_FOLLOW_UP,
  ScheduleReview: SECRETARIAT_ONLY,
  RegisterStrategicDocument: SECRETARIAT_ONLY,
};

/** A command type no slice serves: any identified caller learns it does not exist (404). */
export const UNKNOWN_COMMAND_RIGHT: Right = right(IDENTIFIED);

const AUDITING = right(READERS_OF_EVERYTHING);
/** The log and its live feed: filtered per caller by visibility; not for anonymous callers. */
const FEED = right(IDENTIFIED);
const SUBSCRIPTIONS = right(['secretariat', 'service']);
const SUBSCRIPTIONS_READ = right(['secretariat', 'auditor', 'service']);

/**
 * THE rights of every other route, keyed by method and route pattern as Fastify registers it.
 * Read models are public (each filters what the caller may see); a route missing here is the
 * Secretariat's only (and the rights-table test fails until it is declared).
 */
export const ROUTE_RIGHTS: Readonly<Record<string, Right>> = {
  'GET /health/live': PUBLIC,
  'GET /health/ready': PUBLIC,
  'GET /api/identity': PUBLIC,
  'GET /api/plans': PUBLIC,
  'GET /api/plans/:id': PUBLIC,
  'GET /api/calendar': PUBLIC,
  'GET /api/calendar.ics': PUBLIC,
  'GET /api/protocols': PUBLIC,
  'GET /api/protocols/matrix': PUBLIC,
  'GET /api/protocols/:id': PUBLIC,
  'GET /api/decisions': PUBLIC,
  'GET /api/decisions/:meetingId/:decisionId': PUBLIC,
  'GET /api/strategic-documents': PUBLIC,
  'GET /api/strategic-documents/:id': PUBLIC,
  'GET /api/states': PUBLIC,
  'GET /api/states/:code': PUBLIC,
  'GET /api/reports/plans/:id': PUBLIC,
  'GET /api/events': FEED,
  'GET /api/events/stream': FEED,
  // The feeds' contract (AsyncAPI, event schemas) holds no data, like the OpenAPI document.
  'GET /api/asyncapi.json': PUBLIC,
  'GET /api/schemas/events': PUBLIC,
  'GET /api/schemas/events/:file': PUBLIC,
  'POST /api/subscriptions': SUBSCRIPTIONS,
  'GET /api/subscriptions': SUBSCRIPTIONS_READ,
  'GET /api/subscriptions/:id': SUBSCRIPTIONS_READ,
  'POST /api/subscriptions/:id/pause': SUBSCRIPTIONS,
  'POST /api/subscriptions/:id/resume': SUBSCRIPTIONS,
  'DELETE /api/subscriptions/:id': SUBSCRIPTIONS,
  'GET /api/subscriptions/:id/parked': SUBSCRIPTIONS_READ,
  'POST /api/subscriptions/:id/parked/replay': SUBSCRIPTIONS,
  // Downstream groups (EventStoreDB persistent subscriptions), managed like the webhooks.
  'GET /api/downstream-groups': SUBSCRIPTIONS_READ,
  'POST /api/downstream-groups': SUBSCRIPTIONS,
  'GET /api/downstream-groups/:name': SUBSCRIPTIONS_READ,
  'PATCH /api/downstream-groups/:name': SUBSCRIPTIONS,
  'DELETE /api/downstream-groups/:name': SUBSCRIPTIONS,
  'POST /api/downstream-groups/:name/parked/replay': SUBSCRIPTIONS,
  'GET /api/audit': AUDITING,
  'GET /api/audit/entities/:stream': AUDITING,
  'GET /api/audit/correlations/:correlationId': AUDITING,
  'GET /api/audit/actors/:actorId': AUDITING,
  'GET /api/audit/rows/:projection/*': AUDITING,
  // Signed checkpoints and the public keys are for outside witnesses: they hold only hashes.
  'GET /api/audit/checkpoints': PUBLIC,
  'GET /api/audit/checkpoints/latest.txt': PUBLIC,
  'GET /api/audit/public-keys': PUBLIC,
  'POST /api/audit/checkpoints': SECRETARIAT_ONLY,
  'GET /api/audit/proofs/inclusion': AUDITING,
  'GET /api/audit/proofs/consistency': AUDITING,
  'GET /api/audit/verify': AUDITING,
  'POST /api/operations/rebuild': SECRETARIAT_ONLY,
  'GET /api/operations/rebuild': AUDITING,
  'GET /api/processes': AUDITING,
};

export const COMMAND_PREFIX = '/api/commands/';

/** The right of a request, by method and route pattern; undefined when the table does not declare it. */
export function rightOf(method: string, routePattern: string): Right | undefined {
  if (method === 'POST' && routePattern.startsWith(COMMAND_PREFIX)) {
    const type = routePattern.slice(COMMAND_PREFIX.length);
    return type === ':type' ? UNKNOWN_COMMAND_RIGHT : COMMAND_RIGHTS[type];
  }
  return ROUTE_RIGHTS[`${method === 'HEAD' ? 'GET' : method} ${routePattern}`];
}
