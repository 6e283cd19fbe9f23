/*
 * Requests built from the app's own OpenAPI document, for tests that must cover every route and every
 * field without a hand-kept list: each operation's parameters and JSON body are sampled from their
 * schemas, and every string the client sends is reported with its place, so a test can alter one.
 */

export type JsonSchema = Record<string, unknown>;
export type FieldPath = Array<string | number>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
}

/** Where a string the client sends sits in a request. */
export interface StringSlot {
  in: 'path' | 'query' | 'header' | 'body';
  /** The parameter name, or the path into the body. */
  path: FieldPath;
}

/** One sampled request of an operation: values for every parameter and every body property. */
export interface SampledRequest {
  method: string;
  route: string;
  params: { path: Record<string, unknown>; query: Record<string, unknown>; header: Record<string, unknown> };
  /** Names of the header parameters that are not required. */
  optionalHeaders: string[];
  body: unknown;
  strings: StringSlot[];
}

export interface SampleOptions {
  /** A valid value for a field, or undefined to derive one from its schema. */
  exampleFor: (field: { route: string; name: string | undefined; schema: JsonSchema }) => unknown;
  /** `pattern`s that only restrict which characters free text may hold: such a field gets plain text. */
  freeTextPatterns: string[];
}

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** Samples every operation of the document; bodies only for write methods. */
export function sampleOperations(doc: OpenApiDocument, opts: SampleOptions): SampledRequest[] {
  const out: SampledRequest[] = [];
  for (const [route, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const strings: StringSlot[] = [];
      const params: SampledRequest['params'] = { path: {}, query: {}, header: {} };
      const optionalHeaders: string[] = [];
      for (const p of op.parameters ?? []) {
        if (p.in !== 'path' && p.in !== 'query' && p.in !== 'header') continue;
        if (p.in === 'header' && !p.required) optionalHeaders.push(p.name);
        const found: FieldPath[] = [];
        params[p.in][p.name] = sample(doc, opts, route, p.schema, p.name, [p.name], found);
        for (const f of found) strings.push({ in: p.in, path: f });
      }
      let body: unknown;
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      if (bodySchema && WRITE_METHODS.has(method)) {
        const found: FieldPath[] = [];
        body = sample(doc, opts, route, bodySchema, undefined, [], found);
        for (const f of found) strings.push({ in: 'body', path: f });
      }
      out.push({ method: method.toUpperCase(), route, params, optionalHeaders, body, strings });
    }
  }
  return out;
}

function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let s = schema;
  for (let depth = 0; typeof s.$ref === 'string'; depth++) {
    const ref = s.$ref as string;
    const name = ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target || depth > 20) throw new Error(`unresolvable $ref ${ref}`);
    s = target;
  }
  return s;
}

function isNullSchema(s: JsonSchema): boolean {
  return s.type === 'null';
}

/** A value for `schema`; the path of every string in it is pushed onto `strings`. */
function sample(
  doc: OpenApiDocument,
  opts: SampleOptions,
  route: string,
  raw: JsonSchema,
  name: string | undefined,
  path: FieldPath,
  strings: FieldPath[],
): unknown {
  const schema = resolve(doc, raw);
  const choices = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (choices) {
    const branch = choices.find((c) => !isNullSchema(resolve(doc, c)));
    if (!branch) return null;
    return sample(doc, opts, route, branch, name, path, strings);
  }
  if (Array.isArray(schema.allOf)) {
    const merged = Object.assign({}, ...(schema.allOf as JsonSchema[]).map((s) => resolve(doc, s)));
    return sample(doc, opts, route, merged, name, path, strings);
  }
  const type = Array.isArray(schema.type)
    ? (schema.type as string[]).find((t) => t !== 'null')
    : (schema.type as string | undefined);
  if (type === 'object' || schema.properties) {
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    return Object.fromEntries(
      Object.entries(props).map(([key, sub]) => [
        key,
        sample(doc, opts, route, sub, key, [...path, key], strings),
      ]),
    );
  }
  if (type === 'array') {
    const items = (schema.items ?? {}) as JsonSchema;
    return [sample(doc, opts, route, items, name, [...path, 0], strings)];
  }
  const example = opts.exampleFor({ route, name, schema });
  if (type === 'string') {
    strings.push(path);
    if (example !== undefined) return example;
    return sampleString(schema, route, name, opts.freeTextPatterns);
  }
  if (example !== undefined) return example;
  if (schema.enum) return (schema.enum as unknown[])[0];
  if (type === 'integer' || type === 'number') {
    const min = schema.minimum as number | undefined;
    const exclusive = schema.exclusiveMinimum as number | undefined;
    return exclusive !== undefined ? exclusive + 1 : (min ?? 1);
  }
  if (type === 'boolean') return true;
  throw new Error(`${route} ${path.join('.')}: cannot sample schema ${JSON.stringify(schema)}`);
}

const FORMATS: Record<string, string> = {
  date: '2025-07-03',
  'date-time': '2025-07-03T09:00:00+07:00',
  uuid: '6f1c2f4e-1d7b-4c1a-9a7e-2b1f0c9d8e7a',
  email: 'nguoi.nop@example.vn',
};

function sampleString(
  schema: JsonSchema,
  route: string,
  name: string | undefined,
  freeTextPatterns: string[],
): string {
  if (schema.const !== undefined) return String(schema.const);
  if (schema.enum) return String((schema.enum as unknown[])[0]);
  const format = schema.format as string | undefined;
  if (format && FORMATS[format]) return FORMATS[format];
  if (schema.pattern !== undefined && !freeTextPatterns.includes(String(schema.pattern)))
    throw new Error(`${route} ${name}: no example for pattern ${String(schema.pattern)} — add one`);
  const min = (schema.minLength as number | undefined) ?? 0;
  const max = (schema.maxLength as number | undefined) ?? 200;
  // Vietnamese letters, so a rule that refused non-ASCII would show up as a failed baseline.
  const base = 'Nội dung kiểm tra tiếng Việt';
  const value = base.padEnd(min, '.').slice(0, Math.max(1, max - 1));
  return value;
}
