import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandHandling, SliceCommand, splitCommandBody, type CommandResult } from '#eventsourcing';
import { readParentFacts } from '../facts/read-institution-facts.js';
import type { RenameInstitution } from '../institution.commands.js';
import { institutionDecider } from '../institution.decider.js';
import { institutionStream } from '../institution.js';
import type { RenameInstitutionDto } from './rename-institution.dto.js';

export class RenameInstitutionCommand extends SliceCommand<RenameInstitutionDto> {}

/** Prefetches the new parent body, when the institution moves under one. */
@CommandHandler(RenameInstitutionCommand)
export class RenameInstitutionHandler implements ICommandHandler<RenameInstitutionCommand> {
  constructor(private readonly commands: CommandHandling) {}

  async execute({ body, request }: RenameInstitutionCommand): Promise<CommandResult> {
    const { data, extras } = splitCommandBody(body);
    const parent =
      typeof data.parent === 'string' ? await readParentFacts(this.commands.store, data.parent) : null;
    const command = { type: 'RenameInstitution', data: { ...data, facts: { parent } } } as Omit<
      RenameInstitution,
      'metadata'
    >;
    return this.commands.handle(
      institutionDecider,
      institutionStream(data.institutionId),
      command,
      request,
      extras,
    );
  }
}
