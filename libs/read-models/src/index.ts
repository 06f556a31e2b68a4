import type { Projection } from '#eventsourcing';
import { planImplementationProjection } from './plan-implementation/plan-implementation.projection.js';

export * from './read-models.module.js';
export * from './plan-implementation/plan-implementation.projection.js';
export * from './plan-implementation/plan-implementation.query.js';

/** Every read model the engine keeps. */
export const allProjections: readonly Projection[] = [planImplementationProjection];
