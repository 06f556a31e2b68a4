import { assertEventsMatchSchemas } from '../shared/testing/event-schema-check.js';
import { EVENT_EXAMPLES } from './event-examples.js';
import { EVENT_SCHEMAS } from './event-registry.js';

describe('the examples of the event catalogue', () => {
  it('give one payload per event type, each valid against its schema', () => {
    expect(Object.keys(EVENT_EXAMPLES).sort()).toEqual(EVENT_SCHEMAS.map((e) => e.type).sort());
    const events = Object.entries(EVENT_EXAMPLES).map(([type, data]) => ({ type, data }));
    expect(() => assertEventsMatchSchemas(events)).not.toThrow();
  });

  it('would be refused by the schema if one broke it', () => {
    const broken = { ...EVENT_EXAMPLES.MeetingScheduled, date: '2024-02-30' };
    expect(() => assertEventsMatchSchemas([{ type: 'MeetingScheduled', data: broken }])).toThrow(
      /\/date must match format "date"/,
    );
  });
});
