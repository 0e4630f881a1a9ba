import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SendMailOptions } from 'nodemailer';
import { type MailListener, startMailListener } from '../../src/modules/mail-in/cli/mail-listener.ts';
import { builtInCalendars } from '../../src/platform/domain/calendar/calendar-registry.ts';
import { systemActor } from '../../src/platform/services/actor.ts';
import type { ServiceContext } from '../../src/platform/services/context.ts';
import { provisionMember } from '../../src/modules/access/services/provision-member.ts';
import {
  createOperator,
  createTenant,
  systemContext,
  testPassword,
  type TestOperator,
  type TestTenant,
} from '../helpers/factories.ts';
import { createTestApp, logIn, sessionHeaders, type TestApp } from '../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../helpers/test-store.ts';
import { defaultInputLimits } from '../../src/platform/domain/input-bounds.ts';
import { referenceIn, send } from './smtp-client.ts';

interface CaseBody {
  id: string;
  reference: string;
  organisationId: string;
  kind: string;
  title: string;
  channel: string;
  reporterName: string;
  events: { type: string; visibility: string; body: string | null }[];
  attachments: { fileName: string }[];
}
interface QuarantineItem {
  id: string;
  fromAddress: string;
  reason: string;
  status: string;
  caseId: string | null;
  raw?: unknown;
}
interface SmtpFailure {
  responseCode?: number;
  response?: string;
}

let store: TestStore;
let app: TestApp;
let operator: TestOperator;
let a: TestTenant;
let b: TestTenant;
let listener: MailListener;
let mailCtx: ServiceContext;
let agent: Record<string, string>;
let ownerA: Record<string, string>;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function call<T>(
  headers: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await app.request(`/api/v1${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

async function refusal(message: SendMailOptions): Promise<SmtpFailure> {
  try {
    await send(listener.port, message);
  } catch (error) {
    return error as SmtpFailure;
  }
  throw new Error('the message was accepted');
}

async function counts(): Promise<Record<string, number>> {
  const tables = ['cases', 'case_events', 'case_attachments', 'mail_quarantine', 'audit_events'] as const;
  const entries = await Promise.all(
    tables.map(
      async (t) =>
        [
          t,
          Number(
            (
              await store.db
                .selectFrom(t)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ] as const,
    ),
  );
  return Object.fromEntries(entries);
}

before(async () => {
  store = await createTestStore();
  const created = createTestApp(store);
  app = created.app;
  operator = await createOperator(store);
  a = await createTenant(store);
  b = await createTenant(store);
  agent = sessionHeaders(await logIn(app, operator.users['operator-agent'].email, testPassword));
  ownerA = sessionHeaders(await logIn(app, a.users['owner-member'].email, testPassword));
  mailCtx = {
    db: store.db,
    dialect: store.dialect,
    clock: created.clock,
    calendars: builtInCalendars(),
    limits: defaultInputLimits,
    actor: systemActor('mail-in'),
    requestId: null,
  };
  listener = await startMailListener({ ctx: mailCtx, port: 0, host: '127.0.0.1' });
});

after(async () => {
  await listener.close();
  await store.destroy();
});

describe('e-mail intake', () => {
  let reference = '';

  it("turns a service owner's mail into a case with its files", async () => {
    const sent = await send(listener.port, {
      from: `Kari Nordmann <${a.users['owner-member'].email}>`,
      subject: 'Innsending feiler i skjema RF-1234',
      text: 'Innsendingen stopper med feilmelding 500.\nSkjermbilde vedlagt.',
      attachments: [
        { filename: 'feilrapport.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: 'logg.txt', content: 'GET /skjema 500\n', contentType: 'text/plain' },
      ],
    });
    assert.match(sent.response, /^250 .*registered as NIVA-\d+/);
    reference = referenceIn(sent.response);
    const read = await call<CaseBody>(ownerA, 'GET', `/cases/${reference}`);
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.equal(read.body.organisationId, a.organisation.id);
    assert.deepEqual(
      [read.body.kind, read.body.channel, read.body.title, read.body.reporterName],
      ['support-request', 'email', 'Innsending feiler i skjema RF-1234', 'Kari Nordmann'],
    );
    assert.deepEqual(read.body.attachments.map((f) => f.fileName).sort(), ['feilrapport.pdf', 'logg.txt']);
    const row = await store.db
      .selectFrom('cases')
      .select(['description', 'reporter_user_id', 'reporter_email'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    assert.match(row.description, /feilmelding 500/);
    assert.equal(row.reporter_user_id, a.users['owner-member'].userId);
    const audit = await store.db
      .selectFrom('audit_events')
      .select('actor_label')
      .where('action', '=', 'case.register')
      .where('subject_id', '=', read.body.id)
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_label, `mail-in:${a.users['owner-member'].email}`);
  });

  it('adds a reply naming the case as a public comment, without the quoted text', async () => {
    const sent = await send(listener.port, {
      from: a.organisation.contact_email,
      subject: `SV: [${reference}] Innsending feiler i skjema RF-1234`,
      text: `Nå virker det igjen, takk.\n\nDen 2. mars 2026 kl. 10:00 skrev Servicedesk <servicedesk@niva.test>:\n> Vi har startet arbeidet.\n> Hilsen servicedesk\n`,
      attachments: [{ filename: 'etter.txt', content: 'GET /skjema 200\n', contentType: 'text/plain' }],
    });
    assert.match(sent.response, new RegExp(`^250 .*added to ${reference}`));
    const read = await call<CaseBody>(ownerA, 'GET', `/cases/${reference}`);
    const comments = read.body.events.filter((e) => e.type === 'commented');
    assert.deepEqual(
      comments.map((c) => [c.body, c.visibility]),
      [['Nå virker det igjen, takk.', 'public']],
    );
    assert.ok(read.body.attachments.some((f) => f.fileName === 'etter.txt'));
  });

  it("does not let another owner comment on a case that is not theirs: the mail becomes the sender's own case", async () => {
    const before = await store.db
      .selectFrom('cases')
      .select('event_count')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    const sent = await send(listener.port, {
      from: b.users['owner-admin'].email,
      subject: `Re: [${reference}] Innsending feiler`,
      text: 'Vi ser det samme.',
    });
    const own = referenceIn(sent.response);
    assert.notEqual(own, reference);
    const created = await store.db
      .selectFrom('cases')
      .select('organisation_id')
      .where('reference', '=', own)
      .executeTakeFirstOrThrow();
    assert.equal(created.organisation_id, b.organisation.id);
    const after = await store.db
      .selectFrom('cases')
      .select('event_count')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    assert.equal(after.event_count, before.event_count, "the other owner's case is untouched");
  });

  it('uses the text of an HTML-only mail as the description', async () => {
    const sent = await send(listener.port, {
      from: a.users['owner-admin'].email,
      subject: 'Kun HTML',
      html: '<p>Tjenesten svarer <b>ikke</b> på kall.</p>',
    });
    const row = await store.db
      .selectFrom('cases')
      .select('description')
      .where('reference', '=', referenceIn(sent.response))
      .executeTakeFirstOrThrow();
    assert.match(row.description, /Tjenesten svarer ikke på kall\./);
  });

  it('quarantines an unknown sender, and an agent accepts the message as a case', async () => {
    const sent = await send(listener.port, {
      from: 'Ola Ukjent <ola@example.com>',
      subject: 'Hjelp med tilgang',
      text: 'Vi får ikke tilgang til tjenesten.',
      attachments: [{ filename: 'bilde.pdf', content: pdf }],
    });
    assert.match(sent.response, /^250 .*review/);
    assert.equal((await call(ownerA, 'GET', '/mail-quarantine')).status, 403);
    const listed = await call<{ items: QuarantineItem[] }>(agent, 'GET', '/mail-quarantine');
    const item = listed.body.items.find((i) => i.fromAddress === 'ola@example.com');
    assert.ok(item, JSON.stringify(listed.body));
    assert.deepEqual([item.reason, item.status, 'raw' in item], ['unknown-sender', 'pending', false]);
    const detail = await call<{ attachments: { fileName: string }[] }>(agent, 'GET', `/mail-quarantine/${item.id}`);
    assert.deepEqual(
      detail.body.attachments.map((f) => f.fileName),
      ['bilde.pdf'],
    );

    const accepted = await call<{ caseId: string; reference: string }>(
      agent,
      'POST',
      `/mail-quarantine/${item.id}/accept`,
      { organisationId: a.organisation.code },
    );
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    const read = await call<CaseBody>(ownerA, 'GET', `/cases/${accepted.body.reference}`);
    assert.deepEqual(
      [read.body.organisationId, read.body.channel, read.body.title, read.body.reporterName],
      [a.organisation.id, 'email', 'Hjelp med tilgang', 'Ola Ukjent'],
    );
    assert.deepEqual(
      read.body.attachments.map((f) => f.fileName),
      ['bilde.pdf'],
    );
    const stored = await store.db
      .selectFrom('mail_quarantine')
      .select(['status', 'case_id', 'handled_by'])
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored, {
      status: 'accepted',
      case_id: accepted.body.caseId,
      handled_by: operator.users['operator-agent'].email,
    });
    assert.equal(
      (await call(agent, 'POST', `/mail-quarantine/${item.id}/accept`, { organisationId: a.organisation.id })).status,
      409,
    );
    assert.equal((await call(agent, 'POST', `/mail-quarantine/${item.id}/discard`)).status, 409);
  });

  it('quarantines a sender who speaks for two owners, and an automatic reply', async () => {
    const email = `begge-${a.organisation.code}@test.niva.no`;
    await provisionMember(systemContext(store), {
      organisationId: a.organisation.id,
      email,
      name: 'Delt Person',
      role: 'owner-member',
    });
    await provisionMember(systemContext(store), {
      organisationId: b.organisation.id,
      email,
      name: 'Delt Person',
      role: 'owner-member',
    });
    await send(listener.port, { from: email, subject: 'Hvem er jeg?', text: 'Tekst' });
    await send(listener.port, {
      from: a.users['owner-member'].email,
      subject: `Fravær: [${reference}]`,
      text: 'Jeg er på ferie.',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    const pending = await call<{ items: QuarantineItem[] }>(agent, 'GET', '/mail-quarantine?status=pending');
    assert.equal(pending.body.items.find((i) => i.fromAddress === email)?.reason, 'ambiguous');
    const auto = pending.body.items.find((i) => i.reason === 'auto-reply');
    assert.ok(auto);
    assert.equal((await call(agent, 'POST', `/mail-quarantine/${auto.id}/discard`)).status, 204);
    const discarded = await store.db
      .selectFrom('mail_quarantine')
      .select('status')
      .where('id', '=', auto.id)
      .executeTakeFirstOrThrow();
    assert.equal(discarded.status, 'discarded');
  });

  it('refuses a mail with an 11 MiB attachment with 552 and stores nothing', async () => {
    const before = await counts();
    const failure = await refusal({
      from: a.users['owner-member'].email,
      subject: 'Stor fil',
      text: 'Se vedlegg',
      attachments: [{ filename: 'stor.pdf', content: Buffer.concat([pdf, Buffer.alloc(11 * 1024 * 1024, 0x20)]) }],
    });
    assert.equal(failure.responseCode, 552);
    assert.match(failure.response ?? '', /stor\.pdf/);
    assert.deepEqual(await counts(), before);
  });

  it('answers 552 to a message over the size limit', async () => {
    const small = await startMailListener({ ctx: mailCtx, port: 0, host: '127.0.0.1', maxBytes: 4096 });
    try {
      const before = await counts();
      const failure = await send(small.port, {
        from: a.users['owner-member'].email,
        subject: 'Lang',
        text: 'x'.repeat(8192),
      }).then(
        () => null,
        (error: unknown) => error as SmtpFailure,
      );
      assert.equal(failure?.responseCode, 552);
      assert.deepEqual(await counts(), before);
    } finally {
      await small.close();
    }
  });

  it('refuses an .exe attachment naming the file, and stores nothing', async () => {
    const before = await counts();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.alloc(512, 1)]);
    exe.writeUInt32LE(64, 0x3c);
    const failure = await refusal({
      from: a.users['owner-member'].email,
      subject: 'Program',
      text: 'Kjør denne',
      attachments: [{ filename: 'oppdatering.exe', content: exe, contentType: 'application/octet-stream' }],
    });
    assert.equal(failure.responseCode, 554);
    assert.match(failure.response ?? '', /oppdatering\.exe/);
    assert.deepEqual(await counts(), before);
  });
});
