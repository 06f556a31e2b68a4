import { fold } from '#eventsourcing/decider.js';
import { decisionFacts } from '../meetings/decision-facts.js';
import { meetingDecider } from '../meetings/meeting.decider.js';
import { meetingCommand } from '../meetings/testing/meeting-fixtures.js';
import { planDecider } from '../plans/joint-activity-plan.decider.js';
import type { ActivityKind } from '../plans/joint-activity-plan.js';
import { planCommand } from '../plans/testing/plan-fixtures.js';
import { story } from '../shared/testing/story.js';

const meetingId = 'diaspora-ministerial-6';
const planId = 'plan-diaspora-2025';
const MEMBERS = ['AZ', 'KZ', 'KG', 'TR', 'UZ'];
const planTitle = { en: 'Diaspora Joint Activity Plan of the OTS for the year 2025' };
const adoption = { en: 'The parties adopted the Diaspora Joint Activity Plan of the OTS for the year 2025.' };
const activities: [string, ActivityKind, string, string][] = [
  ['turkic-diaspora-forum', 'forum', 'Turkic Diaspora Forum', 'TR'],
  ['diaspora-youth-forum', 'forum', 'Diaspora Youth Forum', 'AZ'],
  ['capacity-building-training', 'training-programme', 'Capacity Building Training Program', 'KZ'],
  ['diaspora-exchange-of-experience', 'exchange-programme', 'Diaspora Exchange of Experience Program', 'UZ'],
  ['diaspora-internship', 'internship', 'Internship Program', 'KG'],
];

describe('the 6th diaspora ministerial meeting, Tashkent, 18 November 2024', () => {
  it('adopts the Diaspora Joint Activity Plan for 2025', () => {
    const meeting = story(meetingDecider);
    const title = {
      en: '6th Meeting of Ministers and Heads of Institutions in charge of Diaspora Affairs of the OTS',
    };
    const details = {
      meetingId,
      seriesId: 'diaspora-ministerial',
      number: 6,
      title,
      hostState: 'UZ',
      city: 'Tashkent',
      date: '2024-11-18',
    };
    meeting.step(
      meetingCommand('ScheduleMeeting', { ...details, hostInstitutionId: 'uz-interethnic-committee' }),
      [{ type: 'MeetingScheduled', data: { ...details, hostInstitutionId: 'uz-interethnic-committee' } }],
    );
    for (const state of [...MEMBERS, 'HU']) {
      const data = { meetingId, state, level: 'head-of-institution' as const };
      const membership = state === 'HU' ? 'observer' : 'member';
      meeting.step(meetingCommand('AccreditDelegation', data), [
        { type: 'DelegationAccredited', data: { ...data, membership, headOfDelegation: null } },
      ]);
    }
    meeting.step(meetingCommand('ConveneMeeting', { meetingId }), [
      { type: 'MeetingConvened', data: { meetingId, memberStatesPresent: MEMBERS } },
    ]);
    const decision = { meetingId, decisionId: 'decision-1', kind: 'adopted' as const, text: adoption };
    meeting.refused(
      meetingCommand('RecordDecision', {
        ...decision,
        subject: { planId },
        adoptingStates: [...MEMBERS, 'HU'],
      }),
      'decision.observers-do-not-count',
    );
    meeting.step(
      meetingCommand('RecordDecision', { ...decision, subject: { planId }, adoptingStates: MEMBERS }),
      [{ type: 'DecisionRecorded', data: { ...decision, subject: { planId }, adoptingStates: MEMBERS } }],
    );
    meeting.step(meetingCommand('CloseMeeting', { meetingId }), [
      { type: 'MeetingClosed', data: { meetingId } },
    ]);

    const plan = story(planDecider);
    const draft = { planId, seriesId: 'diaspora-ministerial', year: 2025, title: planTitle };
    plan.step(planCommand('DraftPlan', draft), [{ type: 'PlanDrafted', data: draft }]);
    for (const [activityId, kind, en, leadState] of activities) {
      const data = { planId, activityId, kind, title: { en }, leadState, participatingStates: MEMBERS };
      plan.step(planCommand('AddActivityToPlan', data), [
        {
          type: 'ActivityAddedToPlan',
          data: { ...data, leadInstitutionId: null, plannedStart: null, plannedEnd: null },
        },
      ]);
    }
    const cited = { meetingId, decisionId: 'decision-1' };
    const facts = {
      decision: decisionFacts(fold(meetingDecider, meeting.history), 'decision-1'),
      adoptedPlanOfSeriesYear: null,
    };
    plan.step(planCommand('AdoptPlan', { planId, decision: cited, facts }), [
      {
        type: 'PlanAdopted',
        data: {
          planId,
          seriesId: 'diaspora-ministerial',
          year: 2025,
          decision: cited,
          adoptedOn: '2024-11-18',
          adoptingStates: MEMBERS,
        },
      },
    ]);

    const adopted = fold(planDecider, plan.history);
    expect(adopted.status === 'adopted' && adopted.activities.map((a) => a.activityId)).toEqual(
      activities.map(([activityId]) => activityId),
    );
  });
});
