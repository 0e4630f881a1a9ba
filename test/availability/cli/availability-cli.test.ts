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

describe('niva availability --calendar (the scripts contract)', () => {
  const rows: [string, string[], Record<string, number>][] = [
    [
      'a quiet 24/7 March',
      ['--calendar', 'always', '--month', '2026-03'],
      {
        availability: 1,
        scheduledSeconds: 743 * 3600,
        operatingSeconds: 743 * 3600,
        downtimeSeconds: 0,
        unknownSeconds: 0,
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

  const bad: [string, string[], RegExp][] = [
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
