import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandHandling,
  fold,
  readHistory,
  SliceCommand,
  splitCommandBody,
  type CommandResult,
} from '#eventsourcing';
import type { NumberMeeting } from '../../meeting-series/meeting-series.decider.js';
import { meetingSeriesDecider } from '../../meeting-series/meeting-series.decider.js';
import { meetingSeriesStream } from '../../meeting-series/meeting-series.js';
import type { ScheduleMeeting } from '../meeting.commands.js';
import { meetingDecider } from '../meeting.decider.js';
import { meetingStream, type MeetingEvent } from '../meeting.js';
import type { ScheduleMeetingDto } from './schedule-meeting.dto.js';

export class ScheduleMeetingCommand extends SliceCommand<ScheduleMeetingDto> {}

/**
 * A meeting takes its number in its series first: the series refuses a number that is taken or
 * does not rise with the date. The meeting is decided once before, so a refused one numbers nothing.
 */
@CommandHandler(ScheduleMeetingCommand)
export class ScheduleMeetingHandler implements ICommandHandler<ScheduleMeetingCommand> {
  constructor(private readonly commands: CommandHandling) {}

  async execute({ body, request }: ScheduleMeetingCommand): Promise<CommandResult> {
    const { data, extras } = splitCommandBody(body);
    const command = { type: 'ScheduleMeeting', data } as Omit<ScheduleMeeting, 'metadata'>;
    const history = await readHistory(this.commands.store, meetingStream(data.meetingId));
    if (!history.some((e) => e.metadata.commandId === request.commandId)) {
      const metadata = this.commands.metadata(request, 'ScheduleMeeting', extras);
      meetingDecider.decide(
        { ...command, metadata },
        fold(meetingDecider, history as unknown as MeetingEvent[]),
      );
      const { seriesId, meetingId, number, date } = data;
      const numbering = { type: 'NumberMeeting', data: { seriesId, meetingId, number, date } } as Omit<
        NumberMeeting,
        'metadata'
      >;
      const numberRequest = { ...request, commandId: `${request.commandId}:number` };
      await this.commands.handle(
        meetingSeriesDecider,
        meetingSeriesStream(seriesId),
        numbering,
        numberRequest,
        extras,
      );
    }
    return this.commands.handle(meetingDecider, meetingStream(data.meetingId), command, request, extras);
  }
}
