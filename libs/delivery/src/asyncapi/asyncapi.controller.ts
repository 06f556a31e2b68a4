import { Controller, Get, Header, Param, Req } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { EVENT_SCHEMAS, eventSchemaOf } from '#coordination';
import { ProblemException } from '#eventsourcing';
import { asyncApiDocument } from './asyncapi-document.js';

/** The contract of the feeds: the AsyncAPI document and each event type's JSON Schema. */
@ApiTags('events')
@Controller('api')
export class AsyncApiController {
  @Get('asyncapi.json')
  @ApiOperation({ summary: 'AsyncAPI 3.0 document of the event stream, the event pages and the webhooks' })
  asyncApi(@Req() request: FastifyRequest) {
    return asyncApiDocument(request.headers.host ?? 'localhost');
  }

  @Get('schemas/events')
  @ApiOperation({ summary: 'Every event type with its schema version and the address of its JSON Schema' })
  index() {
    return {
      items: EVENT_SCHEMAS.map(({ type, aggregate, category, version, description }) => ({
        type,
        aggregate,
        category,
        version,
        description,
        schema: `/api/schemas/events/${type}.json`,
      })),
    };
  }

  @Get('schemas/events/:file')
  @Header('content-type', 'application/schema+json')
  @ApiParam({ name: 'file', example: 'PlanAdopted.json' })
  @ApiOperation({ summary: "An event type's payload schema (JSON Schema 2020-12), at its current version" })
  schema(@Param('file') file: string) {
    const entry = file.endsWith('.json') ? eventSchemaOf(file.slice(0, -'.json'.length)) : undefined;
    if (!entry) {
      throw ProblemException.of(
        404,
        'not-found',
        'No such event type',
        `${file} is not the schema of an event type`,
      );
    }
    return entry.schema;
  }
}
