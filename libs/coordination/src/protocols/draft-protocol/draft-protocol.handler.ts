import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandHandling, SliceCommand, splitCommandBody, type CommandResult } from '#eventsourcing';
import { readMarginsFacts, readPartyFacts } from '../facts/read-protocol-facts.js';
import type { DraftProtocol } from '../protocol.commands.js';
import { protocolDecider } from '../protocol.decider.js';
import { protocolStream } from '../protocol.js';
import type { DraftProtocolDto } from './draft-protocol.dto.js';

export class DraftProtocolCommand extends SliceCommand<DraftProtocolDto> {}

/** Prefetches the parties' states from the Institution aggregate and the margins meeting. */
@CommandHandler(DraftProtocolCommand)
export class DraftProtocolHandler implements ICommandHandler<DraftProtocolCommand> {
  constructor(private readonly commands: CommandHandling) {}

  async execute({ body, request }: DraftProtocolCommand): Promise<CommandResult> {
    const { data, extras } = splitCommandBody(body);
    const store = this.commands.store;
    const facts = {
      parties: await readPartyFacts(
        store,
        data.parties.map((p) => p.institutionId),
      ),
      margins: data.margins ? await readMarginsFacts(store, data.margins.meetingId) : null,
    };
    const command = { type: 'DraftProtocol', data: { ...data, facts } } as Omit<DraftProtocol, 'metadata'>;
    return this.commands.handle(protocolDecider, protocolStream(data.protocolId), command, request, extras);
  }
}
