export * from './shared/decision-facts.js';
export * from './shared/iso-date.js';
export * from './shared/localized-text.js';
export * from './shared/required.js';
export * from './shared/states.js';

export * from './meetings/meeting.js';
export * from './meetings/meeting.decider.js';
export * from './meetings/decision-facts.js';
export { MEETING_QUORUM, hasQuorum } from './meetings/quorum.js';

export * from './plans/joint-activity-plan.js';
export * from './plans/joint-activity-plan.decider.js';
export { FIRST_PLAN_YEAR, PLAN_YEARS_AHEAD } from './plans/draft-plan.rules.js';

export * from './activities/activity.js';
export * from './activities/activity.decider.js';
export * from './activities/scheduling-facts.js';
export { MAX_REPORTED_PROGRESS } from './activities/activity-progress.rules.js';

export * from './protocols/protocol.js';
export * from './protocols/protocol.decider.js';
export { marginsFacts, type MarginsFacts } from './protocols/margins-facts.js';
export type { ProtocolPartyFacts, SigningPartyFacts } from './protocols/party-facts.js';
export {
  MIN_PARTIES,
  MIN_PARTY_STATES,
  hasAnySignature,
  protocolPartyOf,
} from './protocols/protocol.guards.js';

export * from './states/state.js';
export * from './states/state.decider.js';
export * from './states/state-facts.js';
export { STATE_CODE } from './states/register-state.rules.js';

export * from './institutions/institution.js';
export * from './institutions/institution.decider.js';
export * from './institutions/institution-facts.js';

export * from './meeting-series/meeting-series.js';
export * from './meeting-series/meeting-series.decider.js';
export * from './meeting-series/meeting-series-facts.js';

export * from './strategic-documents/strategic-document.js';
export * from './strategic-documents/strategic-document.decider.js';

export * from './follow-ups/follow-up.js';
export * from './follow-ups/follow-up.decider.js';

export * from './schemas/index.js';
