import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandHandling,
  fold,
  readHistory,
  Reservations,
  SliceCommand,
  splitCommandBody,
  type CommandResult,
} from '#eventsourcing';
import { decisionFacts } from '../../meetings/decision-facts.js';
import { meetingDecider } from '../../meetings/meeting.decider.js';
import { meetingStream, type MeetingEvent } from '../../meetings/meeting.js';
import type { AdoptPlan } from '../joint-activity-plan.commands.js';
import { planDecider } from '../joint-activity-plan.decider.js';
import { planStream, type PlanEvent } from '../joint-activity-plan.js';
import type { AdoptPlanDto } from './adopt-plan.dto.js';

export class AdoptPlanCommand extends SliceCommand<AdoptPlanDto> {}

/**
 * Prefetches what the decision's meeting knows of it, and claims the plan's series and year
 * (one adopted plan per series and year) before deciding; a refused adoption gives the claim back.
 */
@CommandHandler(AdoptPlanCommand)
export class AdoptPlanHandler implements ICommandHandler<AdoptPlanCommand> {
  private readonly reservations: Reservations;

  constructor(private readonly commands: CommandHandling) {
    this.reservations = new Reservations(commands.store);
  }

  async execute({ body, request }: AdoptPlanCommand): Promise<CommandResult> {
    const { data, extras } = splitCommandBody(body);
    const store = this.commands.store;
    const meeting = fold(
      meetingDecider,
      (await readHistory(store, meetingStream(data.decision.meetingId))) as unknown as MeetingEvent[],
    );
    const decision = decisionFacts(meeting, data.decision.decisionId);
    const history = await readHistory(store, planStream(data.planId));
    const plan = fold(planDecider, history as unknown as PlanEvent[]);
    const alreadyHandled = history.some((e) => e.metadata.commandId === request.commandId);
    const command = (adoptedPlanOfSeriesYear: string | null) =>
      ({ type: 'AdoptPlan', data: { ...data, facts: { decision, adoptedPlanOfSeriesYear } } }) as Omit<
        AdoptPlan,
        'metadata'
      >;
    const adopt = (holder: string | null) =>
      this.commands.handle(planDecider, planStream(data.planId), command(holder), request, extras);
    // Unknown plans are refused, and a command handled before is answered from the log.
    if (plan.status === 'none' || alreadyHandled) return adopt(null);

    // Decide once before claiming, so that a refused adoption writes nothing at all.
    const metadata = this.commands.metadata(request, 'AdoptPlan', extras);
    if (plan.status === 'drafted') planDecider.decide({ ...command(null), metadata }, plan);
    const key = `plan-adoption-${plan.seriesId}-${plan.year}`;
    const claim = await this.reservations.claim(key, data.planId, metadata);
    try {
      return await adopt(claim.owner === data.planId ? null : claim.owner);
    } catch (error) {
      await this.reservations.release(key, claim, metadata);
      throw error;
    }
  }
}
