import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problemType, ProblemException, type FieldProblem } from './problem.js';

/**
 * How deeply a request body may nest objects and arrays. The deepest command (an amendment
 * adding activities with localized titles) nests 5 levels; a body nested thousands of levels
 * deep would overflow the stack of every recursive step after parsing (copying, hashing).
 */
export const MAX_BODY_DEPTH = 32;

/** Keys that would reach an object's prototype if copied naively; never accepted anywhere. */
const POLLUTING_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Strict DTO validation: unknown fields are refused, nothing is coerced, and every offending
 * field is named in the problem details.
 */
export function strictValidationPipe(): ValidationPipe {
  rememberValidationRules();
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

/** The depth of nested objects and arrays in `value` (0 for a scalar), measured without recursion. */
export function nestingDepth(value: unknown, stopAt = Infinity): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(item)) pending.push([child, here]);
  }
  return deepest;
}

/**
 * Refuses, before any route handler runs, a parsed body nested deeper than `maxDepth`
 * (400 `too-deep`). Registered on the Fastify instance so that it guards every route.
 */
export function refuseDeeplyNestedBodies(fastify: FastifyInstance, maxDepth = MAX_BODY_DEPTH): void {
  fastify.addHook('preValidation', async (request: FastifyRequest) => {
    if (nestingDepth(request.body, maxDepth) > maxDepth) {
      throw ProblemException.of(
        400,
        'too-deep',
        'The request body is nested too deeply',
        `objects and arrays may nest at most ${maxDepth} levels deep`,
        { errors: [{ field: '', message: `nested more than ${maxDepth} levels` }] },
      );
    }
  });
}

/** A command or query body must be one JSON object: not an array, a string or null. */
class StrictValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Query strings and bodies alike: a polluting key is refused by name, not silently dropped.
    if ((metadata.type === 'query' || metadata.type === 'body') && value && typeof value === 'object') {
      const polluting = Object.keys(value).filter((key) => POLLUTING_KEYS.has(key));
      if (polluting.length > 0) {
        throw new ProblemException({
          type: problemType('validation'),
          title: 'The request is not valid',
          status: 400,
          detail: 'One or more fields are missing or wrong',
          errors: polluting.map((field) => ({ field, message: `property ${field} should not exist` })),
        });
      }
    }
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

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type RulesOf = MetadataStorage['getTargetValidationMetadatas'];
const REMEMBERED = Symbol.for('kurultai.rememberedValidationRules');

/**
 * class-validator looks up the rules of a class (its own and its parents') on every validation of
 * every object, scanning all the classes it knows; the rules change only when one is added, while
 * classes are being defined. This remembers each answer until a rule is added anywhere, so the
 * answers stay those class-validator would give. Idempotent: the storage is one per process.
 */
export function rememberValidationRules(storage: MetadataStorage = getMetadataStorage()): void {
  const marked = storage as MetadataStorage & { [REMEMBERED]?: true };
  if (marked[REMEMBERED]) return;
  marked[REMEMBERED] = true;
  const lookUp: RulesOf = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let answers = new Map<unknown, Map<string, ReturnType<RulesOf>>>();
  storage.addValidationMetadata = (metadata) => {
    answers = new Map();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = JSON.stringify([schema ?? null, always ?? null, strictGroups ?? null, groups ?? null]);
    let ofTarget = answers.get(target);
    if (!ofTarget) answers.set(target, (ofTarget = new Map()));
    let rules = ofTarget.get(key);
    if (!rules) ofTarget.set(key, (rules = lookUp(target, schema, always, strictGroups, groups)));
    // A copy: a caller changing the list it got cannot change the next caller's.
    return rules.slice();
  };
}
