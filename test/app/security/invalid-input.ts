import fc from 'fast-check';

/** What goes over the wire: JSON text, raw bytes (invalid UTF-8) or a multipart upload. */
export type WireBody =
  | { type: 'text'; text: string }
  | { type: 'bytes'; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'upload'; fileName: string | null; content: string; fields: Record<string, string> };

type Key = string | number;
type Json = unknown;

/** Characters the text rule exists for, and a few it lets through on purpose. */
export const hostileChars = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\u202E',
  '\u2066',
  '\u200F',
  '\u061C',
  '\u001B',
  '\u0085',
  '\u007F',
  '\uFEFF',
  '\r\n',
  '\t',
];
const wrongTypes: Json[] = [42, -1, 1.5, true, false, null, [], {}, 'x', '', [1, 2], { a: 1 }];
const hostileNumbers: Json[] = [
  1e308,
  -1e308,
  2 ** 53 + 1,
  -(2 ** 53),
  -1,
  0,
  0.5,
  1e21,
  4_294_967_296,
  -2_147_483_649,
];
const hostileInstants: Json[] = [
  0,
  -1,
  '1970-01-01T00:00:00Z',
  '1970-01-01',
  '1969-12-31T23:59:59Z',
  '9999-12-31T23:59:59Z',
  253_402_300_799_999,
  8.64e15 + 1,
  '2999-01-01T00:00:00+01:00',
  '2026-02-30T10:00:00Z',
  '2026-03-02T10:00:00+25:00',
  'igår',
];
/** Number literals JSON.parse reads as something no field should accept (`Infinity`, a negative zero, > 2^64). */
const hostileLiterals = ['1e999', '-1e999', '-0', '123456789012345678901234567890', '1.0e-400'];
const longLengths = [256, 1_001, 20_001, 200_000];
const wrongContentTypes = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/json; charset=utf-16',
  'application/jsonx',
  'application/problem+json',
  '',
];
/** Path and query values as they appear in a URL: already percent-encoded, some of them wrongly on purpose. */
export const hostileUrlValues = [
  '',
  '%00',
  '%ED%A0%80',
  '%E2%80%AE',
  '%FF',
  '%',
  '%zz',
  '-1',
  '0',
  '1e309',
  '99999999999999999999',
  'NaN',
  'a'.repeat(3000),
  '1970-01',
  '9999-12',
  '2026-13',
  '0000-00',
  'null',
  '%5B%5D',
  '..%2F..%2Fetc',
  '%2F',
  '%0A',
  'true%00',
];

function paths(value: Json, prefix: Key[] = []): Key[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

/** A copy of `root` with the value at `path` replaced, or removed when `replace` gives `undefined`. */
function setAt(root: Json, path: Key[], replace: (old: Json) => Json): Json {
  if (path.length === 0) return replace(root);
  const copy: Json = structuredClone(root);
  let node = copy as Record<Key, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<Key, Json>;
  const last = path[path.length - 1] as Key;
  const next = replace(node[last]);
  if (next === undefined) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else node[last] = next;
  return copy;
}

/** A target inside the body: one of its fields, or (for an empty body) a field the schema names. */
function pick(value: Json, names: readonly string[], index: number): Key[] {
  const all = [...paths(value), ...names.map((n) => [n])];
  return all.length === 0 ? [] : (all[index % all.length] ?? []);
}

function insertAt(text: string, index: number, piece: string): string {
  const at = text.length === 0 ? 0 : index % (text.length + 1);
  return text.slice(0, at) + piece + text.slice(at);
}

export interface BodyShape {
  /** Top-level properties of the body's schema (or of its items, for a list). */
  names: readonly string[];
  required: readonly string[];
}

export interface InvalidBody {
  kind: string;
  body: WireBody;
  contentType: string | undefined;
}

const json = (value: Json): WireBody => ({ type: 'text', text: JSON.stringify(value) });
const placeholder = '\u0001literal\u0001';

/** One way or another to get a JSON body wrong, starting from a valid one. */
export function invalidJsonBody(valid: Json, shape: BodyShape, contentType: string): fc.Arbitrary<InvalidBody> {
  const at = (n: number) => pick(valid, shape.names, n);
  const withValue = (kind: string, values: readonly Json[]) =>
    fc.tuple(fc.nat(), fc.constantFrom(...values)).map(([n, v]) => ({
      kind,
      contentType,
      body: json(setAt(valid, at(n), () => v)),
    }));
  return fc.oneof(
    withValue('wrong-type', wrongTypes),
    withValue('hostile-number', hostileNumbers),
    withValue('hostile-instant', hostileInstants),
    fc.tuple(fc.nat(), fc.constantFrom(...longLengths)).map(([n, length]) => ({
      kind: `long-string-${length}`,
      contentType,
      body: json(setAt(valid, at(n), () => 'å'.repeat(length))),
    })),
    fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...hostileChars)).map(([n, i, char]) => ({
      kind: `hostile-char-U+${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
      contentType,
      body: json(
        setAt(valid, at(n), (old) => insertAt(typeof old === 'string' ? old : JSON.stringify(old ?? ''), i, char)),
      ),
    })),
    fc.nat().map((n) => {
      const target = Array.isArray(valid) ? [0] : [];
      const names = shape.required.length > 0 ? shape.required : shape.names;
      const name = names.length > 0 ? names[n % names.length] : undefined;
      return {
        kind: 'missing-required',
        contentType,
        body: json(name === undefined ? {} : setAt(valid, [...target, name], () => undefined)),
      };
    }),
    fc.tuple(fc.nat(), fc.constantFrom(...hostileLiterals)).map(([n, literal]) => ({
      kind: 'hostile-literal',
      contentType,
      body: {
        type: 'text' as const,
        text: JSON.stringify(setAt(valid, at(n), () => placeholder)).replace(JSON.stringify(placeholder), literal),
      },
    })),
    fc.constantFrom<Json>(null, [], 'text', 42, true, {}, [{}], [[[]]]).map((root) => ({
      kind: 'wrong-root',
      contentType,
      body: json(root),
    })),
    fc.constantFrom('__proto__', 'constructor', 'a\u0000b', '\uD800', 'x'.repeat(5000)).map((key) => ({
      kind: 'extra-field',
      contentType,
      body: {
        type: 'text' as const,
        text: JSON.stringify(valid).replace(/^\{/, `{${JSON.stringify(key)}:{"admin":true},`),
      },
    })),
    fc
      .tuple(fc.nat(), fc.constantFrom('truncated', 'trailing', 'prefix', 'comma', 'empty', 'nul', 'deep'))
      .map(([n, how]) => {
        const text = JSON.stringify(valid);
        const broken: Record<typeof how, string> = {
          truncated: text.slice(0, Math.max(1, n % text.length)),
          trailing: `${text}}`,
          prefix: `x${text}`,
          comma: text.replace(/[}\]]$/, ',$&'),
          empty: '',
          nul: '\u0000',
          deep: '['.repeat(20_000) + ']'.repeat(20_000),
        };
        return { kind: `malformed-json-${how}`, contentType, body: { type: 'text' as const, text: broken[how] } };
      }),
    fc.nat().map((n) => {
      const bytes = Buffer.from(JSON.stringify(valid));
      const quote = bytes.indexOf(0x22, n % Math.max(1, bytes.length));
      const at = quote < 0 ? bytes.length : quote + 1;
      return {
        kind: 'invalid-utf8',
        contentType,
        body: {
          type: 'bytes' as const,
          bytes: new Uint8Array(
            Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff]), bytes.subarray(at)]),
          ),
        },
      };
    }),
    fc.constantFrom(...wrongContentTypes).map((type) => ({
      kind: 'wrong-content-type',
      contentType: type === '' ? undefined : type,
      body: json(valid),
    })),
  );
}

const hostileFileNames = [
  '',
  '.htaccess',
  '../../etc/passwd.txt',
  'a/b.txt',
  'a\\b.txt',
  'side.html',
  'bilde.svg',
  'kjør.exe',
  'uten-endelse',
  'fdp\u202Eexe.txt',
  'nul\u0000.txt',
  '\uD800.txt',
  `${'n'.repeat(300)}.txt`,
  'notat.pdf',
];
const hostileContents = [
  '',
  '<!doctype html><script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '\u0000\u0000',
  '%PDF',
];

/** A multipart upload gone wrong: names and contents the attachment policy refuses, a missing file, JSON instead. */
export function invalidUpload(valid: WireBody & { type: 'upload' }): fc.Arbitrary<InvalidBody> {
  return fc.oneof(
    fc.constantFrom(...hostileFileNames).map((fileName) => ({
      kind: 'upload-name',
      contentType: undefined,
      body: { ...valid, fileName },
    })),
    fc.constantFrom(...hostileContents).map((content) => ({
      kind: 'upload-content',
      contentType: undefined,
      body: { ...valid, content },
    })),
    fc.constant({ kind: 'upload-missing', contentType: undefined, body: { ...valid, fileName: null } }),
    fc.constantFrom('visibility', 'file').map((field) => ({
      kind: 'upload-field',
      contentType: undefined,
      body: { ...valid, fields: { ...valid.fields, [field]: '\u202Esecret\u0000' } },
    })),
    fc.constantFrom('application/json', 'text/plain', 'multipart/form-data').map((type) => ({
      kind: 'wrong-content-type',
      contentType: type,
      body: json({ fileName: 'notat.txt', content: valid.content }),
    })),
  );
}
