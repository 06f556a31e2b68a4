import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { problemType, ProblemException, type CommandBodyDto } from '#eventsourcing';

/**
 * The body a process manager builds goes through the same DTO checks as an HTTP request;
 * absent values are left out rather than sent as null.
 */
export function validatedBody<T extends CommandBodyDto>(dto: new () => T, body: Record<string, unknown>): T {
  const instance = plainToInstance(dto, withoutNulls(body));
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new ProblemException({
      type: problemType('validation'),
      title: 'The command a process built is not valid',
      status: 400,
      errors: errors.map((e) => ({
        field: e.property,
        message: Object.values(e.constraints ?? {}).join('; '),
      })),
    });
  }
  return instance;
}

function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}
