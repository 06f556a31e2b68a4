import {
  A_ACTIVITY,
  A_CORRELATION,
  A_DECISION,
  A_MEETING,
  A_PLAN,
  A_PROTOCOL,
  B_PROTOCOL,
  PUBLIC_DECISION,
  PUBLIC_MEETING,
  PUBLIC_PLAN,
  PUBLIC_PROTOCOL,
} from './world.js';

export interface Probe {
  readonly route: string;
  readonly url: string;
}

/**
 * Every GET route of the API (as the OpenAPI document names it) with the requests the leak test
 * sends to it: the public items and, where the route takes an id, the internal ones. A route added
 * to the API without its entry here fails the test. Routes that show no item (health, proofs,
 * operations) are probed all the same: what they answer must not show an internal item either.
 */
export const QUERY_ROUTES: readonly { readonly path: string; readonly probes: readonly string[] }[] = [
  { path: '/health/live', probes: ['/health/live'] },
  { path: '/health/ready', probes: ['/health/ready'] },
  { path: '/api/operations/rebuild', probes: ['/api/operations/rebuild'] },
  { path: '/api/processes', probes: ['/api/processes'] },
  { path: '/api/audit/checkpoints', probes: ['/api/audit/checkpoints'] },
  { path: '/api/audit/checkpoints/latest.txt', probes: ['/api/audit/checkpoints/latest.txt'] },
  { path: '/api/audit/public-keys', probes: ['/api/audit/public-keys'] },
  { path: '/api/audit/proofs/inclusion', probes: ['/api/audit/proofs/inclusion?position=1&size=1'] },
  { path: '/api/audit/proofs/consistency', probes: ['/api/audit/proofs/consistency?from=1&to=2'] },
  { path: '/api/audit/verify', probes: ['/api/audit/verify'] },
  // Descriptions of the feeds and of the event types: no item in them.
  { path: '/api/asyncapi.json', probes: ['/api/asyncapi.json'] },
  { path: '/api/schemas/events', probes: ['/api/schemas/events'] },
  { path: '/api/schemas/events/{file}', probes: ['/api/schemas/events/DecisionRecorded.json'] },
  // The log itself: its own tests below page it and stream it.
  { path: '/api/events', probes: ['/api/events?after=0&limit=1000'] },
  { path: '/api/events/stream', probes: [] },
  { path: '/api/subscriptions', probes: ['/api/subscriptions'] },
  // EventStoreDB persistent subscription groups: 501 on the embedded store this test runs.
  { path: '/api/downstream-groups', probes: ['/api/downstream-groups'] },
  { path: '/api/downstream-groups/{name}', probes: ['/api/downstream-groups/portal'] },
  // Who the caller is.
  { path: '/api/identity', probes: ['/api/identity'] },
  { path: '/api/subscriptions/{id}', probes: ['/api/subscriptions/portal'] },
  { path: '/api/subscriptions/{id}/parked', probes: ['/api/subscriptions/portal/parked'] },
  { path: '/api/plans', probes: ['/api/plans', '/api/plans?year=2026'] },
  { path: '/api/plans/{id}', probes: [`/api/plans/${PUBLIC_PLAN}`, `/api/plans/${A_PLAN}`] },
  { path: '/api/states', probes: ['/api/states'] },
  {
    path: '/api/states/{code}',
    probes: ['/api/states/UZ', '/api/states/KZ', '/api/states/KG', '/api/states/TR', '/api/states/AZ'],
  },
  { path: '/api/audit', probes: ['/api/audit?limit=500', '/api/audit?limit=500&offset=500'] },
  {
    path: '/api/audit/entities/{stream}',
    probes: [
      `/api/audit/entities/meeting-${A_MEETING}`,
      `/api/audit/entities/activity-${A_ACTIVITY}`,
      `/api/audit/entities/protocol-${A_PROTOCOL}`,
      `/api/audit/entities/protocol-${B_PROTOCOL}`,
      `/api/audit/entities/plan-${PUBLIC_PLAN}`,
      `/api/audit/entities/meeting-${PUBLIC_MEETING}`,
    ],
  },
  { path: '/api/audit/correlations/{correlationId}', probes: [`/api/audit/correlations/${A_CORRELATION}`] },
  {
    path: '/api/audit/actors/{actorId}',
    probes: [
      '/api/audit/actors/local-operator?limit=500',
      '/api/audit/actors/focal-point-UZ',
      '/api/audit/actors/process:decision-follow-through',
    ],
  },
  {
    path: '/api/audit/rows/{projection}/{path}',
    probes: [
      `/api/audit/rows/calendar/meeting/${A_MEETING}`,
      `/api/audit/rows/calendar/activity/${A_ACTIVITY}`,
      `/api/audit/rows/protocols/protocol/${A_PROTOCOL}`,
      `/api/audit/rows/protocols/protocol/${B_PROTOCOL}`,
      `/api/audit/rows/decisions/decision/${A_MEETING}/${A_DECISION}`,
      `/api/audit/rows/plan-implementation/${A_PLAN}`,
      `/api/audit/rows/participation/state/UZ`,
      `/api/audit/rows/plan-implementation/${PUBLIC_PLAN}`,
    ],
  },
  {
    path: '/api/decisions',
    probes: [
      '/api/decisions?limit=500',
      `/api/decisions?meetingId=${A_MEETING}`,
      '/api/decisions?state=UZ&limit=500',
    ],
  },
  {
    path: '/api/decisions/{meetingId}/{decisionId}',
    probes: [
      `/api/decisions/${PUBLIC_MEETING}/${PUBLIC_DECISION}`,
      `/api/decisions/${A_MEETING}/${A_DECISION}`,
    ],
  },
  { path: '/api/strategic-documents', probes: ['/api/strategic-documents'] },
  {
    path: '/api/strategic-documents/{id}',
    probes: [
      '/api/strategic-documents/turkic-world-vision-2040',
      '/api/strategic-documents/ots-strategy-2022-2026',
    ],
  },
  {
    path: '/api/protocols',
    probes: ['/api/protocols?limit=500', '/api/protocols?state=UZ', '/api/protocols?state=TR'],
  },
  { path: '/api/protocols/matrix', probes: ['/api/protocols/matrix', '/api/protocols/matrix?status=all'] },
  {
    path: '/api/protocols/{id}',
    probes: [
      `/api/protocols/${PUBLIC_PROTOCOL}`,
      `/api/protocols/${A_PROTOCOL}`,
      `/api/protocols/${B_PROTOCOL}`,
    ],
  },
  { path: '/api/calendar', probes: ['/api/calendar?limit=500', '/api/calendar?state=UZ&limit=500'] },
  { path: '/api/calendar.ics', probes: ['/api/calendar.ics'] },
  {
    path: '/api/reports/plans/{id}',
    probes: [
      `/api/reports/plans/${PUBLIC_PLAN}?format=json`,
      `/api/reports/plans/${PUBLIC_PLAN}?format=html`,
      `/api/reports/plans/${PUBLIC_PLAN}?format=csv`,
      `/api/reports/plans/${A_PLAN}?format=json`,
    ],
  },
];
