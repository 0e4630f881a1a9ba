import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../../../src/platform/services/actor.ts';
import { AppError } from '../../../src/platform/services/app-error.ts';
import { loadUserActor } from '../../../src/platform/auth/load-user-actor.ts';
import { verifyAuditChain } from '../../../src/platform/audit/verify-audit-chain.ts';
import { createComponent } from '../../../src/modules/availability/services/create-component.ts';
import type { ServiceContext } from '../../../src/platform/services/context.ts';
import { createMeeting } from '../../../src/modules/reports/services/create-meeting.ts';
import { createReportBlock } from '../../../src/modules/reports/services/create-report-block.ts';
import { createRoadmapEntry } from '../../../src/modules/reports/services/create-roadmap-entry.ts';
import { deleteMeeting } from '../../../src/modules/reports/services/delete-meeting.ts';
import { deleteReportBlock } from '../../../src/modules/reports/services/delete-report-block.ts';
import { deleteRoadmapEntry } from '../../../src/modules/reports/services/delete-roadmap-entry.ts';
import { listMeetings } from '../../../src/modules/reports/services/list-meetings.ts';
import { listReportBlocks } from '../../../src/modules/reports/services/list-report-blocks.ts';
import { listReportSubscriptions } from '../../../src/modules/reports/services/list-report-subscriptions.ts';
import { listRoadmapEntries } from '../../../src/modules/reports/services/list-roadmap-entries.ts';
import { periodSortKey } from '../../../src/modules/reports/services/report-content-inputs.ts';
import { subscribeToReport } from '../../../src/modules/reports/services/subscribe-to-report.ts';
import { unsubscribeFromReport } from '../../../src/modules/reports/services/unsubscribe-from-report.ts';
import { updateMeeting } from '../../../src/modules/reports/services/update-meeting.ts';
import { updateReportBlock } from '../../../src/modules/reports/services/update-report-block.ts';
import { updateRoadmapEntry } from '../../../src/modules/reports/services/update-roadmap-entry.ts';
import {
  createOperator,
  createTenant,
  systemContext,
  unique,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let operator: TestOperator;
let a: TestTenant;
let b: TestTenant;
let agent: ServiceContext;
let ownerAdmin: ServiceContext;
let ownerMember: ServiceContext;

async function asUser(userId: string): Promise<ServiceContext> {
  const actor: Actor | null = await loadUserActor(store.db, userId);
  assert.ok(actor);
  return { ...systemContext(store), actor, requestId: 'req-report-content' };
}

async function rejects(promise: Promise<unknown>, code: AppError['code'], field?: string) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, code, error.message);
    if (field) assert.equal(error.fields[0]?.field, field, error.message);
    return true;
  });
}

async function auditOf(subjectId: string) {
  const rows = await store.db
    .selectFrom('audit_events')
    .select(['action', 'summary', 'actor_id'])
    .where('subject_id', '=', subjectId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    action: r.action,
    actorId: r.actor_id,
    summary: JSON.parse(r.summary) as Record<string, unknown>,
  }));
}

before(async () => {
  store = await createTestStore();
  operator = await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
  agent = await asUser(operator.users['operator-agent'].userId);
  ownerAdmin = await asUser(a.users['owner-admin'].userId);
  ownerMember = await asUser(a.users['owner-member'].userId);
});
after(() => store.destroy());

describe('report blocks', () => {
  it('are created, listed by position, changed and deleted, each step audited', async () => {
    const month = '2027-02';
    const second = await createReportBlock(agent, {
      month,
      kind: 'news',
      title: 'Altinn-kaffe',
      bodyMarkdown: 'Bli med',
      position: 5,
    });
    const first = await createReportBlock(agent, {
      month,
      kind: 'project-status',
      title: 'Altinn Studio',
      bodyMarkdown: '- betaling',
      position: 1,
    });
    const appended = await createReportBlock(agent, { month, kind: 'news', title: 'Nyhetsbrev', bodyMarkdown: '' });
    assert.equal(appended.position, 6, 'without a position it goes after the last');
    await createReportBlock(agent, { month: '2027-03', kind: 'news', title: 'Neste måned', bodyMarkdown: '' });
    assert.deepEqual(
      (await listReportBlocks(ownerMember, { month })).map((b) => b.title),
      ['Altinn Studio', 'Altinn-kaffe', 'Nyhetsbrev'],
    );

    const changed = await updateReportBlock(agent, { id: first.id, title: 'Altinn Studio – status', position: 9 });
    assert.equal(changed.title, 'Altinn Studio – status');
    assert.deepEqual(
      (await listReportBlocks(agent, { month })).map((b) => b.id),
      [second.id, appended.id, first.id],
    );

    const removed = await deleteReportBlock(agent, { id: second.id });
    assert.equal(removed.title, 'Altinn-kaffe');
    assert.equal((await listReportBlocks(agent, { month })).length, 2);
    const audit = await auditOf(first.id);
    assert.deepEqual(
      audit.map((e) => e.action),
      ['report-block.create', 'report-block.update'],
    );
    assert.deepEqual(audit[1]?.summary.title, { from: 'Altinn Studio', to: 'Altinn Studio – status' });
    assert.equal(audit[1]?.actorId, operator.users['operator-agent'].userId);
    const deleted = await auditOf(second.id);
    assert.equal(deleted.at(-1)?.action, 'report-block.delete');
    assert.equal(deleted.at(-1)?.summary.bodyMarkdown, 'Bli med', 'the audit keeps the deleted text');
    assert.equal((await verifyAuditChain(systemContext(store))).ok, true);
  });

  it('name the offending field', async () => {
    await rejects(
      createReportBlock(agent, { month: '2026-13', kind: 'news', title: 'X', bodyMarkdown: '' }),
      'validation',
      'month',
    );
    await rejects(
      createReportBlock(agent, { month: '2026-02', kind: 'news', title: '   ', bodyMarkdown: '' }),
      'validation',
      'title',
    );
    await rejects(
      createReportBlock(agent, { month: '2026-02', kind: 'news', title: 'x'.repeat(201), bodyMarkdown: '' }),
      'validation',
      'title',
    );
    await rejects(
      createReportBlock(agent, { month: '2026-02', kind: 'news', title: 'X', bodyMarkdown: 'x'.repeat(20_001) }),
      'validation',
      'bodyMarkdown',
    );
    await rejects(
      createReportBlock(agent, { month: '2026-02', kind: 'other' as 'news', title: 'X', bodyMarkdown: '' }),
      'validation',
      'kind',
    );
    await rejects(listReportBlocks(agent, { month: 'februar' }), 'validation', 'month');
  });

  it('are edited by the operator only, and a missing block is not found', async () => {
    await rejects(
      createReportBlock(ownerAdmin, { month: '2026-02', kind: 'news', title: 'X', bodyMarkdown: '' }),
      'forbidden',
    );
    await rejects(updateReportBlock(agent, { id: 'missing', title: 'X' }), 'not-found');
    await rejects(deleteReportBlock(agent, { id: 'missing' }), 'not-found');
  });
});

describe('roadmap entries', () => {
  it('are ordered by when the period begins, then by title', async () => {
    const component = await createComponent(systemContext(store), {
      code: unique('auth'),
      name: 'Autorisasjon',
      calendarId: 'always',
      targetBasisPoints: 9990,
    });
    for (const [title, period] of [
      ['Samtykke', '2027-Q2'],
      ['Altinn II stenges', '2027-06'],
      ['Modernisering', '2027-06'],
      ['Systembruker', '2027'],
      ['Tilgangsforespørsel', '2026-Q4'],
      ['Hele året', '2027-Q1'],
    ] as const) {
      await createRoadmapEntry(agent, { title, period, componentId: title === 'Samtykke' ? component.code : null });
    }
    const rows = await listRoadmapEntries(ownerMember);
    assert.deepEqual(
      rows.map((r) => `${r.period} ${r.title}`).filter((r) => /^202[67]/.test(r)),
      [
        '2026-Q4 Tilgangsforespørsel',
        '2027 Systembruker',
        '2027-Q1 Hele året',
        '2027-Q2 Samtykke',
        '2027-06 Altinn II stenges',
        '2027-06 Modernisering',
      ],
    );
    assert.equal(rows.find((r) => r.title === 'Samtykke')?.component_id, component.id);
    assert.ok(periodSortKey('2026-Q1') < periodSortKey('2026-12'));
  });

  it('validate the period, status and component, and are audited when changed or deleted', async () => {
    await rejects(createRoadmapEntry(agent, { title: 'X', period: '2026-Q5' }), 'validation', 'period');
    await rejects(createRoadmapEntry(agent, { title: 'X', period: '26' }), 'validation', 'period');
    await rejects(
      createRoadmapEntry(agent, { title: 'X', period: '2026', status: 'maybe' as 'planned' }),
      'validation',
      'status',
    );
    await rejects(
      createRoadmapEntry(agent, { title: 'X', period: '2026', componentId: 'no-such' }),
      'validation',
      'componentId',
    );
    const entry = await createRoadmapEntry(agent, { title: 'Samtykke', period: '2026-Q2' });
    assert.equal(entry.status, 'planned');
    const done = await updateRoadmapEntry(agent, { id: entry.id, status: 'done' });
    assert.equal(done.status, 'done');
    await rejects(updateRoadmapEntry(agent, { id: 'missing', status: 'done' }), 'not-found');
    await deleteRoadmapEntry(agent, { id: entry.id });
    assert.deepEqual(
      (await auditOf(entry.id)).map((e) => e.action),
      ['roadmap-entry.create', 'roadmap-entry.update', 'roadmap-entry.delete'],
    );
    assert.deepEqual((await auditOf(entry.id))[1]?.summary, { status: { from: 'planned', to: 'done' } });
  });
});

describe('meetings', () => {
  it('are listed within a window of Norwegian days, earliest first', async () => {
    const coffee = await createMeeting(agent, {
      title: 'Altinn-kaffe',
      series: 'Altinn-kaffe',
      startsAt: '2027-03-07T09:00',
      endsAt: '2027-03-07T10:00',
      format: 'digital',
      url: 'https://www.digdir.no/digdir/arrangementsoversikt/692',
    });
    assert.equal(coffee.starts_at, Date.UTC(2027, 2, 7, 8), '09:00 in Oslo is 08:00 UTC in winter');
    const council = await createMeeting(agent, {
      title: 'Styringsråd',
      startsAt: '2027-03-01T00:30',
      endsAt: '2027-03-01T02:00',
      format: 'hybrid',
    });
    await createMeeting(agent, {
      title: 'Senere',
      startsAt: '2027-04-01T10:00',
      endsAt: '2027-04-01T11:00',
      format: 'physical',
      location: 'Oslo',
    });
    const march = await listMeetings(ownerMember, { from: '2027-03-01', to: '2027-03-31' });
    assert.deepEqual(
      march.map((m) => m.id),
      [council.id, coffee.id],
      'a meeting just after midnight in Oslo belongs to its Norwegian day',
    );
    await rejects(listMeetings(agent, { from: '2027-02-30' }), 'validation', 'from');
    await rejects(listMeetings(agent, { from: '2027-03-02', to: '2027-03-01' }), 'validation', 'to');
  });

  it('must end after they start, link over http(s) only, and are audited', async () => {
    await rejects(
      createMeeting(agent, { title: 'X', startsAt: '2027-05-01T10:00', endsAt: '2027-05-01T10:00', format: 'digital' }),
      'validation',
      'endsAt',
    );
    await rejects(
      createMeeting(agent, {
        title: 'X',
        startsAt: '2027-05-01T10:00',
        endsAt: '2027-05-01T11:00',
        format: 'digital',
        url: 'javascript:alert(1)',
      }),
      'validation',
      'url',
    );
    await rejects(
      createMeeting(agent, { title: 'X', startsAt: 'soon', endsAt: '2027-05-01T11:00', format: 'digital' }),
      'validation',
      'startsAt',
    );
    await rejects(
      createMeeting(agent, {
        title: 'X',
        startsAt: '2027-05-01T10:00',
        endsAt: '2027-05-01T11:00',
        format: 'telepathy' as 'digital',
      }),
      'validation',
      'format',
    );
    const meeting = await createMeeting(agent, {
      title: 'Styringsråd',
      startsAt: '2027-06-03T11:30',
      endsAt: '2027-06-04T12:30',
      format: 'physical',
    });
    await rejects(updateMeeting(agent, { id: meeting.id, endsAt: '2027-06-03T11:00' }), 'validation', 'endsAt');
    const moved = await updateMeeting(agent, { id: meeting.id, location: 'Brønnøysund', url: null });
    assert.equal(moved.location, 'Brønnøysund');
    await rejects(updateMeeting(agent, { id: 'missing', title: 'X' }), 'not-found');
    await rejects(
      createMeeting(ownerAdmin, {
        title: 'X',
        startsAt: '2027-05-01T10:00',
        endsAt: '2027-05-01T11:00',
        format: 'digital',
      }),
      'forbidden',
    );
    await deleteMeeting(agent, { id: meeting.id });
    const audit = await auditOf(meeting.id);
    assert.deepEqual(
      audit.map((e) => e.action),
      ['meeting.create', 'meeting.update', 'meeting.delete'],
    );
    assert.equal(audit[2]?.summary.location, 'Brønnøysund', 'the audit keeps the deleted values');
  });
});

describe('report subscriptions', () => {
  it('let an owner’s admin manage its own organisation’s recipients only', async () => {
    const own = await subscribeToReport(ownerAdmin, { owner: a.organisation.code, email: ' Leder@A.no ', lang: 'nn' });
    assert.equal(own.email, 'leder@a.no');
    assert.equal(own.owner_id, a.organisation.id);
    await rejects(
      subscribeToReport(ownerAdmin, { owner: a.organisation.id, email: 'leder@a.no' }),
      'conflict',
      'email',
    );
    await rejects(
      subscribeToReport(ownerAdmin, { owner: b.organisation.code, email: 'spion@a.no' }),
      'not-found',
      'owner',
    );
    await rejects(subscribeToReport(ownerAdmin, { email: 'plattform@a.no' }), 'forbidden', 'owner');
    await rejects(subscribeToReport(ownerMember, { owner: a.organisation.code, email: 'medlem@a.no' }), 'forbidden');
    await rejects(
      subscribeToReport(ownerAdmin, { owner: a.organisation.code, email: 'not-an-address' }),
      'validation',
      'email',
    );
    await rejects(
      subscribeToReport(ownerAdmin, { owner: a.organisation.code, email: 'x@a.no', lang: 'se' as 'nb' }),
      'validation',
      'lang',
    );

    const platform = await subscribeToReport(agent, { email: 'ledelse@plattform.no', lang: 'en' });
    assert.equal(platform.owner_id, '');
    const ofB = await subscribeToReport(agent, { owner: b.organisation.code, email: 'leder@b.no' });
    await rejects(
      subscribeToReport(agent, { owner: operator.organisation.code, email: 'x@op.no' }),
      'validation',
      'owner',
    );

    const seenByA = await listReportSubscriptions(ownerAdmin);
    assert.deepEqual(
      seenByA.map((s) => s.email),
      ['leder@a.no'],
    );
    const seenByOperator = await listReportSubscriptions(agent);
    assert.equal(seenByOperator[0]?.email, 'ledelse@plattform.no', 'the platform report comes first');
    assert.ok(seenByOperator.some((s) => s.id === ofB.id && s.owner_code === b.organisation.code));
    await rejects(listReportSubscriptions(ownerMember), 'forbidden');

    await rejects(unsubscribeFromReport(ownerAdmin, { id: ofB.id }), 'not-found');
    await rejects(unsubscribeFromReport(ownerAdmin, { id: platform.id }), 'not-found');
    await unsubscribeFromReport(ownerAdmin, { id: own.id });
    assert.equal((await listReportSubscriptions(ownerAdmin)).length, 0);
    const audit = await auditOf(own.id);
    assert.deepEqual(
      audit.map((e) => e.action),
      ['report-subscription.create', 'report-subscription.delete'],
    );
    assert.deepEqual(audit[1]?.summary, { owner: a.organisation.code, email: 'leder@a.no', lang: 'nn' });
    const row = await store.db
      .selectFrom('audit_events')
      .select('organisation_id')
      .where('subject_id', '=', own.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.organisation_id, a.organisation.id, 'the owner sees the change in its own audit log');
  });
});
