import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { planDecider } from '../joint-activity-plan.decider.js';
import { planStream } from '../joint-activity-plan.js';
import type { ClosePlanDto } from './close-plan.dto.js';

export class ClosePlanCommand extends SliceCommand<ClosePlanDto> {}

@CommandHandler(ClosePlanCommand)
export class ClosePlanHandler extends DeciderCommandHandler<ClosePlanDto> {
  protected readonly decider = planDecider;
  protected readonly commandType = 'ClosePlan';
  protected stream = (data: { planId: string }) => planStream(data.planId);
}
