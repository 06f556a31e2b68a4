import { EntityNotFound, RuleViolation, StateConflict } from '#eventsourcing/decider.js';
import { given } from '../shared/testing/given-when-then.js';
import type { SchedulingData } from './activity.commands.js';
import { activityDecider } from './activity.decider.js';
import {
  activityCommand,
  fromDecision,
  agreedToOrganise,
  forumData,
  planFactsOf,
  scheduled,
} from './testing/activity-fixtures.js';

const forum = (data: Partial<SchedulingData> = {}) => activityCommand('ScheduleForum', forumData(data));
const ytb = { institutionId: 'tr-ytb', state: 'TR' };

describe('ScheduleForum and ScheduleActivity', () => {
  it('schedules the Turkic Diaspora Forum of the 2025 plan, with NGOs', () => {
    given(activityDecider).when(forum()).then([scheduled()]);
  });

  it('records the place, the host and the lead institution of a participating state', () => {
    const place = { city: 'Istanbul', hostState: 'TR', leadInstitutionId: 'tr-ytb' };
    given(activityDecider)
      .when(forum({ ...place, facts: planFactsOf({ leadInstitution: ytb }) }))
      .then([scheduled(place)]);
  });

  it('stores what was not told as null', () => {
    given(activityDecider)
      .when(forum({ withNgos: undefined }))
      .then([scheduled({ withNgos: null })]);
  });

  it('schedules an internship programme from an "agreed to organise" decision', () => {
    const data = {
      ...forumData({
        origin: fromDecision,
        facts: { ...planFactsOf({ plan: null }), decision: agreedToOrganise() },
      }),
      activityId: 'internship-2025',
      kind: 'internship' as const,
      withNgos: undefined,
    };
    given(activityDecider)
      .when(activityCommand('ScheduleActivity', data))
      .then([
        scheduled({
          activityId: 'internship-2025',
          kind: 'internship',
          planId: null,
          planActivityId: null,
          ...fromDecision,
          withNgos: null,
        }),
      ]);
  });

  it('accepts a one-day activity', () => {
    given(activityDecider)
      .when(forum({ plannedEnd: '2025-05-20' }))
      .then([scheduled({ plannedEnd: '2025-05-20' })]);
  });

  it('refuses to schedule the same activity twice', () => {
    given(activityDecider, [scheduled()])
      .when(forum())
      .thenRefuses(StateConflict, 'activity.already-scheduled');
  });

  it('refuses a planned end before the planned start, and malformed dates', () => {
    given(activityDecider)
      .when(forum({ plannedStart: '2025-05-22', plannedEnd: '2025-05-20' }))
      .thenRefuses(RuleViolation, 'activity.end-before-start');
    given(activityDecider)
      .when(forum({ plannedEnd: '2025-02-30' }))
      .thenRefuses(RuleViolation, 'date.invalid');
  });

  it('refuses a lead state that does not take part', () => {
    given(activityDecider)
      .when(forum({ leadState: 'HU' }))
      .thenRefuses(RuleViolation, 'activity.lead-not-participating');
  });

  it('refuses unknown, missing or repeated states', () => {
    const refuses = (data: Partial<SchedulingData>, rule: string) =>
      given(activityDecider).when(forum(data)).thenRefuses(RuleViolation, rule);
    refuses({ participatingStates: ['TR', 'RU'] }, 'state.unknown');
    refuses({ participatingStates: [] }, 'state.list-empty');
    refuses({ participatingStates: ['TR', 'TR'] }, 'state.listed-twice');
    refuses({ hostState: 'GB' }, 'state.unknown');
  });

  it('refuses a lead institution of a state that does not take part, or of the Secretariat', () => {
    const lead = (state: string | null) =>
      forum({
        leadInstitutionId: 'i1',
        facts: planFactsOf({ leadInstitution: { institutionId: 'i1', state } }),
      });
    given(activityDecider)
      .when(lead('HU'))
      .thenRefuses(RuleViolation, 'activity.lead-institution-not-participating');
    given(activityDecider)
      .when(lead(null))
      .thenRefuses(RuleViolation, 'activity.lead-institution-not-participating');
  });

  it('refuses a lead institution that is not registered', () => {
    given(activityDecider)
      .when(forum({ leadInstitutionId: 'tr-ytb' }))
      .thenRefuses(EntityNotFound, 'institution.not-found');
  });

  it('refuses a title without English and a kind that is not a programme', () => {
    given(activityDecider)
      .when(forum({ title: { tr: 'Türk Diasporası Forumu' } as never }))
      .thenRefuses(RuleViolation, 'text.english-required');
    given(activityDecider)
      .when(activityCommand('ScheduleActivity', { ...forumData(), kind: 'forum' as never }))
      .thenRefuses(RuleViolation, 'activity.kind-unknown');
  });
});
