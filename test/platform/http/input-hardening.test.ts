import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createComponent } from '../../../src/modules/availability/services/create-component.ts';
import type { Database } from '../../../src/platform/db/schema.ts';
import {
  createOperator,
  createTenant,
  systemContext,
  testPassword,
  unique,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { callApi, createTestApp, logIn, sessionHeaders, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

/**
 * Findings reproduced on a fresh install: invalid text stored, implausible instants accepted, and attachments let
 * through by their declared type. Each is refused with a `validation` problem naming the field, and nothing is written.
 */

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let tenant: TestTenant;
let componentCode: string;
let agent: Record<string, string>;
let admin: Record<string, string>;
let owner: Record<string, string>;

async function count(table: keyof Database): Promise<number> {
  const row = await store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Calls the API and checks the answer is a 400 naming `field` with a message matching `message`. */
async function refused(
  headers: Record<string, string>,
  method: string,
  path: string,
  body: unknown,
  field: string,
  message: RegExp,
): Promise<void> {
  const response = await callApi<Problem>(app, headers, method, path, body);
  assert.equal(response.status, 400, JSON.stringify(response.body));
  assert.equal(response.body.errors?.[0]?.field, field, JSON.stringify(response.body));
  assert.match(response.body.errors?.[0]?.message ?? '', message);
  assert.match(response.body.detail, new RegExp(`^${field.replace('.', '\\.')}: `));
}

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store));
  operator = await createOperator(store);
  tenant = await createTenant(store);
  componentCode = unique('edge');
  await createComponent(systemContext(store), {
    code: componentCode,
    name: 'Altinn Apps',
    calendarId: 'always',
    targetBasisPoints: 9990,
  });
  agent = sessionHeaders(await logIn(app, operator.users['operator-agent'].email, testPassword));
  admin = sessionHeaders(await logIn(app, operator.users['operator-admin'].email, testPassword));
  owner = sessionHeaders(await logIn(app, tenant.users['owner-member'].email, testPassword));
});

after(() => store.destroy());

describe('invalid text', () => {
  it('refuses a lone surrogate in a title, writing nothing', async () => {
    const before = await count('cases');
    await refused(owner, 'POST', '/cases', { kind: 'support-request', title: 'Feil \ud800 her' }, 'title', /surrogate/);
    assert.equal(await count('cases'), before);
  });

  it('refuses a NUL in a description, even where the schema allows several lines', async () => {
    const before = await count('cases');
    await refused(
      owner,
      'POST',
      '/cases',
      { kind: 'support-request', title: 'Feil her', description: 'linje 1\nlinje\u0000 2' },
      'description',
      /control character/,
    );
    assert.equal(await count('cases'), before);
  });

  it('keeps tabs and line breaks in multi-line text', async () => {
    const created = await callApi<{ id: string }>(app, owner, 'POST', '/cases', {
      kind: 'support-request',
      title: 'Feil her',
      description: 'linje 1\r\n\tlinje 2',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
  });

  it('refuses a right-to-left override in a title and in a component name', async () => {
    await refused(owner, 'POST', '/cases', { kind: 'support-request', title: 'faktura\u202Efdp.exe' }, 'title', /bidi/);
    const before = await count('components');
    await refused(
      admin,
      'POST',
      '/components',
      { code: unique('rlo'), name: 'Apps\u202E', calendarId: 'always', targetBasisPoints: 9990 },
      'name',
      /bidi/,
    );
    assert.equal(await count('components'), before);
  });

  it('refuses a right-to-left override in a file name, writing nothing', async () => {
    const created = await callApi<{ id: string }>(app, owner, 'POST', '/cases', {
      kind: 'support-request',
      title: 'Vedlegg',
    });
    const before = await count('case_attachments');
    const status = await upload(created.body.id, 'faktura\u202Etxt.exe.txt', 'text/plain', 'hei');
    assert.equal(status.status, 400);
    assert.equal(status.field, 'file');
    assert.equal(await count('case_attachments'), before);
  });
});

describe('implausible instants', () => {
  it('refuses an outage from 1970, writing nothing', async () => {
    const before = await count('outages');
    await refused(
      agent,
      'POST',
      '/outages',
      { componentId: componentCode, start: '1970-12-01T00:00:00Z', end: '1970-12-01T10:00:00Z', publicText: 'Nede' },
      'start',
      /before 2000-01-01/,
    );
    await refused(
      agent,
      'POST',
      '/outages',
      { componentId: componentCode, start: 0, publicText: 'Nede' },
      'start',
      /earliest date/,
    );
    assert.equal(await count('outages'), before);
  });

  it('refuses an outage that has not begun yet, but takes one a minute ahead of the server', async () => {
    await refused(
      agent,
      'POST',
      '/outages',
      { componentId: componentCode, start: '2026-03-03T10:00:00+01:00', publicText: 'Nede' },
      'start',
      /in the future/,
    );
    const skewed = await callApi<{ id: string }>(app, agent, 'POST', '/outages', {
      componentId: componentCode,
      start: '2026-03-02T10:01:00+01:00',
      end: '2026-03-02T10:02:00+01:00',
      publicText: 'Nede',
    });
    assert.equal(skewed.status, 201, JSON.stringify(skewed.body));
  });

  it('refuses maintenance more than two years ahead', async () => {
    const before = await count('maintenance_windows');
    await refused(
      agent,
      'POST',
      '/maintenance',
      {
        componentId: componentCode,
        kind: 'maintenance',
        title: 'Oppgradering',
        start: '2029-03-02T20:00:00+01:00',
        end: '2029-03-02T22:00:00+01:00',
        publicText: 'Kort nedetid',
      },
      'start',
      /days in the future/,
    );
    assert.equal(await count('maintenance_windows'), before);
  });

  for (const month of ['0000-01', '1899-01', '2026-05'])
    it(`refuses a usage adjustment for ${month}, writing nothing`, async () => {
      const before = await count('usage_adjustments');
      await refused(
        admin,
        'POST',
        '/usage/adjustments',
        { metric: 'sms_notifications', month, delta: 5, reason: 'retting av feil tall' },
        'month',
        month === '2026-05' ? /is after 2026-04/ : /before 2000-01/,
      );
      assert.equal(await count('usage_adjustments'), before);
    });

  it('refuses a case registered in 1970 or tomorrow, writing nothing', async () => {
    const before = await count('cases');
    for (const registeredAt of ['1970-01-01T00:00:00Z', '2026-03-03T10:00:00+01:00'])
      await refused(
        agent,
        'POST',
        '/cases',
        { kind: 'support-request', organisationId: tenant.organisation.id, title: 'Gammel sak', registeredAt },
        'registeredAt',
        /earliest date|in the future/,
      );
    assert.equal(await count('cases'), before);
  });

  it('follows NIVA_EARLIEST_DATE', async () => {
    const config = createTestApp(store, { limits: { earliest: Date.parse('2026-01-01T00:00:00+01:00') } });
    const session = sessionHeaders(await logIn(config.app, operator.users['operator-agent'].email, testPassword));
    const response = await callApi<Problem>(config.app, session, 'POST', '/outages', {
      componentId: componentCode,
      start: '2025-12-31T10:00:00+01:00',
      publicText: 'Nede',
    });
    assert.equal(response.status, 400);
    assert.match(response.body.detail, /^start: is before 2026-01-01/);
  });
});

async function upload(
  caseId: string,
  name: string,
  type: string,
  content: string | Uint8Array<ArrayBuffer>,
): Promise<{ status: number; field: string | undefined; id: string | undefined }> {
  const form = new FormData();
  form.set('file', new File([content], name, { type }));
  const response = await app.request(`/api/v1/cases/${caseId}/attachments`, {
    method: 'POST',
    headers: { cookie: owner.cookie ?? '', 'x-csrf-token': owner['x-csrf-token'] ?? '' },
    body: form,
  });
  const body = (await response.json()) as Problem & { id?: string };
  return { status: response.status, field: body.errors?.[0]?.field, id: body.id };
}

describe('attachments are judged by name and content, not by the declared type', () => {
  const refusedFiles: [string, string][] = [
    ['setup.hta', '<html><hta:application id="x"/><script>new ActiveXObject("WScript.Shell")</script></html>'],
    ['run.bat', '@echo off\r\ndel /q *\r\n'],
    ['report.html', '<!doctype html><html><script>alert(document.cookie)</script></html>'],
    ['x.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['notes.txt', '<!DOCTYPE html><html><body onload="alert(1)"></body></html>'],
  ];
  let caseId: string;
  before(async () => {
    const created = await callApi<{ id: string }>(app, owner, 'POST', '/cases', {
      kind: 'support-request',
      title: 'Vedlegg',
    });
    caseId = created.body.id;
  });

  for (const [name, content] of refusedFiles)
    it(`refuses ${name} declared as text/plain, writing nothing`, async () => {
      const before = await count('case_attachments');
      const result = await upload(caseId, name, 'text/plain', content);
      assert.equal(result.status, 400);
      assert.equal(result.field, 'file');
      assert.equal(await count('case_attachments'), before);
    });

  it('serves an accepted file with the type of its extension, whatever was declared', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const stored = await upload(caseId, 'faktura.pdf', 'text/html', pdf);
    assert.equal(stored.status, 201);
    const download = await app.request(`/api/v1/cases/${caseId}/attachments/${stored.id ?? ''}`, { headers: owner });
    assert.equal(download.headers.get('content-type'), 'application/pdf');
    assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(
      download.headers.get('content-disposition'),
      `attachment; filename="faktura.pdf"; filename*=UTF-8''faktura.pdf`,
    );
  });
});
