import { HttpException } from '@nestjs/common';

/** One offending field of a refused request. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** RFC 9457 problem details, as every error of the API is answered. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly errors?: readonly FieldProblem[];
  readonly [extension: string]: unknown;
}

/** Machine-readable problem types; documented in docs/architecture.md. */
export function problemType(code: string): string {
  return `urn:kurultai:problem:${code}`;
}

/** An error that already knows its problem details. */
export class ProblemException extends HttpException {
  constructor(readonly problem: ProblemDetails) {
    super(problem, problem.status);
  }

  static of(
    status: number,
    code: string,
    title: string,
    detail?: string,
    extra: Record<string, unknown> = {},
  ) {
    return new ProblemException({
      type: problemType(code),
      title,
      status,
      ...(detail ? { detail } : {}),
      ...extra,
    });
  }
}
