import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandHandling, SliceCommand, splitCommandBody, type CommandResult } from '#eventsourcing';
import type { RegisterStrategicDocument } from '../strategic-document.commands.js';
import { strategicDocumentDecider } from '../strategic-document.decider.js';
import { strategicDocumentStream } from '../strategic-document.js';
import type { RegisterStrategicDocumentDto } from './register-strategic-document.dto.js';

export class RegisterStrategicDocumentCommand extends SliceCommand<RegisterStrategicDocumentDto> {}

/** The body's `source` is kept twice: in the event's metadata, as for every command, and in its data. */
@CommandHandler(RegisterStrategicDocumentCommand)
export class RegisterStrategicDocumentHandler implements ICommandHandler<RegisterStrategicDocumentCommand> {
  constructor(private readonly commands: CommandHandling) {}

  execute({ body, request }: RegisterStrategicDocumentCommand): Promise<CommandResult> {
    const { data, extras } = splitCommandBody(body);
    const source = extras.source ? (JSON.parse(JSON.stringify(extras.source)) as object) : undefined;
    const command = {
      type: 'RegisterStrategicDocument',
      data: { ...data, ...(source ? { source } : {}) },
    } as Omit<RegisterStrategicDocument, 'metadata'>;
    return this.commands.handle(
      strategicDocumentDecider,
      strategicDocumentStream(data.documentId),
      command,
      request,
      extras,
    );
  }
}
