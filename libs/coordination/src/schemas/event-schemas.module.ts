import { Global, Module } from '@nestjs/common';
import { EVENT_UPCASTERS, Upcasters } from '#eventsourcing';
import { COORDINATION_UPCASTERS } from './upcasters.js';

/** The domain's upcasters as the engine runs them (the constructor checks each chain has no gap). */
export const coordinationUpcasters = new Upcasters(COORDINATION_UPCASTERS);

/**
 * Gives the engine the domain's upcasters (EVENT_UPCASTERS), so the event-sourcing module reads
 * every stored event as its type's current schema version. Global: the store is built there.
 */
@Global()
@Module({
  providers: [{ provide: EVENT_UPCASTERS, useValue: coordinationUpcasters }],
  exports: [EVENT_UPCASTERS],
})
export class EventSchemasModule {}
