import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { assertLocalizedText } from '../shared/localized-text.js';
import { assertText } from '../shared/required.js';
import type { DefineMeetingSeries } from './meeting-series.commands.js';
import type { MeetingSeriesDefined, MeetingSeriesState } from './meeting-series.js';

/** A field of cooperation: a slug such as `diaspora`, `culture`, `youth-and-sports`. */
const DOMAIN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function defineMeetingSeries(
  command: DefineMeetingSeries,
  state: MeetingSeriesState,
): [MeetingSeriesDefined] {
  const data = command.data;
  if (state.status === 'defined') {
    throw new StateConflict(
      'series.already-defined',
      `meeting series ${data.seriesId} is already defined`,
      'seriesId',
    );
  }
  assertText(data.seriesId, 'series.id-required', 'seriesId');
  assertLocalizedText(data.title, 'title');
  if (typeof data.domain !== 'string' || !DOMAIN.test(data.domain)) {
    throw new RuleViolation(
      'series.domain-invalid',
      'the domain is a field of cooperation written as a slug, such as diaspora',
      'domain',
    );
  }
  return [
    {
      type: 'MeetingSeriesDefined',
      data: { seriesId: data.seriesId, title: data.title, domain: data.domain },
    },
  ];
}
