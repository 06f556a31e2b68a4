import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#event-store';
import { callerOf } from './actor.js';

class CallerDto {
  @ApiProperty({ example: 'aigerim.kz', description: 'The actor id (the token subject, or api-key:<id>)' })
  id: string;
  @ApiProperty({ enum: ['secretariat', 'focal-point', 'auditor', 'service', 'anonymous'] })
  role: string;
  @ApiPropertyOptional({ example: 'KZ', nullable: true, description: "A focal point's state" })
  state: string | null;
}

/** `GET /api/identity`: who the engine takes the caller for (anonymous without credentials). */
@ApiTags('identity')
@Controller('api/identity')
export class IdentityController {
  @Get()
  @ApiOperation({
    summary: 'The verified caller of this request: id, role and state (401 for bad credentials)',
  })
  @ApiOkResponse({ type: CallerDto })
  whoAmI(@Req() request: unknown): Actor {
    const { id, role, state } = callerOf(request);
    return { id, role, state: state ?? null };
  }
}
