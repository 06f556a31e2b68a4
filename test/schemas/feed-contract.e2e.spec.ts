import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { join } from 'node:path';
import { EVENT_SCHEMAS, eventSchemaOf } from '#coordination';
import { asyncApiErrors } from '../../libs/delivery/src/asyncapi/asyncapi-validation.js';
import { importScenario } from '../../apps/api/src/scenario/import-scenario.js';
import { loadScenario } from '../../apps/api/src/scenario/scenario.js';
import { startEngine, type RunningEngine } from '../support/engine.js';

const SCENARIO = join(__dirname, '..', '..', 'scenarios', 'ots-diaspora-2022-2025.json');

interface Envelope {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly position: number;
  readonly data: unknown;
}

/**
 * The contract of the feeds as a subscriber meets it: the AsyncAPI document and the schemas the
 * engine serves, checked against every event of the bundled scenario as the feed delivers it.
 */
describe('the feeds and their contract, over the OTS diaspora scenario', () => {
  let engine: RunningEngine;
  let events: Envelope[];

  beforeAll(async () => {
    engine = await startEngine();
    await importScenario(engine, await loadScenario(SCENARIO));
    events = [];
    for (let after = 0; ;) {
      const page = (await engine.get(`/api/events?after=${after}&limit=1000`)).body;
      events.push(...page.items);
      if (page.next === null) break;
      after = page.next.after;
    }
  }, 120_000);
  afterAll(() => engine.close());

  it('serves an AsyncAPI 3.0 document that the official schema accepts, to anyone', async () => {
    const reply = await engine.as('anonymous').get('/api/asyncapi.json');
    expect(reply.status).toBe(200);
    expect(asyncApiErrors(reply.body)).toEqual([]);
    expect(reply.body.servers.engine.host).toBe(new URL(engine.url).host);
  });

  it('serves every payload schema at the address the document refers to, and 404 for other types', async () => {
    const index = (await engine.as('anonymous').get('/api/schemas/events')).body.items;
    expect(index.map((i: { type: string }) => i.type)).toEqual(EVENT_SCHEMAS.map((e) => e.type));
    const schema = await engine.as('anonymous').get('/api/schemas/events/SignatoryDesignated.json');
    expect(schema.status).toBe(200);
    expect(schema.contentType).toContain('application/schema+json');
    expect(schema.body).toEqual(eventSchemaOf('SignatoryDesignated')!.schema);
    const unknown = await engine.as('anonymous').get('/api/schemas/events/PlanEaten.json');
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toContain('application/problem+json');
  });

  it("validates every event of the scenario, as the feed gives it, against its message's schema", async () => {
    const document = (await engine.get('/api/asyncapi.json')).body;
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    formats.default(ajv);
    for (const { type } of EVENT_SCHEMAS) {
      ajv.addSchema((await engine.get(`/api/schemas/events/${type}.json`)).body);
    }
    const validators = new Map<string, ValidateFunction>();
    const validatorOf = (type: string): ValidateFunction | undefined => {
      const message = document.components.messages[type];
      if (!message) return undefined;
      if (!validators.has(type)) {
        // The envelope refers to `schemas/events/<type>.json` relative to /api/asyncapi.json.
        const envelope = { ...message.payload.schema, $id: `${engine.url}/api/asyncapi-envelope-${type}` };
        const ref = envelope.properties.data.$ref as string;
        envelope.properties = { ...envelope.properties, data: { $ref: eventSchemaOf(type)!.schema.$id } };
        expect(ref).toBe(`schemas/events/${type}.json`);
        validators.set(type, ajv.compile(envelope));
      }
      return validators.get(type);
    };
    const types = new Set<string>();
    const failures: string[] = [];
    for (const event of events) {
      const validate = validatorOf(event.type);
      if (!validate) continue;
      types.add(event.type);
      const { position, type } = event;
      if (!validate(event)) failures.push(`${position} ${type}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(failures).toEqual([]);
    // The scenario tells the whole story, so most of the catalogue is exercised.
    expect(types.size).toBeGreaterThanOrEqual(20);
    expect(events.length).toBeGreaterThan(100);
  });
});
