import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createOperator,
  createTenant,
  testPassword,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { callApi, bearer, createTestApp, logIn, sessionHeaders, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

interface Clock {
  policy: string;
  state: string;
  due: string | null;
  remainingSeconds: number | null;
}
interface CaseBody {
  id: string;
  reference: string;
  status: string;
  category: string | null;
  sla: Clock[];
  slaState: string;
  events: { type: string; visibility: string; body: string | null }[];
  attachments: { id: string; fileName: string }[];
}
interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

let store: TestStore;
let app: TestApp;
let clock: ReturnType<typeof createTestApp>['clock'];
let operator: TestOperator;
let a: TestTenant;
let b: TestTenant;
let agent: Record<string, string>;
let ownerA: Record<string, string>;
let ownerB: Record<string, string>;

function call<T>(
  headers: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return callApi<T>(app, headers, method, path, body);
}

before(async () => {
  store = await createTestStore();
  ({ app, clock } = createTestApp(store));
  operator = await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
  agent = sessionHeaders(await logIn(app, operator.users['operator-agent'].email, testPassword));
  ownerA = sessionHeaders(await logIn(app, a.users['owner-member'].email, testPassword));
  ownerB = bearer(b.token.secret);
});

after(async () => {
  await store.destroy();
});

describe('cases over the API', () => {
  it('runs a B incident from report to resolution with live clocks', async () => {
    clock.set(Date.parse('2026-03-02T08:00:00Z')); // Monday 09:00 in Oslo
    const created = await call<CaseBody>(ownerA, 'POST', '/cases', {
      kind: 'incident',
      category: 'B',
      title: 'Innsending feiler for MVA',
      description: 'Feilmelding 500 ved innsending',
      criteria: ['b-partial'],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body.reference, /^NIVA-\d+$/);
    const start = created.body.sla.find((c) => c.policy === 'incident-b-start');
    assert.deepEqual(
      [start?.state, start?.due, start?.remainingSeconds],
      ['running', '2026-03-02T09:00:00.000Z', 3600],
    );

    clock.set(Date.parse('2026-03-02T08:50:00Z'));
    const listed = await call<{ items: CaseBody[] }>(agent, 'GET', '/cases?state=open');
    const mine = listed.body.items.find((c) => c.id === created.body.id);
    assert.equal(mine?.sla.find((c) => c.policy === 'incident-b-start')?.state, 'at-risk');
    assert.equal(mine?.sla.find((c) => c.policy === 'incident-b-start')?.remainingSeconds, 600);

    const started = await call<{ case: CaseBody }>(agent, 'POST', `/cases/${created.body.reference}/events`, {
      type: 'work-started',
    });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    assert.equal(started.body.case.sla.find((c) => c.policy === 'incident-b-start')?.state, 'met');
    await call(agent, 'POST', `/cases/${created.body.id}/events`, {
      type: 'commented',
      body: 'Mistenker lastbalanserer',
      visibility: 'internal',
    });
    await call(agent, 'POST', `/cases/${created.body.id}/events`, { type: 'resolved', body: 'Rettet konfigurasjon' });
    const seen = await call<CaseBody>(ownerA, 'GET', `/cases/${created.body.id}`);
    assert.equal(seen.body.status, 'resolved');
    assert.ok(!seen.body.events.some((e) => e.visibility === 'internal'), 'owners never see internal notes');
    const asAgent = await call<CaseBody>(agent, 'GET', `/cases/${created.body.id}`);
    assert.ok(asAgent.body.events.some((e) => e.visibility === 'internal'));
    assert.equal(asAgent.body.sla.find((c) => c.policy === 'incident-feedback')?.state, 'at-risk');

    const notMine = await call<Problem>(ownerB, 'GET', `/cases/${created.body.id}`);
    assert.equal(notMine.status, 404);
    const listB = await call<{ items: CaseBody[] }>(ownerB, 'GET', '/cases?state=all');
    assert.ok(!listB.body.items.some((c) => c.id === created.body.id));
  });

  it('registers at any millisecond (deadlines and at-risk instants stay whole milliseconds)', async () => {
    clock.set(Date.parse('2026-03-02T09:15:00.001Z'));
    const created = await call<CaseBody>(ownerA, 'POST', '/cases', {
      kind: 'support-request',
      title: 'Registrert på et skjevt millisekund',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const stored = await store.db
      .selectFrom('case_clocks')
      .select(['at_risk_at', 'due_at'])
      .where('case_id', '=', created.body.id)
      .execute();
    for (const row of stored)
      assert.ok(
        (row.at_risk_at === null || Number.isInteger(row.at_risk_at)) &&
          (row.due_at === null || Number.isInteger(row.due_at)),
      );
    clock.set(Date.parse('2026-03-02T08:50:00Z'));
  });

  it('retires the service when a deactivation order is carried out', async () => {
    const order = await call<CaseBody>(ownerA, 'POST', '/cases', {
      kind: 'deactivation-order',
      title: 'Deaktiver gammel tjeneste',
      serviceId: a.service.resource_id,
    });
    assert.equal(order.status, 201, JSON.stringify(order.body));
    const missing = await call<Problem>(ownerA, 'POST', '/cases', {
      kind: 'deactivation-order',
      title: 'Uten tjeneste',
    });
    assert.equal(missing.body.errors?.[0]?.field, 'serviceId');
    await call(agent, 'POST', `/cases/${order.body.id}/events`, { type: 'work-started' });
    const done = await call(agent, 'POST', `/cases/${order.body.id}/events`, {
      type: 'resolved',
      body: 'Tjenesten er deaktivert',
    });
    assert.equal(done.status, 201);
    const service = await store.db
      .selectFrom('services')
      .select('status')
      .where('id', '=', a.service.id)
      .executeTakeFirstOrThrow();
    assert.equal(service.status, 'retired');
  });

  it('shows platform-wide incidents to every owner', async () => {
    const platform = await call<CaseBody>(agent, 'POST', '/cases', {
      organisationId: null,
      kind: 'incident',
      category: 'A',
      title: 'Altinn utilgjengelig',
    });
    assert.equal(platform.status, 201, JSON.stringify(platform.body));
    const fromB = await call<CaseBody>(ownerB, 'GET', `/cases/${platform.body.reference}`);
    assert.equal(fromB.status, 200);
    const comment = await call<Problem>(ownerB, 'POST', `/cases/${platform.body.id}/events`, {
      type: 'commented',
      body: 'Vi ser det også',
    });
    assert.equal(comment.status, 403);
  });

  it('names the field of bad input and writes nothing', async () => {
    const before = await store.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const noCategory = await call<Problem>(ownerA, 'POST', '/cases', { kind: 'incident', title: 'Uten kategori' });
    assert.equal(noCategory.status, 400);
    assert.equal(noCategory.body.errors?.[0]?.field, 'category');
    const unknownOwner = await call<Problem>(agent, 'POST', '/cases', {
      organisationId: 'finnes-ikke',
      kind: 'support-request',
      title: 'Hjelp',
    });
    assert.equal(unknownOwner.status, 400);
    assert.equal(unknownOwner.body.errors?.[0]?.field, 'organisationId');
    const created = await call<CaseBody>(agent, 'POST', '/cases', {
      organisationId: a.organisation.code,
      kind: 'support-request',
      title: 'Spørsmål om API',
      registeredAt: '2026-03-02T09:00:00+01:00',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const backwards = await call<Problem>(agent, 'POST', `/cases/${created.body.id}/events`, {
      type: 'resolved',
      at: '2026-03-01T10:00:00+01:00',
    });
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.errors?.[0]?.field, 'at');
    const ownerResolves = await call<Problem>(ownerA, 'POST', `/cases/${created.body.id}/events`, { type: 'resolved' });
    assert.equal(ownerResolves.status, 403);
    const after = await store.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n) + 1);
  });

  it('takes files up to 10 MiB of accepted types and refuses the rest', async () => {
    const created = await call<CaseBody>(ownerA, 'POST', '/cases', { kind: 'support-request', title: 'Vedlegg' });
    const upload = async (name: string, type: string, bytes: Uint8Array<ArrayBuffer>) => {
      const form = new FormData();
      form.set('file', new File([bytes], name, { type }));
      const response = await app.request(`/api/v1/cases/${created.body.id}/attachments`, {
        method: 'POST',
        headers: { cookie: ownerA.cookie ?? '', 'x-csrf-token': ownerA['x-csrf-token'] ?? '' },
        body: form,
      });
      return { status: response.status, body: (await response.json()) as Problem & { id?: string } };
    };
    const ok = await upload('logg.txt', 'text/plain', new TextEncoder().encode('feil 500 kl 10:02\n'));
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const pdfClaimed = await upload('faktura.pdf', 'application/pdf', new TextEncoder().encode('not a pdf at all'));
    assert.equal(pdfClaimed.status, 400);
    assert.equal(pdfClaimed.body.errors?.[0]?.field, 'file');
    const exe = await upload(
      'virus.exe',
      'application/octet-stream',
      new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]),
    );
    assert.equal(exe.status, 400);
    const huge = await upload('stor.txt', 'text/plain', new Uint8Array(30 * 1024 * 1024).fill(65));
    assert.equal(huge.status, 413);
    assert.equal(huge.body.errors?.[0]?.field, 'file');
    const detail = await call<CaseBody>(ownerA, 'GET', `/cases/${created.body.id}`);
    assert.deepEqual(
      detail.body.attachments.map((f) => f.fileName),
      ['logg.txt'],
    );
    const download = await app.request(`/api/v1/cases/${created.body.id}/attachments/${ok.body.id ?? ''}`, {
      headers: ownerA,
    });
    assert.equal(await download.text(), 'feil 500 kl 10:02\n');
    assert.match(download.headers.get('content-disposition') ?? '', /attachment/);
  });
});
