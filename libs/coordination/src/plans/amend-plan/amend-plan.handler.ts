import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandHandling,
  fold,
  readHistory,
  SliceCommand,
  splitCommandBody,
  type CommandResult,
} from '#eventsourcing';
import { decisionFacts } from '../../meetings/decision-facts.js';
import { meetingDecider } from '../../meetings/meeting.decider.js';
import { meetingStream, type MeetingEvent } from '../../meetings/meeting.js';
import type { AmendPlan } from '../joint-activity-plan.commands.js';
import { planDecider } from '../joint-activity-plan.decider.js';
import { planStream } from '../joint-activity-plan.js';
import type { AmendPlanDto } from './amend-plan.dto.js';

export class AmendPlanCommand extends SliceCommand<AmendPlanDto> {}

/** Prefetches what the cited decision's meeting knows of it, then decides on the plan's stream. */
@CommandHandler(AmendPlanCommand)
export class AmendPlanHandler implements ICommandHandler<AmendPlanCommand> {
  constructor(private readonly commands: CommandHandling) {}

  async execute({ body, request }: AmendPlanCommand): Promise<CommandResult> {
    const { data, extras } = splitCommandBody(body);
    const history = await readHistory(this.commands.store, meetingStream(data.decision.meetingId));
    const meeting = fold(meetingDecider, history as unknown as MeetingEvent[]);
    const decision = decisionFacts(meeting, data.decision.decisionId);
    const command = { type: 'AmendPlan', data: { ...data, facts: { decision } } } as Omit<
      AmendPlan,
      'metadata'
    >;
    return this.commands.handle(planDecider, planStream(data.planId), command, request, extras);
  }
}
