import { BadRequestException, Controller, Get, Header, NotFoundException, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditLog, AuditRangeError } from './audit-log.service.js';

function whole(name: string, value: string | undefined): number {
  if (value === undefined || !/^\d{1,15}$/.test(value)) {
    throw new BadRequestException(`${name} must be a whole number`);
  }
  return Number(value);
}

function inRange<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof AuditRangeError) throw new BadRequestException(error.message);
    throw error;
  }
}

/** The tamper-evident log: signed checkpoints, Merkle proofs and verification (docs/audit.md). */
@ApiTags('audit')
@Controller('api/audit')
export class AuditLogController {
  constructor(private readonly audit: AuditLog) {}

  @Post('checkpoints')
  @ApiOperation({ summary: 'Signs a checkpoint of the whole log now and stores it in the log' })
  async checkpoint() {
    const { checkpoint, position } = await this.audit.writeCheckpoint();
    return { position, checkpoint };
  }

  @Get('checkpoints')
  @ApiOperation({ summary: 'Every signed checkpoint in the log, oldest first' })
  checkpoints() {
    return { keyId: this.audit.key.keyId, items: this.audit.checkpoints() };
  }

  @Get('checkpoints/latest.txt')
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'The latest checkpoint as a signed note a third party can keep' })
  latest(): string {
    const note = this.audit.latestNote();
    if (note === null) throw new NotFoundException('no checkpoint has been signed yet');
    return note;
  }

  @Get('public-keys')
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: 'The public keys that verify the checkpoints (PEM), current and retired' })
  publicKeys(): string {
    return this.audit.publicKeys().join('');
  }

  @Get('proofs/inclusion')
  @ApiOperation({ summary: 'Proof (RFC 9162 PATH) that the event at a position is in the log of a size' })
  inclusion(@Query('position') position?: string, @Query('size') size?: string) {
    const at = whole('position', position);
    return inRange(() =>
      this.audit.inclusion(at, size === undefined ? this.audit.size() : whole('size', size)),
    );
  }

  @Get('proofs/consistency')
  @ApiOperation({
    summary: 'Proof (RFC 9162 PROOF) that the log of one size is a prefix of the log of another',
  })
  consistency(@Query('from') from?: string, @Query('to') to?: string) {
    const first = whole('from', from);
    return inRange(() =>
      this.audit.consistency(first, to === undefined ? this.audit.size() : whole('to', to)),
    );
  }

  @Get('verify')
  @ApiOperation({ summary: 'Walks the whole log: hash chain, checkpoint roots and signatures' })
  verify() {
    return this.audit.verify();
  }
}
