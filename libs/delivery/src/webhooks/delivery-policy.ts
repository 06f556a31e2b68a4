import { streamCategory, type RecordedEvent } from '#event-store';
import { canSee } from '#eventsourcing';
import type { WebhookSubscription } from './webhook-store.js';

/**
 * Decides whether a subscriber may see an event. The default, `registrantRights`, gives a
 * subscription the events the actor who registered it may see (`canSee`); bind
 * `WEBHOOK_DELIVERY_POLICY` to another policy to replace it.
 */
export interface DeliveryPolicy {
  mayDeliver(subscription: WebhookSubscription, event: RecordedEvent): boolean;
}

export const WEBHOOK_DELIVERY_POLICY = Symbol.for('kurultai.WebhookDeliveryPolicy');

/** What the registering actor may see; a subscription without one (older ones) gets public events only. */
export const registrantRights: DeliveryPolicy = {
  mayDeliver: (subscription, event) => canSee(subscription.actor, event),
};

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
