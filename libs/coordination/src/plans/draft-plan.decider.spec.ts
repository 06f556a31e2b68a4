import { RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { DraftPlan } from './joint-activity-plan.commands.js';
import { planDecider } from './joint-activity-plan.decider.js';
import { PLAN_ID, drafted, planCommand } from './testing/plan-fixtures.js';

const draft = (data: Partial<DraftPlan['data']> = {}, recordedAt = '2024-11-01T09:00:00Z') =>
  planCommand('DraftPlan', { ...drafted.data, ...data }, { recordedAt });

describe('DraftPlan', () => {
  it('drafts a plan for a series and year', () => {
    given(planDecider).when(draft()).then([drafted]);
  });

  it('drafts a past plan recorded long after, such as the 2023 plan', () => {
    given(planDecider)
      .when(draft({ year: 2023 }, '2026-01-10T09:00:00Z'))
      .then([{ type: 'PlanDrafted', data: { ...drafted.data, year: 2023 } }]);
  });

  it('refuses to draft the same plan twice', () => {
    given(planDecider, [drafted]).when(draft()).thenRefuses(StateConflict, 'plan.already-drafted');
  });

  it.each([2008, 2028, 2025.5, Number.NaN])('refuses the year %p when recorded in 2024', (year) => {
    given(planDecider).when(draft({ year })).thenRefuses(RuleViolation, 'plan.year-out-of-range');
  });

  it('accepts a plan up to 3 years ahead', () => {
    given(planDecider)
      .when(draft({ year: 2027 }))
      .then([{ type: 'PlanDrafted', data: { ...drafted.data, year: 2027 } }]);
  });

  it('refuses a blank series', () => {
    given(planDecider)
      .when(draft({ seriesId: '' }))
      .thenRefuses(RuleViolation, 'plan.series-required');
  });

  it('refuses a title without English, or in a language Kurultai does not keep', () => {
    given(planDecider)
      .when(draft({ title: { tr: 'Diaspora Ortak Faaliyet Planı' } as never }))
      .thenRefuses(RuleViolation, 'text.english-required');
    given(planDecider)
      .when(draft({ title: { en: 'Plan', de: 'Plan' } as never }))
      .thenRefuses(RuleViolation, 'text.unknown-language');
    given(planDecider)
      .when(draft({ title: { en: 'Plan', ru: ' ' } }))
      .thenRefuses(RuleViolation, 'text.blank-translation');
  });

  it('keeps translations', () => {
    const title = {
      en: 'Diaspora Joint Activity Plan 2025',
      tr: 'Diaspora Ortak Eylem Planı 2025',
      'uz-Latn': 'Reja',
    };
    given(planDecider)
      .when(draft({ planId: PLAN_ID, title }))
      .then([{ type: 'PlanDrafted', data: { ...drafted.data, title } }]);
  });
});
