import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { receiveCaseMail } from '../../../src/modules/mail-in/services/receive-case-mail.ts';
import {
  createOperator,
  createTenant,
  systemContext,
  testPassword,
  unique,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { createTestApp, logIn, type Session, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let tenant: TestTenant;
let agent: Session;
let owner: Session;

function get(session: Session, path: string): Promise<Response> {
  return Promise.resolve(app.request(path, { headers: { cookie: session.cookie } }));
}

function post(session: Session, path: string, fields: Record<string, string> = {}): Promise<Response> {
  const body = new URLSearchParams({ _csrf: session.csrf, ...fields });
  return Promise.resolve(
    app.request(path, {
      method: 'POST',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
  );
}

async function html(session: Session, path: string): Promise<string> {
  const response = await get(session, path);
  assert.equal(response.status, 200, `GET ${path}`);
  return response.text();
}

/** A message with a text body and one small file, as a mail client would send it. */
function rawMail(from: string, subject: string, body: string): Buffer {
  const boundary = 'niva-boundary-42';
  const file = Buffer.from('ERROR 500 ved innsending kl. 09:58\n').toString('base64');
  return Buffer.from(
    [
      `From: Kari Ukjent <${from}>`,
      'To: servicedesk@niva.test',
      `Subject: ${subject}`,
      `Message-ID: <${unique('m')}@example.com>`,
      'Date: Mon, 2 Mar 2026 09:58:00 +0100',
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      body,
      `--${boundary}`,
      'Content-Type: text/plain; name="feillogg.txt"',
      'Content-Disposition: attachment; filename="feillogg.txt"',
      'Content-Transfer-Encoding: base64',
      '',
      file,
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}

/** Puts a message from a sender no one knows into the quarantine and returns its id. */
async function quarantine(subject: string, from = `${unique('ukjent')}@example.com`): Promise<string> {
  const result = await receiveCaseMail(systemContext(store), {
    raw: rawMail(from, subject, 'Vi får ikke sendt inn skjemaet.\nSe vedlagt logg.'),
  });
  assert.equal(result.outcome, 'quarantined');
  assert.equal(result.reason, 'unknown-sender');
  assert.ok(result.quarantineId);
  return result.quarantineId;
}

async function statusOf(id: string) {
  return store.db
    .selectFrom('mail_quarantine')
    .select(['status', 'case_id', 'handled_by', 'handled_at'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

before(async () => {
  store = await createTestStore();
  ({ app } = createTestApp(store, { loginRatePerMinute: 1_000 }));
  operator = await createOperator(store);
  tenant = await createTenant(store);
  agent = await logIn(app, operator.users['operator-agent'].email, testPassword);
  owner = await logIn(app, tenant.users['owner-admin'].email, testPassword);
});
after(() => store.destroy());

describe('the mail quarantine pages', () => {
  it('lists a pending message for the service desk and shows it with its text and files', async () => {
    const id = await quarantine('Innsending feiler hos oss');
    const list = await html(agent, '/mail-quarantine');
    assert.match(
      list,
      /<a[^>]*href="\/mail-quarantine"[^>]*aria-current="page"[^>]*>Innboks-karantene<\/a>/,
      'the menu leads here',
    );
    assert.match(list, new RegExp(`href="/mail-quarantine/${id}"[^>]*>Innsending feiler hos oss</a>`));
    assert.match(list, /Kari Ukjent &lt;ukjent[^&]+@example\.com&gt;/);
    assert.match(list, /Ukjent avsender/);
    assert.match(list, /<time dateTime="2026-03-02T09:00:00\.000Z">/);
    const { size_bytes: size } = await store.db
      .selectFrom('mail_quarantine')
      .select('size_bytes')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.match(list, new RegExp(`<td class="niva-num">${size} B</td>`), 'the size of the whole message');

    const page = await html(agent, `/mail-quarantine/${id}`);
    assert.match(page, /<h1[^>]*>Innsending feiler hos oss<\/h1>/);
    assert.match(page, /<pre class="niva-prewrap">Vi får ikke sendt inn skjemaet\.\nSe vedlagt logg\.<\/pre>/);
    assert.match(page, /feillogg\.txt/);
    assert.match(page, /35 B/, 'the size of the file is given');
    assert.match(page, new RegExp(`action="/mail-quarantine/${id}/accept"`));
    assert.match(page, new RegExp(`action="/mail-quarantine/${id}/discard"`));
    assert.match(page, new RegExp(`<option value="${tenant.organisation.id}">${tenant.organisation.name}</option>`));
    assert.doesNotMatch(page, new RegExp(`value="${operator.organisation.id}"`), 'only service owners are offered');
    assert.match(page, /<option value="support-request" selected="">Brukerstøtte<\/option>/);
    for (const c of ['A', 'B', 'C']) assert.match(page, new RegExp(`id="f-category-${c}"`));
  });

  it('re-renders the accept form with what is wrong and leaves the message pending', async () => {
    const id = await quarantine('Mangler eier');
    const noOwner = await post(agent, `/mail-quarantine/${id}/accept`, { organisationId: '', kind: 'support-request' });
    assert.equal(noOwner.status, 400);
    const text = await noOwner.text();
    assert.match(text, /href="#f-organisationId"/);
    assert.match(text, /Velg tjenesteeieren saken gjelder\./);

    const noCategory = await post(agent, `/mail-quarantine/${id}/accept`, {
      organisationId: tenant.organisation.id,
      kind: 'incident',
    });
    assert.equal(noCategory.status, 400);
    const again = await noCategory.text();
    assert.match(again, /href="#f-category"/);
    assert.match(again, /Velg kategori A, B eller C for en hendelse\./);
    assert.match(again, /<option value="incident" selected="">/, 'the choice is kept');
    assert.equal((await statusOf(id)).status, 'pending');
  });

  it('makes an accepted message a case of the chosen owner, with the sender as reporter, and shows who did it', async () => {
    const from = `${unique('kari')}@example.com`;
    const id = await quarantine('Kvittering mangler', from);
    const response = await post(agent, `/mail-quarantine/${id}/accept`, {
      organisationId: tenant.organisation.id,
      kind: 'incident',
      category: 'B',
    });
    assert.equal(response.status, 303);
    const reference = /^\/cases\/(NIVA-\d+)\?done=created$/.exec(response.headers.get('location') ?? '')?.[1];
    assert.ok(reference, `redirected to ${response.headers.get('location')}`);

    const row = await store.db
      .selectFrom('cases')
      .selectAll()
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.organisation_id, row.kind, row.category, row.channel, row.reporter_email, row.reporter_name],
      [tenant.organisation.id, 'incident', 'B', 'email', from, 'Kari Ukjent'],
    );
    const files = await store.db
      .selectFrom('case_attachments')
      .select('file_name')
      .where('case_id', '=', row.id)
      .execute();
    assert.deepEqual(files, [{ file_name: 'feillogg.txt' }]);
    assert.match(await html(agent, `/cases/${reference}?done=created`), /Saken er registrert\./);

    const handled = await statusOf(id);
    assert.equal(handled.status, 'accepted');
    assert.equal(handled.case_id, row.id);
    const page = await html(agent, `/mail-quarantine/${id}`);
    assert.match(page, /Gjort om til sak/);
    assert.match(page, new RegExp(`<dt>Behandlet av</dt><dd>${handled.handled_by ?? '(none)'}</dd>`));
    assert.match(page, /<dt>Behandlet<\/dt><dd><time dateTime=/);
    assert.match(page, new RegExp(`<a[^>]*href="/cases/${reference}"[^>]*>${reference}</a>`));
    assert.doesNotMatch(
      page,
      /action="\/mail-quarantine\/[^"]+\/(accept|discard)"/,
      'a handled message takes no further decision',
    );

    assert.doesNotMatch(
      await html(agent, '/mail-quarantine'),
      new RegExp(`/mail-quarantine/${id}"`),
      'no longer pending',
    );
    assert.match(await html(agent, '/mail-quarantine?status=accepted'), new RegExp(`/mail-quarantine/${id}"`));

    const twice = await post(agent, `/mail-quarantine/${id}/accept`, {
      organisationId: tenant.organisation.id,
      kind: 'support-request',
    });
    assert.equal(twice.status, 409);
    assert.match(await twice.text(), /role="alert"[^>]*>Meldingen er allerede behandlet\./);
  });

  it('discards a message and goes back to the list, where it is listed as discarded', async () => {
    const id = await quarantine('Vinn en premie');
    const response = await post(agent, `/mail-quarantine/${id}/discard`);
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/mail-quarantine?done=discarded');
    const list = await html(agent, '/mail-quarantine?done=discarded');
    assert.match(list, /role="status"[^>]*>Meldingen er forkastet\./);
    assert.doesNotMatch(list, new RegExp(`/mail-quarantine/${id}"`));
    assert.match(
      await html(agent, '/mail-quarantine?status=discarded'),
      new RegExp(`/mail-quarantine/${id}"[^>]*>Vinn en premie<`),
    );
    assert.equal((await statusOf(id)).status, 'discarded');
    assert.match(await html(agent, `/mail-quarantine/${id}`), /<dt>Tilstand<\/dt><dd>Forkastet<\/dd>/);
    assert.equal((await post(agent, `/mail-quarantine/${id}/discard`)).status, 409);
  });

  it('keeps service owners out of the quarantine and its decisions', async () => {
    const id = await quarantine('Ikke for tjenesteeiere');
    assert.equal((await get(owner, '/mail-quarantine')).status, 403);
    assert.equal((await get(owner, `/mail-quarantine/${id}`)).status, 403);
    assert.equal(
      (await post(owner, `/mail-quarantine/${id}/accept`, { organisationId: tenant.organisation.id })).status,
      403,
    );
    assert.equal((await post(owner, `/mail-quarantine/${id}/discard`)).status, 403);
    assert.equal((await statusOf(id)).status, 'pending');
    assert.doesNotMatch(await html(owner, '/cases'), /href="\/mail-quarantine"/, 'the menu does not offer it');
    assert.equal((await get(agent, '/mail-quarantine/no-such-message')).status, 404);
    const anonymous = await app.request('/mail-quarantine');
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get('location'), '/login?next=%2Fmail-quarantine');
  });

  it('speaks nynorsk and English', async () => {
    const id = await quarantine('Språktest');
    const nn = await html(agent, `/mail-quarantine?lang=nn`);
    assert.match(nn, /<html lang="nn"/);
    assert.match(nn, /E-post som ikkje vart til ei sak av seg sjølv/);
    assert.match(nn, /Ukjend avsendar/);
    assert.match(await html(agent, `/mail-quarantine/${id}?lang=nn`), /Gjer om til sak/);
    const en = await html(agent, `/mail-quarantine?lang=en`);
    assert.match(en, /<html lang="en"/);
    assert.match(en, />Mail quarantine</);
    assert.match(en, /Unknown sender/);
    const detail = await html(agent, `/mail-quarantine/${id}?lang=en`);
    assert.match(detail, /Make it a case/);
    assert.match(detail, /Support request|Support/);
    assert.match(detail, /Discard the message/);
  });
});
