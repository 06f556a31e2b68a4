import { fold } from '#eventsourcing/decider.js';
import { planDecider } from '../plans/joint-activity-plan.decider.js';
import type { PlanAdopted, PlanEvent } from '../plans/joint-activity-plan.js';
import { CITED, activityAdded, drafted } from '../plans/testing/plan-fixtures.js';
import { planFacts } from './scheduling-facts.js';

const adopted: PlanAdopted = {
  type: 'PlanAdopted',
  data: { ...drafted.data, decision: CITED, adoptedOn: '2024-11-18', adoptingStates: ['TR', 'UZ'] },
};
const planOf = (events: PlanEvent[]) => fold(planDecider, events);

describe('planFacts', () => {
  it('tells whether the plan is adopted and how it lists the activity', () => {
    expect(planFacts(planOf([drafted, activityAdded(), adopted]), 'turkic-diaspora-forum-2025')).toEqual({
      planId: 'plan-diaspora-2025',
      status: 'adopted',
      activity: { activityId: 'turkic-diaspora-forum-2025', kind: 'forum' },
    });
    expect(planFacts(planOf([drafted, activityAdded()]), 'turkic-diaspora-forum-2025')?.status).toBe(
      'drafted',
    );
  });

  it('has no activity for one the plan does not list, and no facts for a plan never drafted', () => {
    expect(planFacts(planOf([drafted, activityAdded(), adopted]), 'other')?.activity).toBeNull();
    expect(planFacts(planOf([]), 'turkic-diaspora-forum-2025')).toBeNull();
  });
});
