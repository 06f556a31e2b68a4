import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { RegisterStrategicDocument } from './strategic-document.commands.js';
import { strategicDocumentDecider } from './strategic-document.decider.js';
import {
  BISHKEK_DECLARATION,
  STRATEGY_2022_2026,
  VISION_2040,
  documentCommand,
  visionRegistered,
} from './testing/strategic-document-fixtures.js';

const register = (
  data: Partial<RegisterStrategicDocument['data']> = {},
  recordedAt = '2024-11-18T12:00:00Z',
) => documentCommand('RegisterStrategicDocument', { ...VISION_2040, ...data }, { recordedAt });

describe('RegisterStrategicDocument', () => {
  it('registers the Turkic World Vision-2040 with where it was adopted', () => {
    given(strategicDocumentDecider).when(register()).then([visionRegistered()]);
  });

  it.each([STRATEGY_2022_2026, BISHKEK_DECLARATION])('registers $documentId', (document) => {
    given(strategicDocumentDecider)
      .when(register(document))
      .then([{ type: 'StrategicDocumentRegistered', data: { ...document, source: null } }]);
  });

  it('keeps the source it is told in, absent fields as null', () => {
    const source = { kind: 'press-release', url: 'https://www.turkicstates.org/' };
    given(strategicDocumentDecider)
      .when(register({ source }))
      .then([visionRegistered({ source: { ...source, title: null, date: null } })]);
  });

  it('stores an absent place as null', () => {
    const { adoptedAtPlace: _place, ...withoutPlace } = VISION_2040;
    given(strategicDocumentDecider)
      .when(documentCommand('RegisterStrategicDocument', withoutPlace))
      .then([visionRegistered({ adoptedAtPlace: null })]);
  });

  it('refuses a second registration, even an identical one: the document is immutable', () => {
    given(strategicDocumentDecider, [visionRegistered()])
      .when(register())
      .thenRefuses(StateConflict, 'document.already-registered');
    given(strategicDocumentDecider, [visionRegistered()])
      .when(register({ title: { en: 'Turkic World Vision 2040 (corrected)' } }))
      .thenRefuses(StateConflict, 'document.already-registered');
  });

  it('refuses a kind it does not know', () => {
    given(strategicDocumentDecider)
      .when(register({ kind: 'treaty' as never }))
      .thenRefuses(RuleViolation, 'document.kind-unknown');
  });

  it('refuses a document not adopted yet when recorded', () => {
    given(strategicDocumentDecider)
      .when(register({ adoptedAt: '2024-11-20' }, '2024-11-18T12:00:00Z'))
      .thenRefuses(RuleViolation, 'document.adopted-in-future');
  });

  it('accepts a document adopted the next day in UTC, where the recording clock lags', () => {
    given(strategicDocumentDecider)
      .when(register({ adoptedAt: '2024-11-19' }, '2024-11-18T22:00:00Z'))
      .then([visionRegistered({ adoptedAt: '2024-11-19' })]);
  });

  it('refuses a title without English, an invalid date, a blank place or a source without kind', () => {
    given(strategicDocumentDecider)
      .when(register({ title: { tr: 'Vizyon' } as never }))
      .thenRefuses(RuleViolation, 'text.english-required');
    given(strategicDocumentDecider)
      .when(register({ adoptedAt: '12.11.2021' }))
      .thenRefuses(RuleViolation, 'date.invalid');
    given(strategicDocumentDecider)
      .when(register({ adoptedAtPlace: ' ' }))
      .thenRefuses(RuleViolation, 'document.place-blank');
    given(strategicDocumentDecider)
      .when(register({ source: { kind: '' } }))
      .thenRefuses(RuleViolation, 'document.source-kind-required');
    given(strategicDocumentDecider)
      .when(register({ source: { kind: 'minutes', title: '' } }))
      .thenRefuses(RuleViolation, 'document.source-blank');
  });

  it('refuses a blank id', () => {
    given(strategicDocumentDecider)
      .when(register({ documentId: '' }))
      .thenRefuses(RuleViolation, 'document.id-required');
  });
});
