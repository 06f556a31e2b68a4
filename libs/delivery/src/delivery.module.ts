import { Module, type DynamicModule } from '@nestjs/common';
import { DELIVERY_OPTIONS, resolveDeliveryOptions, type DeliveryOptions } from './delivery.options.js';
import { EventFeed } from './event-feed.js';
import { EventsRoute } from './events.route.js';

/**
 * Downstream delivery of the global log: `GET /api/events` and `GET /api/events/stream`.
 * Needs the store (`EVENT_STORE`), which EventSourcingModule provides globally.
 */
@Module({})
export class DeliveryModule {
  static forRoot(options: DeliveryOptions = {}): DynamicModule {
    return {
      module: DeliveryModule,
      controllers: [EventsRoute],
      providers: [{ provide: DELIVERY_OPTIONS, useValue: resolveDeliveryOptions(options) }, EventFeed],
      exports: [EventFeed],
    };
  }
}
