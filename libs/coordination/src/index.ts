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
