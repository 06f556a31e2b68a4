import {
  Controller,
  Get,
  Inject,
  Module,
  Query,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { EVENT_STORE, type EventStore } from '#event-store';
import type { ProcessManager } from '../process-managers/process-manager.js';
import { ProcessManagerRunner } from '../process-managers/process-manager-runner.js';
import { ProblemException } from './http/problem.js';
import type { EventSourcingOptions } from './event-sourcing.options.js';
import { LiveProcessStore } from './live-process-store.js';
import { ReadModels } from './read-models.service.js';
import { CLOCK, EVENT_SOURCING_OPTIONS } from './tokens.js';

const RUNNERS = Symbol.for('kurultai.ProcessManagerRunners');

class ProcessesQueryDto {
  @ApiPropertyOptional({ description: 'Wait until every process manager has handled this global position' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}

@ApiTags('operations')
@Controller('api/processes')
class ProcessesRoute {
  constructor(
    @Inject(RUNNERS) private readonly runners: ProcessManagerRunner[],
    @Inject(EVENT_SOURCING_OPTIONS) private readonly options: EventSourcingOptions,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Process managers: position, state, and the commands the domain refused them' })
  async list(@Query() query: ProcessesQueryDto) {
    if (query.minPosition !== undefined) {
      const reached = await Promise.all(
        this.runners.map((r) => r.waitFor(query.minPosition ?? 0, this.options.readWaitMs)),
      );
      if (reached.includes(false)) {
        throw ProblemException.of(
          503,
          'process-behind',
          'The process managers have not reached that position yet',
        );
      }
    }
    return this.runners.map((runner) => ({ ...runner.status(), refused: runner.failures() }));
  }
}

/** Runs process managers from the committed log; they send their commands through the CommandBus. */
@Module({})
export class ProcessManagersModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(RUNNERS) private readonly runners: ProcessManagerRunner[]) {}

  static forRoot(managers: readonly ProcessManager[]): DynamicModule {
    return {
      module: ProcessManagersModule,
      controllers: [ProcessesRoute],
      providers: [
        {
          provide: RUNNERS,
          inject: [EVENT_STORE, ReadModels, CommandBus, CLOCK],
          useFactory: (store: EventStore, readModels: ReadModels, bus: CommandBus, clock: () => Date) => {
            const processes = new LiveProcessStore(() => readModels.db);
            return managers.map((manager) => new ProcessManagerRunner(store, processes, bus, manager, clock));
          },
        },
      ],
      exports: [RUNNERS],
    };
  }

  onApplicationBootstrap(): void {
    for (const runner of this.runners) runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }
}
