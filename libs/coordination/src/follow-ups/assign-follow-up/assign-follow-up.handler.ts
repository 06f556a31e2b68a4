import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandHandling,
  fold,
  readHistory,
  SliceCommand,
  splitCommandBody,
  type CommandResult,
} from '#eventsourcing';
import { readInstitutionFacts } from '../../institutions/facts/read-institution-facts.js';
import { decisionFacts } from '../../meetings/decision-facts.js';
import { meetingDecider } from '../../meetings/meeting.decider.js';
import { meetingStream, type MeetingEvent } from '../../meetings/meeting.js';
import { readStateFacts } from '../../states/facts/read-state-facts.js';
import type { AssignFollowUp } from '../follow-up.commands.js';
import { followUpDecider } from '../follow-up.decider.js';
import { followUpStream } from '../follow-up.js';
import type { AssignFollowUpDto } from './assign-follow-up.dto.js';

export class AssignFollowUpCommand extends SliceCommand<AssignFollowUpDto> {}

/** Prefetches the decision from its meeting's stream, and the assignee state and institution. */
@CommandHandler(AssignFollowUpCommand)
export class AssignFollowUpHandler implements ICommandHandler<AssignFollowUpCommand> {
  constructor(private readonly commands: CommandHandling) {}

  async execute({ body, request }: AssignFollowUpCommand): Promise<CommandResult> {
    const { data, extras } = splitCommandBody(body);
    const store = this.commands.store;
    const { state, institutionId } = data.assignee;
    const meeting = fold(
      meetingDecider,
      (await readHistory(store, meetingStream(data.decision.meetingId))) as unknown as MeetingEvent[],
    );
    const facts = {
      decision: decisionFacts(meeting, data.decision.decisionId),
      state: state === undefined ? null : await readStateFacts(store, state),
      institution: institutionId === undefined ? null : await readInstitutionFacts(store, institutionId),
    };
    const command = { type: 'AssignFollowUp', data: { ...data, facts } } as Omit<AssignFollowUp, 'metadata'>;
    return this.commands.handle(followUpDecider, followUpStream(data.followUpId), command, request, extras);
  }
}
