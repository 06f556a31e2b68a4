import type { RecordedEvent, Visibility } from '#event-store';
import { newEvent } from '#event-store/testing/event-builders.js';
import type { CommandRequest, SliceCommand } from '#eventsourcing';
import { decisionFollowThrough } from './decision-follow-through.process.js';

const request: CommandRequest = {
  commandId: 'c',
  correlationId: 'c',
  causationId: 'e',
  actor: { id: 'process:decision-follow-through', role: 'system', state: null },
  commandHash: 'h',
};

const decided = (visibility: Visibility, data: Record<string, unknown>): RecordedEvent => ({
  ...newEvent(
    'DecisionRecorded',
    {
      meetingId: 'diaspora-ministerial-6',
      decisionId: 'd',
      text: { en: 'Text' },
      adoptingStates: ['UZ'],
      ...data,
    },
    { metadata: { visibility, occurredAt: '2024-11-18T09:00:00.000Z' } },
  ),
  stream: 'meeting-diaspora-ministerial-6',
  revision: 7,
  position: 42,
});

const organise = {
  kind: 'agreed-to-organise',
  subject: { planId: null },
  organise: [
    {
      activityId: 'uz-exchange-2025',
      kind: 'exchange-programme',
      title: { en: 'Exchange' },
      leadState: 'UZ',
      participatingStates: ['UZ', 'KZ'],
      plannedStart: '2025-03-01',
      plannedEnd: '2025-03-05',
    },
  ],
  followUps: [{ followUpId: 'uz-report', assignee: { state: 'UZ' }, description: { en: 'Report' } }],
};
const adopt = { kind: 'adopted', subject: { planId: 'diaspora-2025' } };

const bodies = (event: RecordedEvent) =>
  decisionFollowThrough
    .react(event)
    .map((c) => (c.build(request) as SliceCommand<{ visibility?: Visibility }>).body);

describe('decision follow-through and visibility', () => {
  it('given an internal decision, when it reacts, then every command it issues is internal', () => {
    for (const data of [organise, adopt]) {
      const issued = bodies(decided('internal', data));
      expect(issued.length).toBeGreaterThan(0);
      for (const body of issued) expect(body.visibility).toBe('internal');
    }
  });

  it('given a public decision, when it reacts, then the commands leave visibility to the entity they act on', () => {
    for (const data of [organise, adopt]) {
      const issued = bodies(decided('public', data));
      expect(issued.length).toBeGreaterThan(0);
      for (const body of issued) expect(body.visibility).toBeUndefined();
    }
  });
});
