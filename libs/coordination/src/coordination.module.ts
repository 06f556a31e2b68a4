import { Module } from '@nestjs/common';
import { MeetingsModule } from './meetings/meetings.module.js';
import { PlansModule } from './plans/plans.module.js';

/** Every command slice of the OTS coordination domain. */
@Module({ imports: [MeetingsModule, PlansModule] })
export class CoordinationModule {}
