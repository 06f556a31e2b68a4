import { streamCategory, type RecordedEvent } from '#event-store';
import type { WebhookSubscription } from './webhook-store.js';

/**
 * Decides whether a subscriber may see an event. For now only `public` events leave the
 * engine; the security layer will provide a policy that reads the subscriber's rights
 * (bind `WEBHOOK_DELIVERY_POLICY` to it).
 */
export interface DeliveryPolicy {
  mayDeliver(subscription: WebhookSubscription, event: RecordedEvent): boolean;
}

export const WEBHOOK_DELIVERY_POLICY = Symbol.for('kurultai.WebhookDeliveryPolicy');

export const publicEventsOnly: DeliveryPolicy = {
  mayDeliver: (_subscription, event) => event.metadata?.visibility === 'public',
};

/** The subscription's own filter: event types and stream categories (both must match when given). */
export function matchesFilter(subscription: WebhookSubscription, event: RecordedEvent): boolean {
  if (subscription.types.length > 0 && !subscription.types.includes(event.type)) return false;
  if (subscription.categories.length > 0 && !subscription.categories.includes(streamCategory(event.stream))) {
    return false;
  }
  return true;
}
