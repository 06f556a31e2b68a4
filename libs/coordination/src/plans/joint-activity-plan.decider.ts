import { unreachable, type Decider } from '#eventsourcing/decider.js';
import { addActivityToPlan } from './add-activity.rules.js';
import { adoptPlan } from './adopt-plan.rules.js';
import { amendPlan } from './amend-plan.rules.js';
import { closePlan } from './close-plan.rules.js';
import { draftPlan } from './draft-plan.rules.js';
import type { PlanCommand } from './joint-activity-plan.commands.js';
import type { PlanEvent, PlanState } from './joint-activity-plan.js';
import { evolvePlan, initialPlanState } from './joint-activity-plan.js';
import { existingPlan } from './plan.guards.js';

export type {
  DraftPlan,
  AddActivityToPlan,
  AdoptionFacts,
  AdoptPlan,
  AmendmentFacts,
  AmendPlan,
  ClosePlan,
  PlanCommand,
} from './joint-activity-plan.commands.js';

export function decidePlan(command: PlanCommand, state: PlanState): readonly PlanEvent[] {
  switch (command.type) {
    case 'DraftPlan':
      return draftPlan(command, state);
    case 'AddActivityToPlan':
      return addActivityToPlan(command, existingPlan(state, command.data.planId));
    case 'AdoptPlan':
      return adoptPlan(command, existingPlan(state, command.data.planId));
    case 'AmendPlan':
      return amendPlan(command, existingPlan(state, command.data.planId));
    case 'ClosePlan':
      return closePlan(command, existingPlan(state, command.data.planId));
    default:
      return unreachable(command);
  }
}

export const planDecider: Decider<PlanCommand, PlanEvent, PlanState> = {
  initialState: initialPlanState,
  evolve: evolvePlan,
  decide: decidePlan,
};
