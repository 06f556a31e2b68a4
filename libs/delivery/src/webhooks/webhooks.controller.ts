import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { actorOfRequest } from '#eventsourcing';
import { Webhooks } from './webhooks.service.js';

class SubscriptionFilterDto {
  @ApiPropertyOptional({ type: [String], example: ['PlanAdopted'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  types?: string[];

  @ApiPropertyOptional({ type: [String], example: ['plan', 'meeting'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^[a-z0-9][a-z0-9_]{0,99}$/, { each: true, message: 'categories must be stream categories' })
  categories?: string[];
}

class RegisterSubscriptionDto {
  @ApiProperty({ example: 'ministry-portal' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'id must be a slug (a-z, 0-9, -)' })
  id: string;

  @ApiProperty({ example: 'https://receiver.example.org/kurultai' })
  @IsString()
  @MaxLength(2048)
  url: string;

  @ApiProperty({ description: 'HMAC key, at least 32 characters; never shown again', minLength: 32 })
  @IsString()
  @MinLength(32, { message: 'secret must be at least 32 characters' })
  @MaxLength(512)
  secret: string;

  @ApiPropertyOptional({ type: SubscriptionFilterDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SubscriptionFilterDto)
  filter?: SubscriptionFilterDto;

  @ApiPropertyOptional({
    description: 'Deliver events after this position; default the head (new events only)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  from?: number;
}

class SubscriptionIdParam {
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'id must be a slug (a-z, 0-9, -)' })
  id: string;
}

/** Webhook subscriptions (docs/webhooks.md). */
@ApiTags('subscriptions')
@Controller('api/subscriptions')
export class WebhooksController {
  constructor(private readonly webhooks: Webhooks) {}

  @Post()
  @ApiOperation({
    summary:
      'Registers a webhook: signed POSTs of the matching events the registering caller may see, in log order',
  })
  register(@Body() body: RegisterSubscriptionDto, @Req() request: unknown) {
    const actor = actorOfRequest(request) ?? { id: 'anonymous', role: 'anonymous' as const, state: null };
    return this.webhooks.register({ ...body, actor });
  }

  @Get()
  @ApiOperation({ summary: 'Every webhook subscription with its delivery status' })
  async list() {
    return { items: await this.webhooks.list() };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook subscription with its delivery status' })
  get(@Param() params: SubscriptionIdParam) {
    return this.webhooks.status(params.id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stops delivering; the checkpoint stays where it is' })
  pause(@Param() params: SubscriptionIdParam) {
    return this.webhooks.pause(params.id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delivers again from the checkpoint' })
  resume(@Param() params: SubscriptionIdParam) {
    return this.webhooks.resume(params.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes the subscription, its checkpoint and its parked deliveries' })
  async remove(@Param() params: SubscriptionIdParam): Promise<void> {
    await this.webhooks.remove(params.id);
  }

  @Get(':id/parked')
  @ApiOperation({ summary: 'Events that failed every attempt, in log order' })
  parked(@Param() params: SubscriptionIdParam) {
    return { items: this.webhooks.parked(params.id) };
  }

  @Post(':id/parked/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Re-delivers the parked events in log order, before the next live event' })
  replay(@Param() params: SubscriptionIdParam) {
    return this.webhooks.replayParked(params.id);
  }
}
