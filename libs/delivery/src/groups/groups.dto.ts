import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { CONSUMER_STRATEGIES, GROUP_NAME, type ConsumerStrategy } from '#event-store';

const NAME_MESSAGE =
  'name must be 1 to 100 letters, digits, ".", "_" or "-", starting with a letter or digit';

/** `start`, `end`, or a position of the log to start strictly after. */
@ValidatorConstraint({ name: 'groupStart' })
class GroupStart implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return value === 'start' || value === 'end' || (Number.isSafeInteger(value) && (value as number) >= 0);
  }

  defaultMessage(): string {
    return 'from must be "start", "end" or a position (a whole number of 0 or more)';
  }
}

export class GroupFilterDto {
  @ApiPropertyOptional({ type: [String], example: ['PlanAdopted', 'ActivityCompleted'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  types?: string[];

  @ApiPropertyOptional({ type: [String], example: ['plan', 'activity'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^[a-z0-9][a-z0-9_]{0,99}$/, { each: true, message: 'categories must be stream categories' })
  categories?: string[];
}

/** The settings a group can change after it was created (docs/eventstoredb.md). */
export class GroupSettingsDto {
  @ApiPropertyOptional({ enum: CONSUMER_STRATEGIES, default: 'round-robin' })
  @IsOptional()
  @IsIn(CONSUMER_STRATEGIES, { message: `consumerStrategy must be one of ${CONSUMER_STRATEGIES.join(', ')}` })
  consumerStrategy?: ConsumerStrategy;

  @ApiPropertyOptional({ description: 'deliveries of one event before it is parked', default: 10 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000)
  maxRetryCount?: number;

  @ApiPropertyOptional({
    description: 'an event not acknowledged within this time is delivered again',
    default: 30_000,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  messageTimeoutMs?: number;

  @ApiPropertyOptional({ description: 'how often the server may write the group position', default: 2_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  checkpointAfterMs?: number;

  @ApiPropertyOptional({ default: 10 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  minCheckpointCount?: number;

  @ApiPropertyOptional({ default: 1_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  maxCheckpointCount?: number;

  @ApiPropertyOptional({ description: 'consumers at once; 0 for no limit', default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000)
  maxSubscriberCount?: number;
}

export class CreateGroupDto extends GroupSettingsDto {
  @ApiProperty({ example: 'foreign-ministry-portal' })
  @IsString()
  @Matches(GROUP_NAME, { message: NAME_MESSAGE })
  name: string;

  @ApiPropertyOptional({
    description: '"start", "end" (new events only, the default) or a position to start strictly after',
    oneOf: [
      { type: 'string', enum: ['start', 'end'] },
      { type: 'integer', minimum: 0 },
    ],
  })
  @IsOptional()
  @Validate(GroupStart)
  from?: 'start' | 'end' | number;

  @ApiPropertyOptional({ type: GroupFilterDto, description: 'event types or stream categories, not both' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => GroupFilterDto)
  filter?: GroupFilterDto;
}

export class GroupNameParam {
  @Matches(GROUP_NAME, { message: NAME_MESSAGE })
  name: string;
}

export class ReplayParkedDto {
  @ApiPropertyOptional({ description: 'replay only the first this many parked events' })
  @IsOptional()
  @IsInt()
  @Min(1)
  stopAt?: number;
}
