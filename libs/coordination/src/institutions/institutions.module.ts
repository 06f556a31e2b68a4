import { Module } from '@nestjs/common';
import { RegisterInstitutionHandler } from './register-institution/register-institution.handler.js';
import { RegisterInstitutionRoute } from './register-institution/register-institution.route.js';
import { RenameInstitutionHandler } from './rename-institution/rename-institution.handler.js';
import { RenameInstitutionRoute } from './rename-institution/rename-institution.route.js';

/** The Institution slices: one folder per command. */
@Module({
  controllers: [RegisterInstitutionRoute, RenameInstitutionRoute],
  providers: [RegisterInstitutionHandler, RenameInstitutionHandler],
})
export class InstitutionsModule {}
