import type { Projection } from '#eventsourcing';
import { planImplementationProjection } from './plan-implementation/plan-implementation.projection.js';
import { participationProjection } from './participation/participation.projection.js';
import { auditActorsProjection } from './audit/audit-actors.projection.js';
import { auditCorrelationsProjection } from './audit/audit-correlations.projection.js';
import { decisionsProjection } from './decisions/decisions.projection.js';
import { strategicDocumentsProjection } from './strategic-documents/strategic-documents.projection.js';
import { calendarProjection } from './calendar/calendar.projection.js';
import { protocolsProjection } from './protocols/protocols.projection.js';

export * from './read-models.module.js';
export * from './plan-implementation/plan-implementation.projection.js';
export * from './plan-implementation/plan-implementation.query.js';
export * from './participation/participation.projection.js';
export * from './participation/participation.query.js';
export * from './participation/participation.views.js';
export * from './audit/audit-actors.projection.js';
export * from './audit/audit-correlations.projection.js';
export * from './decisions/decisions.projection.js';
export * from './strategic-documents/strategic-documents.projection.js';
export * from './calendar/calendar.projection.js';
export * from './protocols/protocols.projection.js';
export * from './shared/row-visibility.js';
export * from './shared/viewing.decorator.js';

/** Every read model the engine keeps. */
export const allProjections: readonly Projection[] = [
  planImplementationProjection,
  participationProjection,
  auditActorsProjection,
  auditCorrelationsProjection,
  decisionsProjection,
  strategicDocumentsProjection,
  protocolsProjection,
  calendarProjection,
];
