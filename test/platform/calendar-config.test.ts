import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CalendarFileError, calendarRegistryFrom, loadCalendarFile } from '../../src/platform/calendar-config.ts';
import { ConfigError, loadConfig } from '../../src/platform/config/config.ts';
import { builtInCalendars } from '../../src/platform/domain/calendar/calendar-registry.ts';
import { formatInstant, parseInstant } from '../../src/platform/domain/calendar/iso-instant.ts';
import { repoRoot, runNiva } from '../helpers/cli.ts';

const at = (text: string): number => parseInstant(text) ?? Number.NaN;

describe('calendars declared in a configuration file', () => {
  let dir: string;
  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  /** The one-line message of the error that loading `text` throws. */
  const failure = (name: string, text: string): string => {
    const file = write(name, text);
    try {
      loadCalendarFile(file);
    } catch (error) {
      assert.ok(error instanceof CalendarFileError, `a CalendarFileError, got ${String(error)}`);
      assert.ok(error instanceof ConfigError, 'a ConfigError, so that the CLI exits 2');
      assert.doesNotMatch(error.message, /\n/);
      return error.message.slice(file.length);
    }
    assert.fail(`${name} loaded without error`);
  };

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'niva-calendars-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a YAML list and a JSON { calendars } file alike', () => {
    const yaml = write(
      'ops.yaml',
      [
        '- id: ops',
        '  name: Operations',
        '  hours:',
        '    sat: [["10:00", "14:00"]]',
        '  holidays: NO',
        '  closedDates: [2026-12-24]',
        '',
      ].join('\n'),
    );
    const json = write(
      'ops.json',
      JSON.stringify(
        {
          calendars: [
            {
              id: 'ops',
              name: 'Operations',
              hours: { sat: [['10:00', '14:00']] },
              holidays: 'NO',
              closedDates: ['2026-12-24'],
            },
          ],
        },
        null,
        2,
      ),
    );
    const fromYaml = loadCalendarFile(yaml);
    assert.deepEqual(fromYaml, loadCalendarFile(json));
    assert.equal(fromYaml[0]?.holidays, 'NO', 'NO is a string in YAML 1.2, not false');
    const registry = calendarRegistryFrom(yaml);
    assert.deepEqual(registry.ids(), [...builtInCalendars().ids(), 'ops']);
    const ops = registry.get('ops');
    assert.ok(ops);
    assert.equal(
      formatInstant(ops.addOpenTime(at('2026-03-27T12:00:00+01:00'), 2 * 3_600_000)),
      '2026-03-28T12:00:00+01:00',
    );
  });

  it('takes an empty file or an empty list as no extra calendars, and no file as the built-in ones', () => {
    assert.deepEqual(loadCalendarFile(write('empty.yaml', '# nothing yet\n')), []);
    assert.deepEqual(loadCalendarFile(write('empty.json', '{ "calendars": [] }')), []);
    assert.equal(calendarRegistryFrom(null), builtInCalendars());
  });

  it('loads the example in docs/', () => {
    const registry = calendarRegistryFrom(path.join(repoRoot, 'docs', 'calendars.example.yaml'));
    const christmas = registry.get('brukerservice-christmas');
    assert.ok(christmas);
    assert.equal(
      formatInstant(christmas.addOpenTime(at('2026-12-23T15:00:00+01:00'), 3_600_000)),
      '2026-12-28T08:30:00+01:00',
    );
  });

  it('reports a YAML syntax error at the parser’s position', () => {
    assert.equal(
      failure('syntax.yaml', ['- id: ops', '  hours:', '    mon: [["08:00", "16:00"]', '  name: Ops', ''].join('\n')),
      ':4:3: syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    assert.equal(
      failure('duplicate-key.yaml', ['- id: ops', '  id: ops2', ''].join('\n')),
      ':2:3: syntax error: Map keys must be unique',
    );
  });

  it('reports a JSON syntax error at the parser’s position', () => {
    assert.match(
      failure('syntax.json', '{ "calendars": [\n  { "id": "ops" "name": "x" }\n] }\n'),
      /^:2:17: syntax error: /,
    );
  });

  it('reports a bad time deep inside the hours at its exact line and column', () => {
    const text = [
      'calendars:',
      '  - id: ops',
      '    hours:',
      '      tue: [["08:00", "16:00"]]',
      '      mon:',
      '        - ["08:00", "16:00"]',
      '        - ["17:00", "25:00"]',
      '',
    ].join('\n');
    assert.equal(
      failure('time.yaml', text),
      ':7:21: calendars[0].hours.mon[1][1]: a time HH:MM between 00:00 and 24:00',
    );
    assert.equal(
      failure('time.json', '[\n  { "id": "ops",\n    "hours": { "mon": [["08:00", "25:00"]] } }\n]\n'),
      ':3:34: [0].hours.mon[0][1]: a time HH:MM between 00:00 and 24:00',
    );
  });

  it('reports an unknown key at the key itself', () => {
    assert.equal(
      failure(
        'key.yaml',
        ['- id: ops', '  hours:', '    mon: [["08:00", "16:00"]]', '    monday: [["08:00", "16:00"]]', ''].join('\n'),
      ),
      ':4:5: [0].hours.monday: unknown key',
    );
    assert.equal(
      failure('top.yaml', ['calendar:', '  - id: ops', ''].join('\n')),
      ':1:1: calendar: unknown key (expected a list of calendars, or a map with the single key calendars holding that list)',
    );
  });

  it('reports a missing id, a wrong type and a failed rule of the schema', () => {
    assert.equal(
      failure('missing.yaml', ['- id: ops', '- name: Nameless', ''].join('\n')),
      ':2:3: [1].id: required (Invalid input: expected string, received undefined)',
    );
    assert.equal(
      failure('type.yaml', ['- id: ops', '  alwaysOpen: yes', ''].join('\n')),
      ':2:15: [0].alwaysOpen: Invalid input: expected boolean, received string',
    );
    assert.equal(
      failure(
        'rule.yaml',
        ['- id: ops', '  alwaysOpen: true', '  hours: { sat: [["10:00", "14:00"]] }', ''].join('\n'),
      ),
      ':2:15: [0].alwaysOpen: a 24/7 calendar has no opening hours',
    );
  });

  it('reports a duplicate id at the second declaration', () => {
    assert.equal(
      failure(
        'duplicate.yaml',
        ['calendars:', '  - id: ops', '  - id: night', '  - name: Again', '    id: ops', ''].join('\n'),
      ),
      ':5:9: calendars[2].id: duplicate calendar id ops (first declared at line 2)',
    );
  });

  it('refuses to redefine a built-in calendar', () => {
    assert.equal(
      failure('builtin.json', '{\n  "calendars": [\n    { "id": "servicedesk", "alwaysOpen": true }\n  ]\n}\n'),
      ':3:13: calendars[0].id: servicedesk is a built-in calendar and cannot be redefined',
    );
  });

  it('reports a missing file in one line naming it', () => {
    const file = path.join(dir, 'absent.yaml');
    assert.throws(
      () => loadCalendarFile(file),
      (error: unknown) =>
        error instanceof ConfigError && error.message === `${file}: cannot read the calendars file (ENOENT)`,
    );
  });

  it('reads NIVA_CALENDARS_FILE into the configuration', () => {
    assert.equal(loadConfig({}).calendarsFile, null);
    assert.equal(
      loadConfig({ NIVA_CALENDARS_FILE: '/etc/niva/calendars.yaml' }).calendarsFile,
      '/etc/niva/calendars.yaml',
    );
    assert.throws(
      () => loadConfig({ NIVA_CALENDARS_FILE: '   ' }),
      (error: unknown) => error instanceof ConfigError && error.message.startsWith('NIVA_CALENDARS_FILE: '),
    );
  });

  describe('the CLI', () => {
    const env = (file: string): NodeJS.ProcessEnv => ({
      ...process.env,
      LOG_LEVEL: 'silent',
      NIVA_CALENDARS_FILE: file,
    });

    it('computes with a calendar from the file', async () => {
      const file = write(
        'cli.yaml',
        ['- id: weekend-desk', '  hours:', '    sat: [["10:00", "14:00"]]', '    sun: [["10:00", "14:00"]]', ''].join(
          '\n',
        ),
      );
      const due = await runNiva(
        [
          'calendar',
          'due',
          '--calendar',
          'weekend-desk',
          '--start',
          '2026-03-27T12:00:00+01:00',
          '--hours',
          '5',
          '--json',
        ],
        env(file),
      );
      assert.equal(due.stderr, '');
      assert.equal(due.status, 0);
      assert.deepEqual(JSON.parse(due.stdout), { due: '2026-03-29T11:00:00+02:00' });
      const elapsed = await runNiva(
        [
          'calendar',
          'elapsed',
          '--calendar',
          'weekend-desk',
          '--from',
          '2026-03-27T00:00:00+01:00',
          '--to',
          '2026-03-30T00:00:00+02:00',
        ],
        env(file),
      );
      assert.equal(elapsed.stdout, `${8 * 3600}\n`);
      const builtIn = await runNiva(
        ['calendar', 'due', '--calendar', 'servicedesk', '--start', '2026-03-27T15:30:00+01:00', '--hours', '1'],
        env(file),
      );
      assert.equal(builtIn.stdout, '2026-03-30T08:45:00+02:00\n');
    });

    it('exits 2 with one line naming FILE:LINE:COLUMN when the file is broken', async () => {
      const file = write(
        'cli-broken.yaml',
        ['- id: weekend-desk', '  hours:', '    sat: [["10:00", "14:00"]]', '    sun: [["10:00", "24:30"]]', ''].join(
          '\n',
        ),
      );
      const result = await runNiva(
        ['calendar', 'due', '--calendar', 'weekend-desk', '--start', '2026-03-27T12:00:00+01:00', '--hours', '5'],
        env(file),
      );
      assert.equal(result.status, 2, result.stderr);
      assert.equal(result.stdout, '');
      const lines = result.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.equal(lines[0], `niva: ${file}:4:21: [0].hours.sun[0][1]: a time HH:MM between 00:00 and 24:00`);
    });
  });
});
