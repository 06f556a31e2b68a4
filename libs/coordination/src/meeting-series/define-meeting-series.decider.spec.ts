import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { DefineMeetingSeries } from './meeting-series.commands.js';
import { meetingSeriesDecider } from './meeting-series.decider.js';
import { meetingSeriesCommand, seriesDefined } from './testing/meeting-series-fixtures.js';

const define = (data: Partial<DefineMeetingSeries['data']> = {}) =>
  meetingSeriesCommand('DefineMeetingSeries', { ...seriesDefined.data, ...data });

describe('DefineMeetingSeries', () => {
  it('defines a series of meetings in a field of cooperation', () => {
    given(meetingSeriesDecider).when(define()).then([seriesDefined]);
  });

  it('refuses to define a series twice', () => {
    given(meetingSeriesDecider, [seriesDefined])
      .when(define())
      .thenRefuses(StateConflict, 'series.already-defined');
  });

  it.each(['', 'Diaspora', 'diaspora affairs', '-diaspora'])('refuses the domain %p', (domain) => {
    given(meetingSeriesDecider).when(define({ domain })).thenRefuses(RuleViolation, 'series.domain-invalid');
  });

  it('refuses a title without English', () => {
    given(meetingSeriesDecider)
      .when(define({ title: { ru: 'Совещание' } as never }))
      .thenRefuses(RuleViolation, 'text.english-required');
  });

  it('refuses a blank id', () => {
    given(meetingSeriesDecider)
      .when(define({ seriesId: '' }))
      .thenRefuses(RuleViolation, 'series.id-required');
  });
});
