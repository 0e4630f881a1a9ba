import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runNiva } from '../helpers/cli.ts';

// These commands need no database; a bad DATABASE_URL must not matter to them.
const env = { ...process.env, LOG_LEVEL: 'silent' };

describe('niva calendar / sla / notice (the scripts contract)', () => {
  const ok: [string[], Record<string, unknown>][] = [
    [
      ['calendar', 'due', '--calendar', 'servicedesk', '--start', '2026-03-27T15:30:00+01:00', '--hours', '1'],
      { due: '2026-03-30T08:45:00+02:00' },
    ],
    [
      ['calendar', 'due', '--calendar', 'servicedesk', '--start', '2026-03-28T10:00:00+01:00', '--business-days', '3'],
      { due: '2026-04-01T15:45:00+02:00' },
    ],
    [
      ['calendar', 'due', '--calendar', 'always', '--start', '2026-10-25T02:30', '--hours', '1'],
      { due: '2026-10-25T02:30:00+01:00' },
    ],
    [
      [
        'calendar',
        'elapsed',
        '--calendar',
        'servicedesk',
        '--from',
        '2026-03-02T00:00:00+01:00',
        '--to',
        '2026-03-09T00:00:00+01:00',
      ],
      { seconds: 139_500 },
    ],
    [
      [
        'calendar',
        'elapsed',
        '--calendar',
        'always',
        '--from',
        '2026-03-29T00:00:00+01:00',
        '--to',
        '2026-03-30T00:00:00+02:00',
      ],
      { seconds: 82_800 },
    ],
    [
      ['sla', 'due', '--policy', 'incident-c-resolve', '--registered', '2026-04-01T10:00:00+02:00'],
      { due: '2026-04-09T15:45:00+02:00' },
    ],
    [
      ['sla', 'due', '--policy', 'incident-a-start', '--registered', '2026-03-29T01:30:00Z'],
      { due: '2026-03-29T04:30:00+02:00' },
    ],
    [
      [
        'notice',
        'check',
        '--policy',
        'maintenance-notice',
        '--announced',
        '2026-03-12T23:59:59+01:00',
        '--start',
        '2026-03-19T10:00:00+01:00',
      ],
      { ok: true, latest: '2026-03-13T00:00:00+01:00' },
    ],
    [
      [
        'notice',
        'check',
        '--policy',
        'maintenance-notice',
        '--announced',
        '2026-03-13T00:00:01+01:00',
        '--start',
        '2026-03-19T10:00:00+01:00',
      ],
      { ok: false, latest: '2026-03-13T00:00:00+01:00' },
    ],
    [
      [
        'notice',
        'check',
        '--policy',
        'change-notice',
        '--announced',
        '2026-03-10T10:00:00+01:00',
        '--start',
        '2026-05-05T10:00:00+02:00',
      ],
      { ok: true, latest: '2026-03-10T10:00:00+01:00' },
    ],
    [
      [
        'notice',
        'check',
        '--policy',
        'emergency-change',
        '--announced',
        '2026-03-19T09:00:00+01:00',
        '--start',
        '2026-03-19T10:00:00+01:00',
      ],
      { ok: true, latest: '2026-03-19T10:00:00+01:00' },
    ],
  ];
  for (const [args, expected] of ok) {
    it(`${args.slice(0, 2).join(' ')} ${args.slice(2).join(' ')}`, async () => {
      const result = await runNiva([...args, '--json'], env);
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(JSON.parse(result.stdout) as unknown, expected);
      assert.equal(result.stdout.trim().split('\n').length, 1);
    });
  }

  const bad: [string[], string][] = [
    [['calendar', 'due', '--calendar', 'nowhere', '--start', '2026-03-02T10:00:00Z', '--hours', '1'], '--calendar'],
    [['calendar', 'due', '--calendar', 'servicedesk', '--start', '2026-02-30T10:00:00Z', '--hours', '1'], '--start'],
    [['calendar', 'due', '--calendar', 'servicedesk', '--start', '2026-03-02T10:00:00Z', '--hours', '-2'], '--hours'],
    [
      ['calendar', 'due', '--calendar', 'servicedesk', '--start', '2026-03-02T10:00:00Z', '--business-days', '1.5'],
      '--business-days',
    ],
    [
      [
        'calendar',
        'elapsed',
        '--calendar',
        'servicedesk',
        '--from',
        '2026-03-03T10:00:00Z',
        '--to',
        '2026-03-02T10:00:00Z',
      ],
      '--to',
    ],
    [['sla', 'due', '--policy', 'incident-z', '--registered', '2026-03-02T10:00:00Z'], '--policy'],
    [
      ['notice', 'check', '--policy', 'maintenance-notice', '--announced', 'soon', '--start', '2026-03-19T10:00:00Z'],
      '--announced',
    ],
  ];
  for (const [args, argument] of bad) {
    it(`exits 2 naming ${argument}: ${args.join(' ')}`, async () => {
      const result = await runNiva([...args, '--json'], env);
      assert.equal(result.status, 2);
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0] ?? '', new RegExp(argument));
      assert.equal(result.stdout, '');
    });
  }
});
