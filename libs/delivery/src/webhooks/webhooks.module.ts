import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { registrantRights, WEBHOOK_DELIVERY_POLICY, type DeliveryPolicy } from './delivery-policy.js';
import { resolveOptions, WEBHOOKS_OPTIONS, type WebhooksOptions } from './webhook-options.js';
import { WebhooksController } from './webhooks.controller.js';
import { Webhooks } from './webhooks.service.js';

/**
 * Webhook subscriptions at `/api/subscriptions`; needs `EVENT_STORE` (EventSourcingModule).
 * `policy` decides what a subscriber may see (default: what the registering actor may see).
 */
@Module({})
export class WebhooksModule {
  static forRoot(options: WebhooksOptions & { readonly policy?: DeliveryPolicy }): DynamicModule {
    const providers: Provider[] = [
      { provide: WEBHOOKS_OPTIONS, useValue: resolveOptions(options) },
      { provide: WEBHOOK_DELIVERY_POLICY, useValue: options.policy ?? registrantRights },
      Webhooks,
    ];
    return { module: WebhooksModule, controllers: [WebhooksController], providers, exports: [Webhooks] };
  }
}
