import fc from 'fast-check';

/** The part of JSON Schema (2020-12, as the OpenAPI 3.1 document writes it) that the API's schemas use. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  example?: unknown;
  default?: unknown;
}

export interface SchemaScope {
  /** Resolves `#/components/schemas/…`. */
  resolve(ref: string): JsonSchema;
  /**
   * Values worth more than random text for a named field: real ids of both tenants for `organisationId`, instants
   * near the test clock for `start`. Random text would almost never get past the first look-up.
   */
  hint(name: string, schema: JsonSchema): fc.Arbitrary<unknown> | undefined;
}

// Generated strings stay short: the limits themselves are the invalid generator's business.
const softMaxLength = 40;

const friendlyChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzæøåABCÆØÅ0123456789 -_.é'.split(''));

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern), { size: 'xsmall' });
  if (schema.format === 'email')
    return fc.oneof(
      { weight: 3, arbitrary: fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.no$/) },
      fc.emailAddress({ size: 'xsmall' }),
    );
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? softMaxLength, minLength + softMaxLength));
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: friendlyChar, minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength }) },
  );
}

function integerArbitrary(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -1_000_000);
  const max = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : (schema.maximum ?? 1_000_000);
  return fc.integer({ min, max: Math.max(min, max) });
}

/** Values the schema accepts, as far as its keywords say (look-ups and cross-field rules are the server's). */
export function validArbitrary(schema: JsonSchema, scope: SchemaScope, name = ''): fc.Arbitrary<unknown> {
  if (schema.$ref) return validArbitrary(scope.resolve(schema.$ref), scope, name);
  const hinted = name ? scope.hint(name, schema) : undefined;
  if (hinted) return hinted;
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validArbitrary(s, scope, name)));
  if (schema.allOf?.[0]) return validArbitrary(schema.allOf[0], scope, name);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => validArbitrary({ ...schema, type }, scope, name)));
  switch (types[0]) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return integerArbitrary(schema);
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validArbitrary(schema.items ?? {}, scope, name), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + 3),
      });
    case 'object':
      return objectArbitrary(schema, scope);
    default:
      // A schema without a type (the CloudEvent batch) documents itself by its example.
      return schema.example === undefined ? fc.jsonValue({ maxDepth: 2 }) : fc.constant(schema.example);
  }
}

function objectArbitrary(schema: JsonSchema, scope: SchemaScope): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const entries = Object.entries(properties);
  if (entries.length === 0) return fc.constant({});
  return fc.record(Object.fromEntries(entries.map(([key, s]) => [key, validArbitrary(s, scope, key)])), {
    requiredKeys: entries.map(([key]) => key).filter((key) => required.has(key)),
  });
}
