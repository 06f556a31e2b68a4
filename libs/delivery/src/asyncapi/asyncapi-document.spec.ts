import { EVENT_SCHEMAS } from '#coordination';
import { asyncApiDocument } from './asyncapi-document.js';
import { asyncApiErrors } from './asyncapi-validation.js';

describe('the AsyncAPI document', () => {
  const document = asyncApiDocument('localhost:3000');

  it('validates against the official AsyncAPI 3.0.0 schema', () => {
    expect(asyncApiErrors(document)).toEqual([]);
  });

  it('is refused by that schema when it is broken, so the check is not in vain', () => {
    const broken = { ...document, operations: { streamEvents: { action: 'publish', channel: {} } } };
    expect(asyncApiErrors(broken).length).toBeGreaterThan(0);
    expect(asyncApiErrors({ ...document, asyncapi: '2.6.0' }).length).toBeGreaterThan(0);
  });

  it('describes every event type on the stream, the page and the webhook, with its payload schema', () => {
    const channels = document['channels'] as Record<string, { messages: Record<string, unknown> }>;
    const types = EVENT_SCHEMAS.map((e) => e.type);
    expect(Object.keys(channels['eventStream'].messages)).toEqual(types);
    expect(Object.keys(channels['eventPage'].messages)).toEqual(types);
    expect(Object.keys(channels['webhook'].messages)).toEqual(types.map((t) => `${t}Delivery`));
    type Message = { payload: { schema: { properties: object } }; headers: { required: string[] } };
    const messages = (document['components'] as { messages: Record<string, Message> }).messages;
    expect(messages['SignatoryDesignated'].payload.schema.properties).toMatchObject({
      schemaVersion: { const: 2 },
      data: { $ref: 'schemas/events/SignatoryDesignated.json' },
    });
    expect(messages['PlanAdoptedDelivery'].headers.required).toContain('Kurultai-Signature');
  });
});
