import { storeAttachment } from '../../../src/modules/cases/services/add-case-attachment.ts';
import { registerCase } from '../../../src/modules/cases/services/register-case.ts';
import { systemContext, testEpoch, unique } from '../../helpers/factories.ts';
import type { Caller, Fixtures, RouteCase } from '../../app/route-matrix-routes.ts';

// The cases and mail-quarantine routes of the route matrix. Caller lists are spelled out, not derived from
// `callers`: the matrix imports this file, so a value from it is not ready here yet. "Everyone" is the operator's and
// the owners' callers; parties reach no case.
const everyone: Caller[] = [
  'operator-admin',
  'operator-agent',
  'operator-auditor',
  'operator-token',
  'owner-admin',
  'owner-member',
  'owner-auditor',
  'owner-token',
  'operator-machine-token',
  'owner-machine-token',
];
const caseReporters: Caller[] = [
  'operator-admin',
  'operator-agent',
  'operator-token',
  'owner-admin',
  'owner-member',
  'owner-token',
];

const fixtureCases = new Map<string, Promise<{ caseId: string; attachmentId: string }>>();

/** One support request with a file per tenant, created on first use and shared by the read routes. */
function caseOf(fx: Fixtures, tenant: Fixtures['a']): Promise<{ caseId: string; attachmentId: string }> {
  let pending = fixtureCases.get(tenant.organisation.id);
  if (!pending) {
    pending = (async () => {
      const ctx = systemContext(fx.store);
      const { row } = await registerCase(ctx, {
        organisationId: tenant.organisation.id,
        kind: 'support-request',
        title: 'Matrise-sak',
      });
      const attachment = await fx.store.db
        .transaction()
        .execute((trx) =>
          storeAttachment(
            trx,
            ctx,
            row,
            { fileName: 'matrise.txt', contentType: 'text/plain', content: Buffer.from('innhold') },
            'text/plain',
          ),
        );
      return { caseId: row.id, attachmentId: attachment.id };
    })();
    fixtureCases.set(tenant.organisation.id, pending);
  }
  return pending;
}

const textFile = (): FormData => {
  const form = new FormData();
  form.set('file', new File(['skjermbilde mangler'], 'notat.txt', { type: 'text/plain' }));
  return form;
};

/** A pending message from an unknown sender, as the mail listener leaves it in the quarantine. */
async function quarantinedMail(fx: Fixtures): Promise<string> {
  const id = unique('q');
  const raw = Buffer.from(
    `From: Ukjent <ukjent@example.com>\r\nSubject: Hjelp med innlogging\r\nMessage-ID: <${id}@example.com>\r\n\r\nVi får ikke logget inn.\r\n`,
  );
  await fx.store.db
    .insertInto('mail_quarantine')
    .values({
      id,
      message_id: `<${id}@example.com>`,
      from_address: 'ukjent@example.com',
      from_name: 'Ukjent',
      subject: 'Hjelp med innlogging',
      text_body: 'Vi får ikke logget inn.',
      reason: 'unknown-sender',
      raw,
      size_bytes: raw.length,
      received_at: testEpoch,
      status: 'pending',
      case_id: null,
      handled_by: null,
      handled_at: null,
    })
    .execute();
  return id;
}

export const caseCases: Record<string, RouteCase> = {
  'GET /cases': {
    allow: everyone,
    own: (fx) => ({ path: `/cases?organisationId=${fx.a.organisation.id}&state=all` }),
    other: (fx) => ({ path: `/cases?organisationId=${fx.b.organisation.id}&state=all` }),
  },
  'POST /cases': {
    allow: caseReporters,
    own: (fx) => ({
      path: '/cases',
      body: { organisationId: fx.a.organisation.id, kind: 'support-request', title: 'Hvordan får vi tilgang?' },
    }),
    other: (fx) => ({
      path: '/cases',
      body: { organisationId: fx.b.organisation.id, kind: 'support-request', title: 'Planted' },
    }),
  },
  'GET /cases/{id}': {
    allow: everyone,
    own: async (fx) => ({ path: `/cases/${(await caseOf(fx, fx.a)).caseId}` }),
    other: async (fx) => ({ path: `/cases/${(await caseOf(fx, fx.b)).caseId}` }),
  },
  'POST /cases/{id}/events': {
    allow: caseReporters,
    own: async (fx) => ({
      path: `/cases/${(await caseOf(fx, fx.a)).caseId}/events`,
      body: { type: 'commented', body: 'Oppdatering' },
    }),
    other: async (fx) => ({
      path: `/cases/${(await caseOf(fx, fx.b)).caseId}/events`,
      body: { type: 'commented', body: 'Planted' },
    }),
  },
  'POST /cases/{id}/attachments': {
    allow: caseReporters,
    own: async (fx) => ({ path: `/cases/${(await caseOf(fx, fx.a)).caseId}/attachments`, form: textFile }),
    other: async (fx) => ({ path: `/cases/${(await caseOf(fx, fx.b)).caseId}/attachments`, form: textFile }),
  },
  'GET /cases/{id}/attachments/{attachmentId}': {
    allow: everyone,
    own: async (fx) => {
      const { caseId, attachmentId } = await caseOf(fx, fx.a);
      return { path: `/cases/${caseId}/attachments/${attachmentId}` };
    },
    other: async (fx) => {
      const { caseId, attachmentId } = await caseOf(fx, fx.b);
      return { path: `/cases/${caseId}/attachments/${attachmentId}` };
    },
  },
  'GET /mail-quarantine': {
    allow: ['operator-admin', 'operator-agent'],
    own: () => ({ path: '/mail-quarantine?status=all' }),
  },
  'GET /mail-quarantine/{id}': {
    allow: ['operator-admin', 'operator-agent'],
    own: async (fx) => ({ path: `/mail-quarantine/${await quarantinedMail(fx)}` }),
  },
  'POST /mail-quarantine/{id}/accept': {
    allow: ['operator-admin', 'operator-agent'],
    own: async (fx) => ({
      path: `/mail-quarantine/${await quarantinedMail(fx)}/accept`,
      body: { organisationId: fx.a.organisation.id },
    }),
  },
  'POST /mail-quarantine/{id}/discard': {
    allow: ['operator-admin', 'operator-agent'],
    own: async (fx) => ({ path: `/mail-quarantine/${await quarantinedMail(fx)}/discard` }),
  },
};
