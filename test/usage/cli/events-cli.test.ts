import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTenant, type TestTenant } from '../../helpers/factories.ts';
import { nivaEnv, runNiva } from '../../helpers/cli.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let tenant: TestTenant;
let dir: string;

function event(id: string, count: number, time = new Date(Date.now() - 3_600_000).toISOString()) {
  return {
    specversion: '1.0',
    id,
    source: 'https://cli.test/authorization',
    type: 'no.niva.usage',
    time,
    data: { metric: 'authorizations', owner: tenant.organisation.code, service: tenant.service.resource_id, count },
  };
}

async function total(): Promise<number> {
  const row = await store.db
    .selectFrom('usage_daily')
    .select((eb) => eb.fn.sum<number | string>('count').as('n'))
    .where('owner_id', '=', tenant.organisation.id)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

before(async () => {
  store = await createTestStore();
  tenant = await createTenant(store);
  dir = mkdtempSync(path.join(os.tmpdir(), 'niva-events-'));
});
after(() => store.destroy());

describe('niva events ingest', () => {
  it('counts an NDJSON file once, and a second run only finds duplicates', async () => {
    const file = path.join(dir, 'events.ndjson');
    writeFileSync(file, `${Array.from({ length: 2500 }, (_, i) => JSON.stringify(event(`nd-${i}`, 2))).join('\n')}\n`);
    const first = await runNiva(['events', 'ingest', file, '--json'], nivaEnv(store));
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(JSON.parse(first.stdout), { accepted: 2500, duplicates: 0, rejected: 0 });
    const again = await runNiva(['events', 'ingest', file, '--json'], nivaEnv(store));
    assert.deepEqual(JSON.parse(again.stdout), { accepted: 0, duplicates: 2500, rejected: 0 });
    assert.equal(await total(), 5000);
  });

  it('takes a JSON array, lists what it rejected and exits 1', async () => {
    const file = path.join(dir, 'events.json');
    writeFileSync(file, JSON.stringify([event('arr-1', 7), event('arr-2', -3), { ...event('arr-3', 1), id: '' }]));
    const result = await runNiva(['events', 'ingest', file], nivaEnv(store));
    assert.equal(result.status, 1);
    assert.match(result.stdout, /1 counted, 0 already counted, 2 rejected/);
    assert.match(result.stderr, /event 1: data\.count: must not be negative/);
    assert.match(result.stderr, /event 2: id: required/);
  });

  it('refuses a file that is not events with one line and exit 2', async () => {
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '[{"specversion": "1.0",');
    for (const [file, pattern] of [
      [broken, /not valid JSON/],
      [path.join(dir, 'missing.ndjson'), /no such file/],
    ] as const) {
      const result = await runNiva(['events', 'ingest', file], nivaEnv(store));
      assert.equal(result.status, 2);
      assert.match(result.stderr, pattern);
      assert.equal(result.stderr.trim().split('\n').length, 1);
    }
  });
});

describe('niva usage close / adjust', () => {
  it('closes a month, then corrects it only through an audited adjustment', async () => {
    const closed = await runNiva(['usage', 'close', '--month', '2026-01', '--json'], nivaEnv(store));
    assert.equal(closed.status, 0, closed.stderr);
    assert.equal((JSON.parse(closed.stdout) as { alreadyClosed: boolean }).alreadyClosed, false);
    const adjusted = await runNiva(
      [
        'usage',
        'adjust',
        '--metric',
        'consents',
        '--month',
        '2026-01',
        '--owner',
        tenant.organisation.code,
        '--delta',
        '1200',
        '--reason',
        'Telling fra kilden kom sent',
        '--json',
      ],
      nivaEnv(store),
    );
    assert.equal(adjusted.status, 0, adjusted.stderr);
    assert.deepEqual(
      (({ figureBefore, figureAfter }) => ({ figureBefore, figureAfter }))(
        JSON.parse(adjusted.stdout) as { figureBefore: number; figureAfter: number },
      ),
      { figureBefore: 0, figureAfter: 1200 },
    );
    const below = await runNiva(
      [
        'usage',
        'adjust',
        '--metric',
        'consents',
        '--month',
        '2026-01',
        '--owner',
        tenant.organisation.code,
        '--delta',
        '-1201',
        '--reason',
        'For mye trukket',
      ],
      nivaEnv(store),
    );
    assert.equal(below.status, 2);
    assert.match(below.stderr, /delta: would take the figure below zero \(it is 1200\)/);
    const audit = await store.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'in', ['usage.adjust', 'usage.month-close'])
      .execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['usage.adjust', 'usage.month-close']);
  });
});
