import { Module, type DynamicModule } from '@nestjs/common';
import { AUDIT_OPTIONS, AuditLog, type AuditOptions } from './audit-log.service.js';
import { AuditLogController } from './audit.controller.js';

/** Signed checkpoints, proofs and verification of the embedded store's log; needs `EVENT_STORE`. */
@Module({})
export class AuditLogModule {
  static forRoot(options: AuditOptions): DynamicModule {
    return {
      module: AuditLogModule,
      controllers: [AuditLogController],
      providers: [{ provide: AUDIT_OPTIONS, useValue: options }, AuditLog],
      exports: [AuditLog],
    };
  }
}
