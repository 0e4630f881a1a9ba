import fc from 'fast-check';
import { testEpoch } from '../../helpers/factories.ts';
import type { World } from './campaign-world.ts';
import {
  type BodyShape,
  hostileUrlValues,
  type InvalidBody,
  invalidJsonBody,
  invalidUpload,
  type WireBody,
} from './invalid-input.ts';
import { type JsonSchema, type SchemaScope, validArbitrary } from './schema-arbitrary.ts';

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
}

export interface Operation {
  /** "METHOD /template", as the route matrix names it. */
  route: string;
  method: string;
  template: string;
  pathParams: OpenApiParameter[];
  queryParams: OpenApiParameter[];
  body: { contentType: string; schema: JsonSchema } | null;
}

export interface GeneratedRequest {
  /** `valid`, or which way it was made invalid. */
  kind: string;
  method: string;
  /** Under /api/v1, with the query. */
  path: string;
  contentType: string | undefined;
  body: WireBody | null;
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const content = op.requestBody?.content ?? {};
      const contentType =
        ['application/json', 'multipart/form-data'].find((t) => t in content) ?? Object.keys(content)[0];
      return {
        route: `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path'),
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query'),
        body: contentType ? { contentType, schema: content[contentType]?.schema ?? {} } : null,
      };
    }),
  );
}

const day = 86_400_000;
const monthPattern = '^\\d{4}-(0[1-9]|1[0-2])$';
const dayPattern = '^\\d{4}-\\d{2}-\\d{2}$';
/** The month `offset` months from the test clock's, as YYYY-MM. */
function monthKeyAt(offset: number): string {
  const at = new Date(testEpoch);
  const month = at.getUTCFullYear() * 12 + at.getUTCMonth() + offset;
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}
const isInstant = (schema: JsonSchema): boolean =>
  (schema.anyOf ?? []).some((s) => s.type === 'integer') && (schema.anyOf ?? []).some((s) => s.type === 'string');
const someId = fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme-ascii' }));

/** Field values that reach past the first look-up: real ids of both tenants and the operator, instants near now. */
export function campaignScope(world: World, doc: OpenApiDocument): SchemaScope {
  const { a, b } = world.fx;
  const ids = (table: string) => world.idsByTable.get(table) ?? [];
  const oneOfOr = (values: readonly string[]) =>
    values.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, someId) : someId;
  const organisations = [a.organisation.id, b.organisation.id, world.fx.operator.organisation.id, a.organisation.code];
  const hints: Record<string, fc.Arbitrary<unknown>> = {
    organisationId: oneOfOr(organisations),
    owner: oneOfOr([a.organisation.code, b.organisation.code, 'platform']),
    serviceId: oneOfOr([a.service.id, b.service.id, ...ids('services')]),
    componentId: oneOfOr(ids('components')),
    component: oneOfOr(ids('components')),
    assigneeId: oneOfOr([...ids('users')]),
    metric: fc.constantFrom('messages_sent', 'forms_archived', 'consents', 'authorizations', 'ukjent_metrikk'),
    url: fc.constantFrom(
      'https://hooks.example.no/niva',
      'https://status.example.no/health',
      'http://127.0.0.1:6379/',
      'https://169.254.169.254/latest/meta-data',
      'https://user:pw@example.no/',
      'javascript:alert(1)',
    ),
    email: fc.oneof(fc.emailAddress({ size: 'xsmall' }), fc.constant(a.users['owner-member'].email)),
  };
  return {
    resolve(ref) {
      const name = ref.replace('#/components/schemas/', '');
      return doc.components?.schemas?.[name] ?? {};
    },
    hint(name, schema) {
      // Months and days near the test clock; the pattern alone yields years no bound accepts.
      if (schema.pattern === monthPattern)
        return fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: -30, max: 14 }).map((m) => monthKeyAt(m)) },
          fc.stringMatching(new RegExp(monthPattern)),
        );
      if (schema.pattern === dayPattern)
        return fc.integer({ min: -200, max: 400 }).map((d) => new Date(testEpoch + d * day).toISOString().slice(0, 10));
      if (isInstant(schema))
        return fc
          .tuple(fc.integer({ min: -400 * day, max: 400 * day }), fc.boolean())
          .map(([offset, asText]) => (asText ? new Date(testEpoch + offset).toISOString() : testEpoch + offset));
      return hints[name];
    },
  };
}

/** The table a path parameter names a row of, from the segment before it (`/cases/{id}` → `cases`). */
function tableOf(template: string, param: string, world: World): string | undefined {
  const segments = template.split('/');
  const at = segments.indexOf(`{${param}}`);
  const before = segments[at - 1] ?? '';
  const candidates =
    param === 'attachmentId'
      ? ['case_attachments', 'attachments']
      : before === 'versions'
        ? ['service_reports']
        : [before.replaceAll('-', '_'), `${before.replaceAll('-', '_')}s`, before.replace(/-.*/, '') + 's'];
  if (before === 'members') candidates.unshift('memberships');
  if (before === 'tokens') candidates.unshift('api_tokens');
  if (before === 'webhooks') candidates.unshift('webhook_endpoints');
  return candidates.find((t) => (world.idsByTable.get(t)?.length ?? 0) > 0);
}

function pathValue(op: Operation, param: OpenApiParameter, world: World, scope: SchemaScope): fc.Arbitrary<string> {
  if (param.schema?.pattern || param.name === 'month')
    return validArbitrary({ pattern: monthPattern, ...param.schema, type: 'string' }, scope, param.name).map(String);
  const table = tableOf(op.template, param.name, world);
  const own = table ? (world.idsByTable.get(table) ?? []) : [];
  const codes = [world.fx.a.organisation.code, world.fx.b.organisation.code, world.fx.b.service.resource_id];
  const any = [...world.idsByTable.values()].flat();
  return fc.oneof(
    { weight: own.length > 0 ? 6 : 0, arbitrary: own.length > 0 ? fc.constantFrom(...own) : fc.constant('x') },
    { weight: 2, arbitrary: fc.constantFrom(...any, ...codes) },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

function encode(value: unknown): string {
  try {
    return encodeURIComponent(String(value));
  } catch {
    // A lone surrogate cannot be percent-encoded as UTF-8; send it as the bytes a careless client would.
    return '%ED%A0%80';
  }
}

function queryArbitrary(op: Operation, scope: SchemaScope): fc.Arbitrary<[string, string][]> {
  return fc
    .tuple(
      ...op.queryParams.map((p) =>
        p.required
          ? validArbitrary(p.schema ?? {}, scope, p.name).map((v) => [p.name, encode(v)] as [string, string])
          : fc.option(
              validArbitrary(p.schema ?? {}, scope, p.name).map((v) => [p.name, encode(v)] as [string, string]),
              { nil: null },
            ),
      ),
    )
    .map((pairs) => pairs.filter((p): p is [string, string] => p !== null));
}

function shapeOf(schema: JsonSchema, scope: SchemaScope): BodyShape {
  const resolved = schema.$ref ? scope.resolve(schema.$ref) : schema;
  const object = resolved.type === 'array' && resolved.items ? resolved.items : resolved;
  return { names: Object.keys(object.properties ?? {}), required: object.required ?? [] };
}

const validUpload = fc.record({
  fileName: fc.constantFrom('notat.txt', 'logg.log', 'tabell.csv', 'lesmeg.md', 'data.json'),
  content: fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme-ascii' }),
  visibility: fc.option(fc.constantFrom('public', 'internal'), { nil: undefined }),
});

/** Valid and invalid requests for one operation, half and half. */
export function requestArbitrary(op: Operation, world: World, scope: SchemaScope): fc.Arbitrary<GeneratedRequest> {
  const pathParts = fc.tuple(...op.pathParams.map((p) => pathValue(op, p, world, scope).map(encode)));
  const query = queryArbitrary(op, scope);
  const body: fc.Arbitrary<{ wire: WireBody | null; valid: unknown }> =
    op.body === null
      ? fc.constant({ wire: null, valid: null })
      : op.body.contentType === 'multipart/form-data'
        ? validUpload.map((u): { wire: WireBody; valid: null } => ({
            wire: {
              type: 'upload',
              fileName: u.fileName,
              content: u.content,
              fields: u.visibility ? { visibility: u.visibility } : {},
            },
            valid: null,
          }))
        : validArbitrary(op.body.schema, scope).map((v) => ({
            wire: { type: 'text', text: JSON.stringify(v) },
            valid: v,
          }));
  const build = (
    kind: string,
    parts: string[],
    pairs: [string, string][],
    wire: WireBody | null,
    contentType: string | undefined,
  ): GeneratedRequest => {
    let i = 0;
    const path = op.template.replace(/\{[^}]+\}/g, () => parts[i++] ?? 'x');
    const search = pairs.map(([k, v]) => `${k}=${v}`).join('&');
    // A multipart body brings its own content type with the boundary; only a deliberately wrong one is sent.
    const type = wire?.type === 'upload' && contentType === 'multipart/form-data' ? undefined : contentType;
    return { kind, method: op.method, path: search ? `${path}?${search}` : path, contentType: type, body: wire };
  };
  const valid = fc
    .tuple(pathParts, query, body)
    .map(([parts, pairs, b]) => build('valid', parts, pairs, b.wire, b.wire ? op.body?.contentType : undefined));

  const wrongs: fc.Arbitrary<GeneratedRequest>[] = [];
  if (op.body !== null) {
    const shape = shapeOf(op.body.schema, scope);
    const contentType = op.body.contentType;
    wrongs.push(
      fc.tuple(pathParts, query, body).chain(([parts, pairs, b]) => {
        const wrong: fc.Arbitrary<InvalidBody> =
          b.wire?.type === 'upload' ? invalidUpload(b.wire) : invalidJsonBody(b.valid, shape, contentType);
        return wrong.map((w) => build(w.kind, parts, pairs, w.body, w.contentType));
      }),
    );
  }
  const hostile = fc.constantFrom(...hostileUrlValues);
  const queryNames = [...op.queryParams.map((p) => p.name), 'limit', 'organisationId'];
  wrongs.push(
    fc
      .tuple(pathParts, query, body, fc.constantFrom(...queryNames), hostile)
      .map(([parts, pairs, b, name, value]) =>
        build(
          'hostile-query',
          parts,
          [...pairs.filter(([k]) => k !== name), [name, value]],
          b.wire,
          op.body?.contentType,
        ),
      ),
  );
  if (op.pathParams.length > 0)
    wrongs.push(
      fc
        .tuple(pathParts, fc.nat(), hostile, query, body)
        .map(([parts, n, value, pairs, b]) =>
          build('hostile-path', parts.with(n % parts.length, value), pairs, b.wire, op.body?.contentType),
        ),
    );
  return fc.oneof(valid, fc.oneof(...wrongs));
}
