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
import type { Actor } from '#event-store';
import { actorOfRequest, ProblemException } from '#eventsourcing';
import { Webhooks, type SubscriptionStatus } from './webhooks.service.js';

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
    return this.webhooks.register({ ...body, actor: callerOf(request) });
  }

  @Get()
  @ApiOperation({ summary: 'The webhook subscriptions the caller may manage, with their delivery status' })
  async list(@Req() request: unknown) {
    const caller = callerOf(request);
    return { items: (await this.webhooks.list()).filter((subscription) => mayManage(caller, subscription)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook subscription with its delivery status' })
  get(@Param() params: SubscriptionIdParam, @Req() request: unknown) {
    return this.owned(params.id, request);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stops delivering; the checkpoint stays where it is' })
  async pause(@Param() params: SubscriptionIdParam, @Req() request: unknown) {
    await this.owned(params.id, request);
    return this.webhooks.pause(params.id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delivers again from the checkpoint' })
  async resume(@Param() params: SubscriptionIdParam, @Req() request: unknown) {
    await this.owned(params.id, request);
    return this.webhooks.resume(params.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes the subscription, its checkpoint and its parked deliveries' })
  async remove(@Param() params: SubscriptionIdParam, @Req() request: unknown): Promise<void> {
    await this.owned(params.id, request);
    await this.webhooks.remove(params.id);
  }

  @Get(':id/parked')
  @ApiOperation({ summary: 'Events that failed every attempt, in log order' })
  async parked(@Param() params: SubscriptionIdParam, @Req() request: unknown) {
    await this.owned(params.id, request);
    return { items: this.webhooks.parked(params.id) };
  }

  @Post(':id/parked/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Re-delivers the parked events in log order, before the next live event' })
  async replay(@Param() params: SubscriptionIdParam, @Req() request: unknown) {
    await this.owned(params.id, request);
    return this.webhooks.replayParked(params.id);
  }

  /** The subscription, when the caller may manage it; otherwise 404, as if it did not exist. */
  private async owned(id: string, request: unknown): Promise<SubscriptionStatus> {
    const subscription = await this.webhooks.status(id);
    if (!mayManage(callerOf(request), subscription))
      throw ProblemException.of(404, 'not-found', 'Not found', `there is no webhook subscription ${id}`);
    return subscription;
  }
}

const ANONYMOUS: Actor = { id: 'anonymous', role: 'anonymous', state: null };

function callerOf(request: unknown): Actor {
  return actorOfRequest(request) ?? ANONYMOUS;
}

/**
 * The Secretariat and auditors see every subscription (the rights table keeps auditors to
 * reading); anyone else only those they registered themselves.
 */
export function mayManage(caller: Actor, subscription: Pick<SubscriptionStatus, 'registeredBy'>): boolean {
  if (caller.role === 'secretariat' || caller.role === 'auditor') return true;
  return subscription.registeredBy !== null && subscription.registeredBy.id === caller.id;
}
