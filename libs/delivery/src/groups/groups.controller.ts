import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DEFAULT_GROUP_SETTINGS,
  downstreamGroupsOf,
  EVENT_STORE,
  GroupExistsError,
  GroupNotFoundError,
  InvalidArgumentError,
  isTransientStoreError,
  type DownstreamGroups,
  type EventStore,
  type GroupDefinition,
  type GroupSettings,
} from '#event-store';
import { ProblemException } from '#eventsourcing';
import { CreateGroupDto, GroupNameParam, GroupSettingsDto, ReplayParkedDto } from './groups.dto.js';

const SETTING_KEYS = Object.keys(DEFAULT_GROUP_SETTINGS) as (keyof GroupSettings)[];

/**
 * Downstream groups: persistent subscription groups of EventStoreDB for downstream systems
 * (docs/eventstoredb.md). The embedded store has none: every route answers 501 there.
 */
@ApiTags('downstream-groups')
@Controller('api/downstream-groups')
export class DownstreamGroupsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'Every downstream group with its settings, consumers and parked events' })
  async list() {
    return { items: await this.run((groups) => groups.list()) };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Creates a group: strategy, retry and checkpoint settings, start, filter' })
  create(@Body() body: CreateGroupDto) {
    const { name, from = 'end', filter, ...settings } = body;
    const definition: GroupDefinition = {
      ...DEFAULT_GROUP_SETTINGS,
      ...settingsOf(settings),
      name,
      startFrom: typeof from === 'number' ? { after: from } : from,
      ...(filter ? { filter: { eventTypes: filter.types ?? [], categories: filter.categories ?? [] } } : {}),
    };
    return this.run((groups) => groups.create(definition));
  }

  @Get(':name')
  @ApiOperation({ summary: 'One group' })
  get(@Param() { name }: GroupNameParam) {
    return this.run((groups) => groups.get(name));
  }

  @Patch(':name')
  @ApiOperation({ summary: 'Changes a group’s settings; its consumers connect again' })
  update(@Param() { name }: GroupNameParam, @Body() body: GroupSettingsDto) {
    return this.run((groups) => groups.update(name, settingsOf(body)));
  }

  @Delete(':name')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes a group and drops its consumers' })
  async delete(@Param() { name }: GroupNameParam): Promise<void> {
    await this.run((groups) => groups.delete(name));
  }

  @Post(':name/parked/replay')
  @HttpCode(202)
  @ApiOperation({ summary: 'Delivers the group’s parked events again (all, or the first stopAt)' })
  async replayParked(@Param() { name }: GroupNameParam, @Body() body: ReplayParkedDto) {
    await this.run((groups) => groups.replayParked(name, body.stopAt ? { stopAt: body.stopAt } : {}));
    return { name, replaying: body.stopAt ?? 'all' };
  }

  /** Runs `work` on the store's groups; their errors become problem details. */
  private async run<T>(work: (groups: DownstreamGroups) => Promise<T>): Promise<T> {
    const groups = downstreamGroupsOf(this.store);
    if (!groups)
      throw ProblemException.of(
        501,
        'not-supported',
        'Downstream groups need EventStoreDB',
        'they are EventStoreDB persistent subscriptions: run the engine with KURULTAI_STORE=esdb; ' +
          'on the embedded store use the webhooks (/api/subscriptions) or the event stream (/api/events/stream)',
      );
    try {
      return await work(groups);
    } catch (error) {
      if (error instanceof GroupNotFoundError)
        throw ProblemException.of(404, 'not-found', 'Not found', error.message, { group: error.group });
      if (error instanceof GroupExistsError)
        throw ProblemException.of(409, 'group-exists', 'The group already exists', error.message, {
          group: error.group,
        });
      if (error instanceof InvalidArgumentError)
        throw ProblemException.of(400, 'validation', 'The request is not valid', error.message);
      if (isTransientStoreError(error))
        throw ProblemException.of(503, 'store-unavailable', 'EventStoreDB is not reachable, retry shortly');
      throw error;
    }
  }
}

function settingsOf(body: GroupSettingsDto): Partial<GroupSettings> {
  const settings: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) if (body[key] !== undefined) settings[key] = body[key];
  return settings as Partial<GroupSettings>;
}
