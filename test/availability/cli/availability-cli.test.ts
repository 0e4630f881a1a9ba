import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runNiva } from '../../helpers/cli.ts';

// The file form needs no database.
const env = { ...process.env, LOG_LEVEL: 'silent' };
const dir = mkdtempSync(path.join(os.tmpdir(), 'niva-availability-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

const oneHourDown = file('outages.json', [{ start: '2026-03-10T10:00:00+01:00', end: '2026-03-10T11:00:00+01:00' }]);
const inTime = file('maintenance-in-time.json', [
  {
    start: '2026-03-19T02:00:00+01:00',
    end: '2026-03-19T04:00:00+01:00',
    announced: '2026-03-12T16:00:00+01:00',
    kind: 'maintenance',
  },
]);
const late = file('maintenance-late.json', [
  {
    start: '2026-03-19T02:00:00+01:00',
    end: '2026-03-19T04:00:00+01:00',
    announced: '2026-03-13T09:00:00+01:00',
    kind: 'maintenance',
  },
]);

// The bug report: maintenance on Friday 4 December announced on the 3rd, long after its five business days.
const lateTomorrow = file('maintenance-late-tomorrow.json', [
  {
    start: '2026-12-04T22:00:00+01:00',
    end: '2026-12-04T23:00:00+01:00',
    announced: '2026-12-03T15:20:00+01:00',
    kind: 'maintenance',
  },
]);
const wholeMarch = { progress: 'complete', through: '2026-04-01T00:00:00+02:00', projection: null };
const december = ['--calendar', 'always', '--month', '2026-12', '--maintenance', lateTomorrow];

describe('niva availability --calendar (the scripts contract)', () => {
  const rows: [string, string[], Record<string, unknown>][] = [
    [
      'a quiet 24/7 March',
      ['--calendar', 'always', '--month', '2026-03'],
      {
        availability: 1,
        scheduledSeconds: 743 * 3600,
        operatingSeconds: 743 * 3600,
        downtimeSeconds: 0,
        unknownSeconds: 0,
        ...wholeMarch,
      },
    ],
    [
      'one hour down, maintenance in time',
      ['--calendar', 'always', '--month', '2026-03', '--outages', oneHourDown, '--maintenance', inTime],
      {
        availability: 740 / 741,
        scheduledSeconds: 743 * 3600,
        operatingSeconds: 741 * 3600,
        downtimeSeconds: 3600,
        unknownSeconds: 0,
        ...wholeMarch,
      },
    ],
    [
      'one hour down, maintenance late',
      ['--calendar', 'always', '--month', '2026-03', '--outages', oneHourDown, '--maintenance', late],
      {
        availability: 740 / 743,
        scheduledSeconds: 743 * 3600,
        operatingSeconds: 743 * 3600,
        downtimeSeconds: 3 * 3600,
        unknownSeconds: 0,
        ...wholeMarch,
      },
    ],
    [
      'studio hours in March',
      ['--calendar', 'studio-hours', '--month', '2026-03', '--outages', oneHourDown],
      {
        availability: 285 / 286,
        scheduledSeconds: 286 * 3600,
        operatingSeconds: 286 * 3600,
        downtimeSeconds: 3600,
        unknownSeconds: 0,
        ...wholeMarch,
      },
    ],
    [
      'December so far, with late work tomorrow: up to now only, the work in the projection',
      [...december, '--at', '2026-12-03T16:00:00+01:00'],
      {
        availability: 1,
        scheduledSeconds: 64 * 3600,
        operatingSeconds: 64 * 3600,
        downtimeSeconds: 0,
        unknownSeconds: 0,
        progress: 'to-date',
        through: '2026-12-03T16:00:00+01:00',
        projection: { availability: 743 / 744, operatingSeconds: 744 * 3600, downtimeSeconds: 3600 },
      },
    ],
    [
      'December so far, once the late work has happened',
      [...december, '--at', '2026-12-05T10:00:00+01:00'],
      {
        availability: 105 / 106,
        scheduledSeconds: 106 * 3600,
        operatingSeconds: 106 * 3600,
        downtimeSeconds: 3600,
        unknownSeconds: 0,
        progress: 'to-date',
        through: '2026-12-05T10:00:00+01:00',
        projection: null,
      },
    ],
    [
      'a month not begun',
      ['--calendar', 'always', '--month', '2027-01', '--at', '2026-12-03T16:00:00+01:00'],
      {
        availability: null,
        scheduledSeconds: 0,
        operatingSeconds: 0,
        downtimeSeconds: 0,
        unknownSeconds: 0,
        progress: 'not-started',
        through: '2027-01-01T00:00:00+01:00',
        projection: null,
      },
    ],
  ];
  for (const [what, args, expected] of rows) {
    it(what, async () => {
      const result = await runNiva(['availability', ...args, '--json'], env);
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout) as unknown, expected);
    });
  }

  it('says in words that a month in progress is counted up to now, and what a projection is', async () => {
    const result = await runNiva(['availability', ...december, '--at', '2026-12-03T16:00:00+01:00'], env);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      [
        'availability 100.00 % (2026-12, always)',
        'scheduled 230400 s, operating 230400 s, downtime 0 s, unknown 0 s',
        'so far: counted up to 2026-12-03T16:00:00+01:00; the rest of the month is neither up nor down yet',
        'projection, if the published work ahead happens and nothing else goes down: 99.86 % for the whole month (not a verdict on the target)',
        '1 maintenance window(s) announced too late: counted as downtime once they happen',
        '',
      ].join('\n'),
    );
  });

  const bad: [string, string[], RegExp][] = [
    ['a bad --at', ['--at', 'tomorrow'], /--at: not an ISO 8601 instant/],
    [
      'an end before its start',
      ['--outages', file('backwards.json', [{ start: '2026-03-10T10:00:00+01:00', end: '2026-03-09T10:00:00+01:00' }])],
      /--outages .*backwards\.json: \[0\]\.end: is before start/,
    ],
    ['not JSON', ['--outages', file('broken.json', '[{')], /--outages .*broken\.json: not JSON/],
    [
      'an unknown kind',
      [
        '--maintenance',
        file('kind.json', [
          {
            start: '2026-03-19T02:00:00+01:00',
            end: '2026-03-19T04:00:00+01:00',
            announced: '2026-03-01T00:00:00+01:00',
            kind: 'whenever',
          },
        ]),
      ],
      /\[0\]\.kind/,
    ],
    ['a bad month', ['--month', '2026-13'], /--month: expected YYYY-MM/],
    ['an unknown calendar', ['--calendar', 'sometimes'], /--calendar: unknown calendar sometimes/],
  ];
  for (const [what, args, message] of bad) {
    it(`refuses ${what} with one line and exit 2`, async () => {
      const base = ['--calendar', 'always', '--month', '2026-03'];
      const merged = [...base];
      for (let i = 0; i < args.length; i += 2) {
        const at = merged.indexOf(args[i] ?? '');
        if (at >= 0) merged[at + 1] = args[i + 1] ?? '';
        else merged.push(args[i] ?? '', args[i + 1] ?? '');
      }
      const result = await runNiva(['availability', ...merged, '--json'], env);
      assert.equal(result.status, 2);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split('\n').length, 1);
    });
  }
});
