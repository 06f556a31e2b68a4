import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException, problemType } from '#eventsourcing';
import { EventFeed, type FeedQuery } from './event-feed.js';
import { STATE_CODE } from './state-filter.js';

export const MAX_PAGE = 1000;
const WHOLE = /^\d{1,15}$/;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;
const CATEGORY = /^[a-z0-9][a-z0-9_.]{0,49}$/;

/** A whole number written in digits only: anything else stays a string and fails `IsInt`. */
const whole = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && WHOLE.test(value) ? Number(value) : value;
/** `a,b,c` → `['a', 'b', 'c']`; an empty item stays and fails the pattern. */
const list = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.split(',') : value;

export class EventsQueryDto {
  @ApiPropertyOptional({
    description: 'Only the events strictly after this global position (0: from the start)',
    example: 0,
    type: Number,
  })
  @IsOptional()
  @Transform(whole)
  @IsInt({ message: 'after must be a whole number (a global position)' })
  @Min(0)
  after?: number;

  @ApiPropertyOptional({
    description: 'Page size (GET /api/events only)',
    default: 100,
    minimum: 1,
    maximum: MAX_PAGE,
    type: Number,
  })
  @IsOptional()
  @Transform(whole)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE)
  limit?: number;

  @ApiPropertyOptional({
    description: 'Event types, comma-separated',
    example: 'PlanAdopted,DecisionRecorded',
    type: String,
  })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(50)
  @Matches(EVENT_TYPE, { each: true, message: 'types must be a comma-separated list of event types' })
  types?: string[];

  @ApiPropertyOptional({
    description: 'Stream categories (the part of the stream name before the first dash), comma-separated',
    example: 'plan,meeting',
    type: String,
  })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(50)
  @Matches(CATEGORY, {
    each: true,
    message: 'category must be a comma-separated list of stream categories such as plan',
  })
  category?: string[];

  @ApiPropertyOptional({
    description:
      "Only the events that concern this state: acting state, the state's own stream, or a state code in the data (see docs/subscriptions.md)",
    example: 'UZ',
  })
  @IsOptional()
  @Matches(STATE_CODE, { message: 'state must be a two-letter state code such as UZ' })
  state?: string;
}

/** The global log for downstream subscribers (DESIGN §6, §9; docs/subscriptions.md). */
@ApiTags('events')
@Controller('api/events')
export class EventsRoute {
  constructor(private readonly feed: EventFeed) {}

  @Get()
  @ApiOperation({
    summary: 'Pages through the global log in order',
    description:
      'Follow `next.after` until `next` is null. Only the events the caller may see (docs/visibility.md); anonymous callers get 401.',
  })
  page(@Query() query: EventsQueryDto, @Req() request: FastifyRequest) {
    return this.feed.page(this.toFeedQuery(query, undefined, request), query.limit ?? 100);
  }

  @Get('stream')
  @ApiOperation({
    summary: 'The global log as Server-Sent Events: catch-up from a position, then live',
    description:
      'Each message: `id: <position>`, `event: <type>`, `data: <envelope JSON>`. Resume with the `Last-Event-ID` ' +
      'header (it wins over `after`). Heartbeat comments keep the connection open; a client that does not read ' +
      'gets `event: overflow` and the connection is closed (resume from the last id received).',
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The last position received' })
  @ApiResponse({ status: 200, description: 'An endless event stream' })
  stream(
    @Query() query: EventsQueryDto,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): void {
    if (query.limit !== undefined) throw invalid('limit', 'limit applies to GET /api/events only');
    const feedQuery = this.toFeedQuery(query, lastEventId, request);
    reply.hijack();
    this.feed.stream(reply.raw, feedQuery);
  }

  private toFeedQuery(query: EventsQueryDto, lastEventId: string | undefined, request: unknown): FeedQuery {
    let after = query.after ?? 0;
    if (lastEventId !== undefined && lastEventId !== '') {
      if (!WHOLE.test(lastEventId))
        throw invalid('Last-Event-ID', 'Last-Event-ID must be a global position (digits)');
      after = Number(lastEventId);
    }
    return {
      after,
      ...(query.types ? { eventTypes: query.types } : {}),
      ...(query.category ? { categories: query.category } : {}),
      ...(query.state ? { state: query.state } : {}),
      canSee: this.feed.canSeeFor(request),
    };
  }
}

function invalid(field: string, message: string): ProblemException {
  return new ProblemException({
    type: problemType('validation'),
    title: 'The request is not valid',
    status: 400,
    detail: 'One or more fields are missing or wrong',
    errors: [{ field, message }],
  });
}
