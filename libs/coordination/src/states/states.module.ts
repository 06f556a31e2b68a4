import { Module } from '@nestjs/common';
import { ChangeMembershipStatusHandler } from './change-membership-status/change-membership-status.handler.js';
import { ChangeMembershipStatusRoute } from './change-membership-status/change-membership-status.route.js';
import { RegisterStateHandler } from './register-state/register-state.handler.js';
import { RegisterStateRoute } from './register-state/register-state.route.js';

/** The State slices: one folder per command. */
@Module({
  controllers: [RegisterStateRoute, ChangeMembershipStatusRoute],
  providers: [RegisterStateHandler, ChangeMembershipStatusHandler],
})
export class StatesModule {}
