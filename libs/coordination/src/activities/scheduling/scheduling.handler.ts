import { Injectable } from '@nestjs/common';
import type { ICommandHandler } from '@nestjs/cqrs';
import {
  CommandHandling,
  fold,
  readHistory,
  Reservations,
  splitCommandBody,
  type CommandResult,
  type SliceCommand,
} from '#eventsourcing';
import type { ScheduleActivity, ScheduleForum } from '../activity.commands.js';
import { activityDecider } from '../activity.decider.js';
import { activityStream, type ActivityEvent, type ActivityState } from '../activity.js';
import type { PlanOrigin } from '../scheduling-facts.js';
import type { ActivitySchedulingDto } from './activity-scheduling.dto.js';
import { planOriginOf, readSchedulingFacts } from './read-scheduling-facts.js';

type Scheduling = Omit<ScheduleForum | ScheduleActivity, 'metadata'>;

/** Slug ids hold no dot, so the key tells plan and activity apart. */
const reservationKey = ({ planId, planActivityId }: PlanOrigin) =>
  `plan-activity-${planId}.${planActivityId}`;

/**
 * Prefetches the cited plan or decision and the lead institution, and claims the plan
 * activity (one activity per activity of a plan) before deciding; a refusal gives the claim back.
 */
@Injectable()
export abstract class SchedulingHandler<B extends ActivitySchedulingDto> implements ICommandHandler<
  SliceCommand<B>
> {
  protected abstract readonly commandType: Scheduling['type'];
  private readonly reservations: Reservations;

  constructor(private readonly commands: CommandHandling) {
    this.reservations = new Reservations(commands.store);
  }

  async execute({ body, request }: SliceCommand<B>): Promise<CommandResult> {
    const { data, extras } = splitCommandBody(body);
    const store = this.commands.store;
    const stream = activityStream(data.activityId);
    const facts = await readSchedulingFacts(store, data);
    const command = (planActivityScheduledAs: string | null) =>
      ({
        type: this.commandType,
        data: { ...data, facts: { ...facts, planActivityScheduledAs } },
      }) as Scheduling;
    const schedule = (holder: string | null) =>
      this.commands.handle(activityDecider, stream, command(holder), request, extras);
    const origin = planOriginOf(data.origin);
    const activity = await this.read(stream);
    // An activity already there is refused, or its command replayed, without claiming anything.
    if (origin === null || activity.status !== 'none') return schedule(null);

    // Decide once before claiming, so that a refused scheduling writes nothing at all.
    const metadata = this.commands.metadata(request, this.commandType, extras);
    activityDecider.decide({ ...command(null), metadata } as ScheduleForum, activity);
    const key = reservationKey(origin);
    const claim = await this.reservations.claim(key, data.activityId, metadata);
    try {
      return await schedule(claim.owner);
    } catch (error) {
      // A twin command that scheduled this very activity from this plan activity keeps the claim.
      const now = await this.read(stream);
      const kept =
        now.status !== 'none' && now.planId === origin.planId && now.planActivityId === origin.planActivityId;
      if (!kept) await this.reservations.release(key, claim, metadata);
      throw error;
    }
  }

  private async read(stream: string): Promise<ActivityState> {
    return fold(
      activityDecider,
      (await readHistory(this.commands.store, stream)) as unknown as ActivityEvent[],
    );
  }
}
