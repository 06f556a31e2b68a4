import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { planDecider } from '../joint-activity-plan.decider.js';
import { planStream } from '../joint-activity-plan.js';
import type { DraftPlanDto } from './draft-plan.dto.js';

export class DraftPlanCommand extends SliceCommand<DraftPlanDto> {}

@CommandHandler(DraftPlanCommand)
export class DraftPlanHandler extends DeciderCommandHandler<DraftPlanDto> {
  protected readonly decider = planDecider;
  protected readonly commandType = 'DraftPlan';
  protected stream = (data: { planId: string }) => planStream(data.planId);
}
