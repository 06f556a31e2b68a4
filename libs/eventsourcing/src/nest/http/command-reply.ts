import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiResponse } from '@nestjs/swagger';

class CommandEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'PlanDrafted' }) type: string;
  @ApiProperty({ example: 42 }) position: number;
}

class CommandResultDto {
  @ApiProperty({ description: 'The command id (the Idempotency-Key when one was sent)' }) commandId: string;
  @ApiProperty({ example: 'plan-diaspora-2025' }) stream: string;
  @ApiProperty({
    example: 0,
    description: 'Stream revision after the command: send it as If-Match next time',
  })
  revision: number;
  @ApiProperty({ example: 42, description: 'Global position: pass it as minPosition to read your writes' })
  position: number;
  @ApiProperty({ type: [CommandEventDto] }) events: CommandEventDto[];
  @ApiProperty({ description: 'true when this is the first reply of an earlier identical request again' })
  replayed: boolean;
}

class ProblemDto {
  @ApiProperty({ example: 'urn:kurultai:problem:rule-violation' }) type: string;
  @ApiProperty() title: string;
  @ApiProperty() status: number;
  @ApiProperty({ required: false }) detail?: string;
  @ApiProperty({ required: false, description: 'The rule that refused the command' }) rule?: string;
  @ApiProperty({
    required: false,
    description: 'Offending fields',
    example: [{ field: 'year', message: 'year must be an integer' }],
  })
  errors?: { field: string; message: string }[];
}

/** OpenAPI description shared by every `POST /api/commands/{type}` route. */
export function CommandReply() {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'The command id: the same key and body return the first reply again; another body is 409',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The stream revision the client saw; 409 with the actual revision when it moved on',
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description: 'Ties this command to a larger piece of work',
    }),
    ApiOkResponse({ type: CommandResultDto, description: 'Recorded (or replayed)' }),
    ApiResponse({
      status: 400,
      type: ProblemDto,
      description: 'Invalid input: the offending fields are named',
    }),
    ApiResponse({ status: 404, type: ProblemDto, description: 'The entity does not exist' }),
    ApiResponse({ status: 409, type: ProblemDto, description: 'Concurrency or state conflict' }),
    ApiResponse({ status: 422, type: ProblemDto, description: 'A domain rule refused the command' }),
  );
}

/** `POST /api/commands/{type}`: the route of one command slice, documented. */
export function CommandRoute(type: string, summary: string, description?: string) {
  return applyDecorators(Post(type), HttpCode(200), ApiOperation({ summary, description }), CommandReply());
}
