import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseInstant } from '../../../src/platform/domain/calendar/iso-instant.ts';
import { phoneFigures } from '../../../src/modules/support/domain/support-kpis.ts';
import type { Actor } from '../../../src/platform/services/actor.ts';
import { isAppError } from '../../../src/platform/services/app-error.ts';
import { appendCaseEvent } from '../../../src/modules/cases/services/append-case-event.ts';
import { registerCase } from '../../../src/modules/cases/services/register-case.ts';
import { importSupportCalls } from '../../../src/modules/support/services/import-support-calls.ts';
import { importSupportEmails } from '../../../src/modules/support/services/import-support-emails.ts';
import { supportKpis } from '../../../src/modules/support/services/support-kpis.ts';
import { mulberry32 } from '../../../src/app/demo/seeded-random.ts';
import { createTenant, systemContext, type TestTenant } from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let tenant: TestTenant;

const at = (iso: string): number => {
  const t = parseInstant(iso);
  if (t === null) throw new Error(iso);
  return t;
};

before(async () => {
  store = await createTestStore();
  tenant = await createTenant(store);
});
after(() => store.destroy());

async function auditCount(action: string): Promise<number> {
  return (await store.db.selectFrom('audit_events').select('seq').where('action', '=', action).execute()).length;
}

async function rowsOf(table: 'support_calls' | 'support_emails', prefix: string): Promise<number> {
  return (await store.db.selectFrom(table).select('id').where('external_id', 'like', `${prefix}%`).execute()).length;
}

describe('importing call logs', () => {
  it('sums the same figures in the database as the domain does over the records', async () => {
    const random = mulberry32(7);
    const records = Array.from({ length: 400 }, (_, i) => {
      const queuedAt =
        at('2025-11-03T08:00:00+01:00') + Math.floor(random() * 20) * 86_400_000 + Math.floor(random() * 7 * 3_600_000);
      const kind = random();
      if (kind < 0.1) return { line: 'servicedesk' as const, externalId: `sum-${i}`, queuedAt, abandoned: true };
      if (kind < 0.25)
        return {
          line: 'servicedesk' as const,
          externalId: `sum-${i}`,
          queuedAt,
          answeredAt: queuedAt + 3_600_000,
          callback: 1 as const,
        };
      return {
        line: 'servicedesk' as const,
        externalId: `sum-${i}`,
        queuedAt,
        answeredAt: queuedAt + Math.floor(random() * 400_000),
      };
    });
    const report = await importSupportCalls(systemContext(store), records);
    assert.deepEqual(report, { dryRun: false, records: 400, inserted: 400, skipped: 0 });
    const [month] = await supportKpis(systemContext(store), { from: '2025-11', line: 'servicedesk' });
    const expected = phoneFigures(
      records
        .filter((r) => r.queuedAt < at('2025-12-01T00:00:00+01:00'))
        .map((r) => ({
          queuedAt: r.queuedAt,
          answeredAt: r.answeredAt ?? null,
          abandoned: r.abandoned === true,
          callback: r.callback === 1,
        })),
    );
    assert.deepEqual(month?.phone, expected);
  });

  it('is idempotent on line and external id, with one audit event per import', async () => {
    const ctx = systemContext(store);
    const records = [
      {
        line: 'brukerservice',
        externalId: 'idem-1',
        queuedAt: '2025-10-06T09:00:00+02:00',
        answeredAt: '2025-10-06T09:00:30+02:00',
      },
      { line: 'brukerservice', externalId: 'idem-2', queuedAt: '2025-10-06T09:01:00+02:00', abandoned: 1 },
      // The same external id on the other line is another call.
      {
        line: 'servicedesk',
        externalId: 'idem-1',
        queuedAt: '2025-10-06T09:00:00+02:00',
        answeredAt: '2025-10-06T09:02:00+02:00',
      },
    ];
    const before = await auditCount('support.import-calls');
    assert.deepEqual(await importSupportCalls(ctx, records), { dryRun: false, records: 3, inserted: 3, skipped: 0 });
    assert.deepEqual(await importSupportCalls(ctx, records), { dryRun: false, records: 3, inserted: 0, skipped: 3 });
    assert.equal(await auditCount('support.import-calls'), before + 2);
    assert.equal(await rowsOf('support_calls', 'idem-'), 3);
  });

  it('counts on a dry run and writes nothing', async () => {
    const before = await auditCount('support.import-calls');
    const report = await importSupportCalls(
      systemContext(store),
      [
        {
          line: 'brukerservice',
          externalId: 'dry-1',
          queuedAt: '2025-10-07T09:00:00+02:00',
          answeredAt: '2025-10-07T09:00:10+02:00',
        },
        {
          line: 'brukerservice',
          externalId: 'idem-1',
          queuedAt: '2025-10-06T09:00:00+02:00',
          answeredAt: '2025-10-06T09:00:30+02:00',
        },
      ],
      { dryRun: true },
    );
    assert.deepEqual(report, { dryRun: true, records: 2, inserted: 1, skipped: 1 });
    assert.equal(await rowsOf('support_calls', 'dry-'), 0);
    assert.equal(await auditCount('support.import-calls'), before);
  });

  const refused: { what: string; records: unknown[]; field: string; message: RegExp }[] = [
    {
      what: 'an answer before the call was queued',
      records: [
        {
          line: 'brukerservice',
          externalId: 'bad-1',
          queuedAt: '2025-10-07T09:00:00+02:00',
          answeredAt: '2025-10-07T08:59:00+02:00',
        },
      ],
      field: '0.answeredAt',
      message: /before queuedAt/,
    },
    {
      what: 'an unknown line',
      records: [{ line: 'sentralbord', externalId: 'bad-2', queuedAt: '2025-10-07T09:00:00+02:00', abandoned: 1 }],
      field: '0.line',
      message: /brukerservice/,
    },
    {
      what: 'a bad instant after a good record',
      records: [
        { line: 'brukerservice', externalId: 'bad-3', queuedAt: '2025-10-07T09:00:00+02:00', abandoned: 1 },
        { line: 'brukerservice', externalId: 'bad-4', queuedAt: 'i går', abandoned: 1 },
      ],
      field: '1.queuedAt',
      message: /ISO 8601/,
    },
    {
      what: 'a flag that is neither 0 nor 1',
      records: [
        { line: 'brukerservice', externalId: 'bad-5', queuedAt: '2025-10-07T09:00:00+02:00', abandoned: 'kanskje' },
      ],
      field: '0.abandoned',
      message: /0 or 1/,
    },
    {
      what: 'an answered call without an answer time',
      records: [{ line: 'brukerservice', externalId: 'bad-6', queuedAt: '2025-10-07T09:00:00+02:00' }],
      field: '0.answeredAt',
      message: /required/,
    },
    {
      what: 'the same call twice',
      records: [
        { line: 'brukerservice', externalId: 'bad-7', queuedAt: '2025-10-07T09:00:00+02:00', abandoned: 1 },
        { line: 'brukerservice', externalId: 'bad-7', queuedAt: '2025-10-07T09:00:00+02:00', abandoned: 1 },
      ],
      field: '1.externalId',
      message: /twice/,
    },
    { what: 'nothing', records: [], field: '(body)', message: /no records/ },
  ];
  for (const row of refused) {
    it(`refuses ${row.what}, naming the field, and writes nothing`, async () => {
      const before = await auditCount('support.import-calls');
      await assert.rejects(importSupportCalls(systemContext(store), row.records), (error) => {
        assert.ok(isAppError(error));
        assert.equal(error.code, 'validation');
        assert.equal(error.fields[0]?.field, row.field);
        assert.match(error.fields[0]?.message ?? '', row.message);
        return true;
      });
      assert.equal(await rowsOf('support_calls', 'bad-'), 0);
      assert.equal(await auditCount('support.import-calls'), before);
    });
  }

  it('lets only the operator import', async () => {
    const owner: Actor = {
      type: 'token',
      id: 'x',
      label: 'owner token',
      organisationId: tenant.organisation.id,
      organisationKind: 'owner',
      scopes: ['support:write'],
    };
    await assert.rejects(
      importSupportCalls({ ...systemContext(store), actor: owner }, [
        { line: 'brukerservice', externalId: 'own-1', queuedAt: 0, abandoned: 1 },
      ]),
      (e) => isAppError(e) && e.code === 'forbidden',
    );
    const reader: Actor = { ...owner, scopes: ['support:read'] };
    assert.ok(Array.isArray(await supportKpis({ ...systemContext(store), actor: reader }, { from: '2025-10' })));
  });
});

describe('e-mail and self-service figures', () => {
  it('judges e-mails against 8 open hours of brukerservice at the clock', async () => {
    // The test clock is Monday 2 March 2026 10:00; an e-mail received Friday 27 Feb 14:00 is due Monday 2 March 14:30.
    await importSupportEmails(systemContext(store), [
      {
        line: 'brukerservice',
        externalId: 'mail-1',
        receivedAt: '2026-02-02T09:00:00+01:00',
        firstAnswerAt: '2026-02-02T16:00:00+01:00',
      },
      {
        line: 'brukerservice',
        externalId: 'mail-2',
        receivedAt: '2026-02-02T09:00:00+01:00',
        firstAnswerAt: '2026-02-03T09:31:00+01:00',
      },
      { line: 'brukerservice', externalId: 'mail-3', receivedAt: '2026-02-10T09:00:00+01:00' },
      { line: 'brukerservice', externalId: 'mail-4', receivedAt: '2026-02-27T14:00:00+01:00', firstAnswerAt: null },
    ]);
    const [feb] = await supportKpis(systemContext(store), { from: '2026-02' });
    assert.deepEqual([feb?.email.count, feb?.email.inTime, feb?.email.late, feb?.email.pending], [4, 1, 2, 1]);
    assert.deepEqual(feb?.kpis.find((k) => k.id === 'email-reply')?.met, false);
  });

  it('takes self-service cases from their stored support-portal-reply clocks', async () => {
    const ctx = systemContext(store);
    const answered = await registerCase(ctx, {
      organisationId: tenant.organisation.id,
      kind: 'support-request',
      title: 'Hvordan gir jeg tilgang?',
      registeredAt: '2026-02-02T10:00:00+01:00',
    });
    await appendCaseEvent(ctx, {
      caseId: answered.row.id,
      type: 'feedback-given',
      at: '2026-02-04T12:00:00+01:00',
      body: 'Slik gjør du det.',
      visibility: 'public',
    });
    await registerCase(ctx, {
      organisationId: tenant.organisation.id,
      kind: 'support-request',
      title: 'Ingen har svart meg',
      registeredAt: '2026-02-09T10:00:00+01:00',
    });
    await registerCase(ctx, {
      organisationId: tenant.organisation.id,
      kind: 'support-request',
      title: 'Nylig spørsmål',
      registeredAt: '2026-02-27T15:00:00+01:00',
    });
    await registerCase(ctx, {
      organisationId: tenant.organisation.id,
      kind: 'incident',
      category: 'C',
      title: 'Ikke en selvbetjent sak',
      registeredAt: '2026-02-03T10:00:00+01:00',
    });
    const [feb] = await supportKpis(ctx, { from: '2026-02' });
    assert.deepEqual(
      [feb?.selfService.count, feb?.selfService.inTime, feb?.selfService.late, feb?.selfService.pending],
      [3, 1, 1, 1],
    );
    const weeks = await supportKpis(ctx, { from: '2026-02', period: 'week' });
    assert.deepEqual(
      weeks.map((w) => [w.period.key, w.selfService.inTime, w.selfService.late]),
      [
        ['2026-W05', 0, 0],
        ['2026-W06', 1, 0],
        ['2026-W07', 0, 1],
        ['2026-W08', 0, 0],
        ['2026-W09', 0, 0],
      ],
    );
  });

  const bad: { input: Record<string, string>; field: string }[] = [
    { input: { from: '2026-13' }, field: 'from' },
    { input: { from: '2026-02', to: '2026-01' }, field: 'to' },
    { input: { from: '2020-01', to: '2026-01' }, field: 'to' },
    { input: { from: '2026-01', line: 'kundesenter' }, field: 'line' },
    { input: { from: '2026-01', period: 'day' }, field: 'period' },
  ];
  for (const row of bad) {
    it(`refuses ${JSON.stringify(row.input)} naming ${row.field}`, async () => {
      await assert.rejects(
        supportKpis(systemContext(store), row.input as never),
        (e) => isAppError(e) && e.fields[0]?.field === row.field,
      );
    });
  }
});
