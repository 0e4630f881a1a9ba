import { formatInstant } from '../../../platform/domain/calendar/iso-instant.ts';
import { isLocale, type Locale } from '../../../platform/i18n/messages.ts';
import type { CaseRow } from '../schema.ts';
import type { ServiceContext, Tx } from '../../../platform/services/context.ts';
import { enqueueJob } from '../../../platform/jobs/enqueue-job.ts';
import type { CaseMailFacts, CaseNotice } from './case-mail-texts.ts';

export const caseEmailJob = 'case.email';
/** Posts one signed CloudEvent to one `/webhooks` endpoint; the payload is `{ endpointId, event }`. */
export const webhookDeliverJob = 'webhook.deliver';

declare module '../../../platform/jobs/job-kinds.ts' {
  interface JobKinds {
    'case.email': { sendsMail: true };
    'webhook.deliver': { sendsMail: false };
  }
}

export interface CaseEmailPayload {
  caseId: string;
  notice: CaseNotice;
  to: string[];
  locale: Locale;
  facts: Omit<CaseMailFacts, 'link'>;
  /** The resolution notice is the status feedback the agreement requires: sending it records `feedback-given`. */
  recordsFeedback: boolean;
}

const toReporter: ReadonlySet<CaseNotice> = new Set(['registered', 'work-started', 'resolved']);

/** Category A alerts go out at once; other warnings wait until the service desk is open to act on them. */
function alertTime(ctx: ServiceContext, row: CaseRow, notice: CaseNotice): number {
  const now = ctx.clock.now();
  if (toReporter.has(notice) || row.category === 'A') return now;
  const desk = ctx.calendars.get('servicedesk');
  return desk && !desk.isOpen(now) ? desk.nextOpening(now) : now;
}

async function deskAddresses(trx: Tx, row: CaseRow, notice: CaseNotice): Promise<string[]> {
  const operators = await trx
    .selectFrom('organisations')
    .select('contact_email')
    .where('kind', '=', 'operator')
    .execute();
  const addresses = operators.map((o) => o.contact_email);
  if (row.assignee_user_id) {
    const assignee = await trx
      .selectFrom('users')
      .select('email')
      .where('id', '=', row.assignee_user_id)
      .executeTakeFirst();
    if (assignee) addresses.push(assignee.email);
  }
  // A missed deadline is also the owner's business: it is a deviation from the agreement.
  if (notice === 'breached' && row.organisation_id) {
    const owner = await trx
      .selectFrom('organisations')
      .select('contact_email')
      .where('id', '=', row.organisation_id)
      .executeTakeFirst();
    if (owner) addresses.push(owner.contact_email);
  }
  return [...new Set(addresses)];
}

async function reporterLocale(trx: Tx, row: CaseRow): Promise<Locale> {
  if (!row.reporter_user_id) return 'nb';
  const user = await trx.selectFrom('users').select('locale').where('id', '=', row.reporter_user_id).executeTakeFirst();
  return user && isLocale(user.locale) ? user.locale : 'nb';
}

/**
 * Queues a case's notice in the caller's transaction: an e-mail job (reporter or service desk) and one signed
 * CloudEvent per subscribed webhook endpoint. Nothing is queued unless the change that causes it commits.
 */
export async function queueCaseNotice(
  trx: Tx,
  ctx: ServiceContext,
  row: CaseRow,
  notice: CaseNotice,
  detail: { policyId?: string; dueAt?: number | null; note?: string | null } = {},
): Promise<string | null> {
  const runAt = alertTime(ctx, row, notice);
  const owner = row.organisation_id
    ? await trx
        .selectFrom('organisations')
        .select(['code', 'name'])
        .where('id', '=', row.organisation_id)
        .executeTakeFirst()
    : undefined;
  const facts: Omit<CaseMailFacts, 'link'> = {
    reference: row.reference,
    title: row.title,
    kind: row.kind,
    category: row.category,
    owner: owner?.name ?? 'Plattformen',
    ...(detail.policyId ? { policy: detail.policyId } : {}),
    ...(detail.dueAt ? { due: formatInstant(detail.dueAt) } : {}),
    ...(detail.note ? { note: detail.note } : {}),
  };
  const reporterNotice = toReporter.has(notice);
  const to = reporterNotice ? (row.reporter_email ? [row.reporter_email] : []) : await deskAddresses(trx, row, notice);
  let emailJobId: string | null = null;
  if (to.length > 0) {
    const payload: CaseEmailPayload = {
      caseId: row.id,
      notice,
      to,
      locale: reporterNotice ? await reporterLocale(trx, row) : 'nb',
      facts,
      recordsFeedback: notice === 'resolved',
    };
    emailJobId = await enqueueJob(trx, ctx, {
      kind: caseEmailJob,
      payload,
      organisationId: row.organisation_id,
      runAt,
    });
  }

  const type = `no.niva.case.${notice}`;
  let endpoints = trx
    .selectFrom('webhook_endpoints')
    .select(['id', 'organisation_id', 'event_types'])
    .where('disabled_at', 'is', null);
  if (row.organisation_id) {
    const ownerId = row.organisation_id;
    endpoints = endpoints.where((eb) =>
      eb.or([
        eb('organisation_id', '=', ownerId),
        eb('organisation_id', 'in', eb.selectFrom('organisations').select('id').where('kind', '=', 'operator')),
      ]),
    );
  }
  for (const endpoint of await endpoints.execute()) {
    const wanted = endpoint.event_types.split(',').map((t) => t.trim());
    if (!wanted.includes('*') && !wanted.includes(type)) continue;
    const event = {
      specversion: '1.0',
      // Deterministic per case, notice and policy: a receiver can drop a redelivery by id.
      id: `${row.id}:${notice}${detail.policyId ? `:${detail.policyId}` : ''}`,
      source: 'urn:niva:cases',
      type,
      subject: row.reference,
      time: new Date(ctx.clock.now()).toISOString(),
      datacontenttype: 'application/json',
      data: {
        caseId: row.id,
        reference: row.reference,
        kind: row.kind,
        category: row.category,
        owner: owner?.code ?? null,
        title: row.title,
        status: row.status,
        policy: detail.policyId ?? null,
        due: detail.dueAt ? new Date(detail.dueAt).toISOString() : null,
      },
    };
    await enqueueJob(trx, ctx, {
      kind: webhookDeliverJob,
      payload: { endpointId: endpoint.id, event },
      organisationId: endpoint.organisation_id,
      runAt,
    });
  }
  return emailJobId;
}
