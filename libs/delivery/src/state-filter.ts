/**
 * The states an event concerns are part of the visibility policy (`#eventsourcing`
 * visibility.ts): the feed's `state=` filter and the rights of a focal point read the same list.
 */
export { concernsState, STATE_CODE, statesOf } from '#eventsourcing';
