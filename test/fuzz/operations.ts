/**
 * The operations of the app's own OpenAPI document, with the schemas of their path parameters,
 * query strings and JSON bodies: a route added tomorrow is fuzzed without anyone listing it.
 */

export type JsonSchema = Record<string, unknown>;

export interface Parameter {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

export interface Operation {
  method: string;
  /** As the document writes it: /api/orgs/{orgId}/cases/{caseId} */
  path: string;
  pathParams: Parameter[];
  query: Parameter[];
  /** The application/json body's schema; null when the operation documents none. */
  body: JsonSchema | null;
  /** `GET /api/orgs/{orgId}/cases`, how a failure names it. */
  id: string;
}

interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

const methods = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(document: { paths?: Record<string, Record<string, OpenApiOperation>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!methods.includes(method)) continue;
      const parameters = operation.parameters ?? [];
      const of = (where: string) =>
        parameters
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, schema: p.schema ?? {}, required: Boolean(p.required) }));
      const pathParams = of('path');
      // A parameter the path names but the document does not describe is still a parameter.
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
        if (name && !pathParams.some((p) => p.name === name)) pathParams.push({ name, schema: {}, required: true });
      }
      const upper = method.toUpperCase();
      operations.push({
        method: upper,
        path,
        pathParams,
        query: of('query'),
        body: operation.requestBody?.content?.['application/json']?.schema ?? null,
        id: `${upper} ${path}`,
      });
    }
  }
  return operations;
}
