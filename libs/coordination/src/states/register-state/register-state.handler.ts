import { CommandHandler } from '@nestjs/cqrs';
import { DeciderCommandHandler, SliceCommand } from '#eventsourcing';
import { stateDecider } from '../state.decider.js';
import { stateStream } from '../state.js';
import type { RegisterStateDto } from './register-state.dto.js';

export class RegisterStateCommand extends SliceCommand<RegisterStateDto> {}

@CommandHandler(RegisterStateCommand)
export class RegisterStateHandler extends DeciderCommandHandler<RegisterStateDto> {
  protected readonly decider = stateDecider;
  protected readonly commandType = 'RegisterState';
  protected stream = (data: { code: string }) => stateStream(data.code);
}
