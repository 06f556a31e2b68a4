import { IntersectionType } from '@nestjs/swagger';
import { CommandBodyDto } from '#eventsourcing';
import { ActivityDto } from '../../shared/http/activity.dto.js';
import { EntityId } from '../../shared/http/validators.js';

class PlanRefDto {
  @EntityId('diaspora-2025')
  planId: string;
}

/** The plan, the activity as plans give it, and the fields every command may carry. */
export class AddActivityToPlanDto extends IntersectionType(PlanRefDto, ActivityDto, CommandBodyDto) {}
