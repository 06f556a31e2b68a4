import { Module } from '@nestjs/common';
import { PlanImplementationModule } from './plan-implementation/plan-implementation.module.js';

/** Every read model's queries and routes. */
@Module({
  imports: [PlanImplementationModule],
})
export class ReadModelsModule {}
