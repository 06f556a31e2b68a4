import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { problemType, ProblemException, type FieldProblem } from './problem.js';

/**
 * Strict DTO validation: unknown fields are refused, nothing is coerced, and every offending
 * field is named in the problem details.
 */
export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    stopAtFirstError: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new ProblemException({
        type: problemType('validation'),
        title: 'The request is not valid',
        status: 400,
        detail: 'One or more fields are missing or wrong',
        errors: flatten(errors),
      }),
  });
}

function flatten(errors: readonly ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ field, message });
    if (error.children?.length) out.push(...flatten(error.children, field));
  }
  return out;
}

/** A command or query body must be one JSON object: not an array, a string or null. */
class StrictValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new ProblemException({
        type: problemType('validation'),
        title: 'The request is not valid',
        status: 400,
        detail: 'The request body must be one JSON object',
        errors: [{ field: '', message: 'the body must be a JSON object' }],
      });
    }
    return super.transform(value, metadata);
  }
}
