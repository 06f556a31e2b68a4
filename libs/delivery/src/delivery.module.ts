import { Module, type DynamicModule } from '@nestjs/common';
import { AsyncApiController } from './asyncapi/asyncapi.controller.js';
import { DELIVERY_OPTIONS, resolveDeliveryOptions, type DeliveryOptions } from './delivery.options.js';
import { EventFeed } from './event-feed.js';
import { EventsRoute } from './events.route.js';
import { DownstreamGroupsController } from './groups/groups.controller.js';

/**
 * Downstream delivery of the global log: `GET /api/events` and `GET /api/events/stream`.
 * Needs the store (`EVENT_STORE`), which EventSourcingModule provides globally. The feeds speak
 * each event type's current schema version (the domain's upcasters, given by the coordination
 * module), and `/api/asyncapi.json` and `/api/schemas/events/*` describe the result.
 */
@Module({})
export class DeliveryModule {
  static forRoot(options: DeliveryOptions = {}): DynamicModule {
    return {
      module: DeliveryModule,
      controllers: [EventsRoute, AsyncApiController, DownstreamGroupsController],
      providers: [{ provide: DELIVERY_OPTIONS, useValue: resolveDeliveryOptions(options) }, EventFeed],
      exports: [EventFeed],
    };
  }
}
