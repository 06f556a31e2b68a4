/** One operation of the engine's OpenAPI document, with what a fuzz needs to call it. */
export interface FuzzRoute {
  readonly method: string;
  /** The OpenAPI path template, e.g. `/api/plans/{id}`. */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly headerParams: readonly string[];
  /** A body built from the schema's examples (what a well-meaning client sends), if it takes one. */
  readonly example: unknown;
  readonly takesBody: boolean;
}

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  type?: string;
  example?: unknown;
  enum?: unknown[];
  default?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
};

export interface OpenApi {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** Every operation of the document at `/api/openapi.json`: new routes are fuzzed as they appear. */
export function routesOf(document: OpenApi): FuzzRoute[] {
  const schemas = document.components?.schemas ?? {};
  const routes: FuzzRoute[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const parameters = operation.parameters ?? [];
      const names = (where: string) => parameters.filter((p) => p.in === where).map((p) => p.name);
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      routes.push({
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        queryParams: names('query'),
        headerParams: names('header'),
        example: bodySchema ? exampleOf(bodySchema, schemas, 0) : undefined,
        takesBody: bodySchema !== undefined || method === 'post',
      });
    }
  }
  return routes;
}

function exampleOf(schema: Schema, schemas: Record<string, Schema>, depth: number): unknown {
  if (depth > 8) return {};
  if (schema.example !== undefined) return schema.example;
  if (schema.$ref) return exampleOf(schemas[schema.$ref.split('/').pop()!] ?? {}, schemas, depth + 1);
  if (schema.allOf?.length) return exampleOf(schema.allOf[0], schemas, depth + 1);
  if (schema.oneOf?.length) return exampleOf(schema.oneOf[0], schemas, depth + 1);
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.properties) {
    const out: Record<string, unknown> = {};
    for (const name of schema.required ?? []) {
      const property = schema.properties[name];
      if (property) out[name] = exampleOf(property, schemas, depth + 1);
    }
    return out;
  }
  switch (schema.type) {
    case 'array':
      return schema.items ? [exampleOf(schema.items, schemas, depth + 1)] : [];
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'string':
      return 'x';
    default:
      return {};
  }
}
