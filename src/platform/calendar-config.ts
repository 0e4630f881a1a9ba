import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, LineCounter } from 'yaml';
import { ConfigError } from './config/config-error.ts';
import { builtInCalendarDefinitions } from './domain/calendar/built-in-calendars.ts';
import { calendarDefinitionSchema, type CalendarDefinitionInput } from './domain/calendar/calendar-definition.ts';
import { builtInCalendars, CalendarRegistry } from './domain/calendar/calendar-registry.ts';

type PathSegment = string | number;

// The YAML parser is loaded on first use: most runs have no calendars file, and loading it costs every command ~50 ms.
let yamlModule: typeof Yaml | null = null;
function yaml(): typeof Yaml {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yamlModule;
}

/** A problem in a calendars file, reported in one line as `FILE:LINE:COLUMN: path.to.field: message`. */
export class CalendarFileError extends ConfigError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}:${line}:${column}: ${field}: ${oneLine(problem)}`);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** `calendars[0].hours.mon[0][1]`; the whole document is `(root)`. */
function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path)
    text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
  return text === '' ? '(root)' : text;
}

/** Source offset of the node at `path`, or of its nearest existing ancestor; with `key`, of that key inside a map. */
function offsetOf(doc: Document, path: readonly PathSegment[], key?: string): number {
  for (let length = path.length; length >= 0; length--) {
    const node: unknown = length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true);
    if (!yaml().isNode(node) || !node.range) continue;
    if (key !== undefined && length === path.length && yaml().isMap(node)) {
      const pair = node.items.find((p) => yaml().isScalar(p.key) && p.key.value === key);
      if (pair && yaml().isNode(pair.key) && pair.key.range) return pair.key.range[0];
    }
    return node.range[0];
  }
  return 0;
}

class Locator {
  private readonly lines: LineCounter = new (yaml().LineCounter)();
  readonly doc: Document;

  constructor(
    readonly file: string,
    text: string,
  ) {
    this.doc = yaml().parseDocument(text, { lineCounter: this.lines, prettyErrors: false });
  }

  lineOf(path: readonly PathSegment[]): number {
    return this.lines.linePos(offsetOf(this.doc, path)).line;
  }

  errorAt(offset: number, path: readonly PathSegment[] | 'syntax error', problem: string): CalendarFileError {
    const { line, col } = this.lines.linePos(offset);
    return new CalendarFileError(this.file, line, col, typeof path === 'string' ? path : formatPath(path), problem);
  }

  error(path: readonly PathSegment[], problem: string, key?: string): CalendarFileError {
    return this.errorAt(offsetOf(this.doc, path, key), key === undefined ? path : [...path, key], problem);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entries and where they sit: a list at the root, or the list under `calendars`. */
function entriesOf(locator: Locator, value: unknown): { entries: unknown[]; base: PathSegment[] } {
  const shape = 'expected a list of calendars, or a map with the single key calendars holding that list';
  if (value === null || value === undefined) return { entries: [], base: [] };
  if (Array.isArray(value)) return { entries: value as unknown[], base: [] };
  if (!isRecord(value)) throw locator.error([], shape);
  const extra = Object.keys(value).find((k) => k !== 'calendars');
  if (extra !== undefined) throw locator.error([], `unknown key (${shape})`, extra);
  const list = value.calendars;
  if (list === null || list === undefined) return { entries: [], base: ['calendars'] };
  if (!Array.isArray(list)) throw locator.error(['calendars'], 'expected a list of calendar definitions');
  return { entries: list as unknown[], base: ['calendars'] };
}

/**
 * Reads and validates a calendars file (YAML or JSON: JSON is read as YAML). Any problem — syntax, schema, a
 * duplicate id, a built-in id — throws a CalendarFileError pointing at the offending line and column.
 */
export function loadCalendarFile(file: string): CalendarDefinitionInput[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new ConfigError(`${file}: cannot read the calendars file (${reason})`);
  }
  const locator = new Locator(file, text);
  const syntax = locator.doc.errors[0];
  if (syntax) throw locator.errorAt(syntax.pos[0], 'syntax error', syntax.message);
  let value: unknown;
  try {
    value = locator.doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (error) {
    throw locator.errorAt(0, 'syntax error', error instanceof Error ? error.message : String(error));
  }
  const { entries, base } = entriesOf(locator, value);

  const builtIn = new Set(builtInCalendarDefinitions.map((d) => d.id));
  const seen = new Map<string, number>();
  const definitions: CalendarDefinitionInput[] = [];
  entries.forEach((entry, index) => {
    const at: PathSegment[] = [...base, index];
    const parsed = calendarDefinitionSchema.safeParse(entry);
    if (!parsed.success) {
      const located = parsed.error.issues.map((issue) => {
        const path = [...at, ...issue.path.map((p): PathSegment => (typeof p === 'number' ? p : String(p)))];
        const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
        const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
        const problem =
          issue.code === 'unrecognized_keys' ? 'unknown key' : missing ? `required (${issue.message})` : issue.message;
        return { offset: offsetOf(locator.doc, path, key), path: key === undefined ? path : [...path, key], problem };
      });
      const first = located.sort((a, b) => a.offset - b.offset)[0] ?? {
        offset: offsetOf(locator.doc, at),
        path: at,
        problem: 'not a calendar definition',
      };
      throw locator.errorAt(first.offset, first.path, first.problem);
    }
    const id = parsed.data.id;
    if (builtIn.has(id)) throw locator.error([...at, 'id'], `${id} is a built-in calendar and cannot be redefined`);
    const earlier = seen.get(id);
    if (earlier !== undefined)
      throw locator.error(
        [...at, 'id'],
        `duplicate calendar id ${id} (first declared at line ${locator.lineOf([...base, earlier, 'id'])})`,
      );
    seen.set(id, index);
    definitions.push(parsed.data);
  });
  return definitions;
}

/** The built-in calendars plus those of `file` (when given). */
export function calendarRegistryFrom(file: string | null): CalendarRegistry {
  return file === null ? builtInCalendars() : new CalendarRegistry(loadCalendarFile(file));
}
