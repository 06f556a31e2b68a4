import { Body, Controller } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandRequestContext, CommandRoute, type CommandRequest } from '#eventsourcing';
import { ScheduleReviewDto } from './schedule-review.dto.js';
import { ScheduleReviewCommand } from './schedule-review.handler.js';

@ApiTags('commands: follow-ups')
@Controller('api/commands')
export class ScheduleReviewRoute {
  constructor(private readonly bus: CommandBus) {}

  @CommandRoute('ScheduleReview', 'Schedule a review of an open follow-up, at a meeting or on a day')
  run(@Body() body: ScheduleReviewDto, @CommandRequestContext() request: CommandRequest) {
    return this.bus.execute(new ScheduleReviewCommand(body, request));
  }
}
