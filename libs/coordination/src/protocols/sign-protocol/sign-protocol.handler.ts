import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandHandling, SliceCommand, splitCommandBody, type CommandResult } from '#eventsourcing';
import { readMarginsFacts, readProtocol, readSigningPartyFacts } from '../facts/read-protocol-facts.js';
import type { SignProtocol } from '../protocol.commands.js';
import { protocolDecider } from '../protocol.decider.js';
import { protocolStream } from '../protocol.js';
import type { SignProtocolDto } from './sign-protocol.dto.js';

export class SignProtocolCommand extends SliceCommand<SignProtocolDto> {}

/**
 * Prefetches the signing institution (its name on the signing day) and, when the protocol is
 * signed on the margins of a meeting, that meeting's date and city.
 */
@CommandHandler(SignProtocolCommand)
export class SignProtocolHandler implements ICommandHandler<SignProtocolCommand> {
  constructor(private readonly commands: CommandHandling) {}

  async execute({ body, request }: SignProtocolCommand): Promise<CommandResult> {
    const { data, extras } = splitCommandBody(body);
    const store = this.commands.store;
    const protocol = await readProtocol(store, data.protocolId);
    // The margins meeting is fixed when the protocol is drafted, so it cannot change under us.
    const meetingId = protocol.status === 'none' ? null : protocol.margins?.meetingId;
    const facts = {
      party: await readSigningPartyFacts(store, data.institutionId, data.signedOn),
      margins: meetingId ? await readMarginsFacts(store, meetingId) : null,
    };
    const command = { type: 'SignProtocol', data: { ...data, facts } } as Omit<SignProtocol, 'metadata'>;
    return this.commands.handle(protocolDecider, protocolStream(data.protocolId), command, request, extras);
  }
}
