import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandHandling, SliceCommand, splitCommandBody, type CommandResult } from '#eventsourcing';
import { readStateFacts } from '../../states/facts/read-state-facts.js';
import { readParentFacts } from '../facts/read-institution-facts.js';
import type { RegisterInstitution } from '../institution.commands.js';
import { institutionDecider } from '../institution.decider.js';
import { institutionStream } from '../institution.js';
import type { RegisterInstitutionDto } from './register-institution.dto.js';

export class RegisterInstitutionCommand extends SliceCommand<RegisterInstitutionDto> {}

/** Prefetches the state (the State aggregate is the source of truth) and the parent body. */
@CommandHandler(RegisterInstitutionCommand)
export class RegisterInstitutionHandler implements ICommandHandler<RegisterInstitutionCommand> {
  constructor(private readonly commands: CommandHandling) {}

  async execute({ body, request }: RegisterInstitutionCommand): Promise<CommandResult> {
    const { data, extras } = splitCommandBody(body);
    const store = this.commands.store;
    const facts = {
      state: data.state === null ? null : await readStateFacts(store, data.state),
      parent: data.parent === undefined ? null : await readParentFacts(store, data.parent),
    };
    const command = { type: 'RegisterInstitution', data: { ...data, facts } } as Omit<
      RegisterInstitution,
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
