import { Ajv, type ErrorObject } from 'ajv';
import formats from 'ajv-formats';
import specs from '@asyncapi/specs';

/**
 * Validates a document against the official AsyncAPI 3.0.0 JSON Schema (draft-07, with every
 * definition it refers to kept under `definitions` by its `$id`). Ajv knows draft-07 itself, so
 * the copy of its meta-schema among the definitions is left out.
 */
export function asyncApiErrors(document: unknown): ErrorObject[] {
  const { definitions, ...root } = specs.schemas['3.0.0'] as {
    definitions: Record<string, object>;
    [key: string]: unknown;
  };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  formats.default(ajv);
  for (const [id, definition] of Object.entries(definitions)) {
    if (id !== 'http://json-schema.org/draft-07/schema') ajv.addSchema(definition, id);
  }
  const validate = ajv.compile(root);
  return validate(document) ? [] : (validate.errors ?? []);
}
