import { Module, type DynamicModule } from '@nestjs/common';
import { EventSchemasModule } from '#coordination';
import { AsyncApiController } from './asyncapi/asyncapi.controller.js';
import { DELIVERY_OPTIONS, resolveDeliveryOptions, type DeliveryOptions } from './delivery.options.js';
import { EventFeed } from './event-feed.js';
import { EventsRoute } from './events.route.js';
import { DownstreamGroupsController } from './groups/groups.controller.js';

/**
 * Downstream delivery of the global log: `GET /api/events` and `GET /api/events/stream`.
 * Needs the store (`EVENT_STORE`), which EventSourcingModule provides globally. The feeds speak
 * each event type's current schema version: EventSchemasModule gives the engine the domain's
 * upcasters (global), and `/api/asyncapi.json` and `/api/schemas/events/*` describe the result.
 */
@Module({})
export class DeliveryModule {
  static forRoot(options: DeliveryOptions = {}): DynamicModule {
    return {
      module: DeliveryModule,
      imports: [EventSchemasModule],
      controllers: [EventsRoute, AsyncApiController, DownstreamGroupsController],
      providers: [{ provide: DELIVERY_OPTIONS, useValue: resolveDeliveryOptions(options) }, EventFeed],
      exports: [EventFeed],
    };
  }
}
