import { fold } from '#eventsourcing/decider.js';
import { decisionFacts } from '../meetings/decision-facts.js';
import { meetingDecider } from '../meetings/meeting.decider.js';
import { planDecider } from '../plans/joint-activity-plan.decider.js';
import { planCommand } from '../plans/testing/plan-fixtures.js';
import { story } from '../shared/testing/story.js';
import { MEMBERS, meetingId, organised, planId } from './tashkent-2024.data.js';
import { tellTheMeeting } from './tashkent-2024.story.js';

const planTitle = { en: 'Diaspora Joint Activity Plan of the OTS for the year 2025' };
/** The plan's activities: what was agreed to organise, but the next ministerial round. */
const [nextRound, ...programmes] = organised;

describe('the Diaspora Joint Activity Plan of the OTS for 2025', () => {
  it('is adopted at Tashkent, amended by the decision "agreed to organise", and closed at the end of 2025', () => {
    const meeting = fold(meetingDecider, tellTheMeeting().history);
    const plan = story(planDecider);
    const draft = { planId, seriesId: 'diaspora-ministerial', year: 2025, title: planTitle };
    plan.step(planCommand('DraftPlan', draft), [{ type: 'PlanDrafted', data: draft }]);
    for (const [activityId, kind, en, leadState] of programmes) {
      const data = { planId, activityId, kind, title: { en }, leadState, participatingStates: MEMBERS };
      plan.step(planCommand('AddActivityToPlan', data), [
        {
          type: 'ActivityAddedToPlan',
          data: { ...data, leadInstitutionId: null, plannedStart: null, plannedEnd: null },
        },
      ]);
    }
    const adoptedBy = { meetingId, decisionId: 'decision-1' };
    const adopted = { decision: decisionFacts(meeting, 'decision-1'), adoptedPlanOfSeriesYear: null };
    plan.step(planCommand('AdoptPlan', { planId, decision: adoptedBy, facts: adopted }), [
      {
        type: 'PlanAdopted',
        data: {
          planId,
          seriesId: 'diaspora-ministerial',
          year: 2025,
          decision: adoptedBy,
          adoptedOn: '2024-11-18',
          adoptingStates: MEMBERS,
        },
      },
    ]);

    const [activityId, kind, en, leadState] = nextRound;
    const round = { activityId, kind, title: { en }, leadState, participatingStates: MEMBERS };
    const amendedBy = { meetingId, decisionId: 'organise-2025' };
    const amendment = { planId, amendmentId: 'next-ministerial-round', decision: amendedBy };
    const facts = { decision: decisionFacts(meeting, 'organise-2025') };
    plan.refused(
      planCommand('AddActivityToPlan', { planId, ...round, activityId: 'late' }),
      'plan.adopted-amend-instead',
    );
    plan.step(planCommand('AmendPlan', { ...amendment, changes: { addActivities: [round] }, facts }), [
      {
        type: 'PlanAmended',
        data: {
          ...amendment,
          amendedOn: '2024-11-18',
          addedActivities: [{ ...round, leadInstitutionId: null, plannedStart: null, plannedEnd: null }],
          removedActivityIds: [],
          newTitle: null,
        },
      },
    ]);

    const yearEnd = { recordedAt: '2026-01-20T09:00:00Z' };
    plan.step(planCommand('ClosePlan', { planId, closedOn: '2025-12-31' }, yearEnd), [
      { type: 'PlanClosed', data: { planId, closedOn: '2025-12-31', reason: null } },
    ]);
    plan.refused(
      planCommand('AmendPlan', {
        ...amendment,
        amendmentId: 'too-late',
        changes: { retitle: planTitle },
        facts,
      }),
      'plan.closed',
    );

    const closed = fold(planDecider, plan.history);
    expect(closed.status === 'closed' && closed.activities.map((a) => a.activityId)).toEqual([
      ...programmes.map(([id]) => id),
      activityId,
    ]);
  });
});
