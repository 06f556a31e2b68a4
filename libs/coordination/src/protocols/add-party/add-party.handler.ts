import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandHandling, SliceCommand, splitCommandBody, type CommandResult } from '#eventsourcing';
import { readPartyFacts } from '../facts/read-protocol-facts.js';
import type { AddParty } from '../protocol.commands.js';
import { protocolDecider } from '../protocol.decider.js';
import { protocolStream } from '../protocol.js';
import type { AddPartyDto } from './add-party.dto.js';

export class AddPartyCommand extends SliceCommand<AddPartyDto> {}

/** Prefetches the new party's state from the Institution aggregate. */
@CommandHandler(AddPartyCommand)
export class AddPartyHandler implements ICommandHandler<AddPartyCommand> {
  constructor(private readonly commands: CommandHandling) {}

  async execute({ body, request }: AddPartyCommand): Promise<CommandResult> {
    const { data, extras } = splitCommandBody(body);
    const [party] = await readPartyFacts(this.commands.store, [data.institutionId]);
    const command = { type: 'AddParty', data: { ...data, facts: { party: party ?? null } } } as Omit<
      AddParty,
      'metadata'
    >;
    return this.commands.handle(protocolDecider, protocolStream(data.protocolId), command, request, extras);
  }
}
