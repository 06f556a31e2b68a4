import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { planDecider } from '../joint-activity-plan.decider.js';
import { planStream } from '../joint-activity-plan.js';
import type { AddActivityToPlanDto } from './add-activity-to-plan.dto.js';

export class AddActivityToPlanCommand extends SliceCommand<AddActivityToPlanDto> {}

@CommandHandler(AddActivityToPlanCommand)
export class AddActivityToPlanHandler extends DeciderCommandHandler<AddActivityToPlanDto> {
  protected readonly decider = planDecider;
  protected readonly commandType = 'AddActivityToPlan';
  protected stream = (data: { planId: string }) => planStream(data.planId);
}
