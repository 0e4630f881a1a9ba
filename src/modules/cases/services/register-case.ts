import { checkEvent, checkRegistration, deriveCase, type LifecycleEvent } from '../domain/case-lifecycle.ts';
import { caseTypes, type CaseChannel } from '../domain/case-types.ts';
import type { Kysely } from 'kysely';
import type { Database, Organisation } from '../../../platform/db/schema.ts';
import type { CaseRow } from '../schema.ts';
import { authorize, tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { recordAuditEvent } from '../../../platform/audit/record-audit-event.ts';
import { inTransaction, newId, type ServiceContext, type Tx } from '../../../platform/services/context.ts';
import { getOrganisation } from '../../access/index.ts';
import { parseInput } from '../../../platform/services/parse-input.ts';
import { caseReference, worksCases } from './case-access.ts';
import { derive, writeClocks } from './case-derivation.ts';
import { registerCaseInput, type RegisterCaseInput } from './case-schemas.ts';
import { queueCaseNotice } from './queue-case-notice.ts';
import { violates } from '../../../platform/db/unique-violation.ts';

async function owningOrganisation(
  ctx: ServiceContext,
  requested: string | null | undefined,
): Promise<Organisation | null> {
  if (requested === null) {
    if (!worksCases(ctx))
      throw AppError.field('organisationId', 'only the operator registers platform-wide incidents', 'forbidden');
    return null;
  }
  if (requested === undefined) {
    const scope = tenantScope(ctx.actor, 'case.report');
    if (scope.all || scope.organisationIds.length !== 1)
      throw AppError.field('organisationId', 'name the service owner (or null for a platform-wide incident)');
    return getOrganisation(ctx, { id: scope.organisationIds[0] as string });
  }
  const organisation = await getOrganisation(ctx, { id: requested }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not-found')
      throw AppError.field('organisationId', 'no such service owner');
    throw error;
  });
  if (organisation.kind !== 'owner') throw AppError.field('organisationId', 'cases belong to a service owner');
  return organisation;
}

async function nextCaseNumber(trx: Tx): Promise<number> {
  // One counter row: the update takes its lock on PostgreSQL, so concurrent registrations get distinct numbers.
  const bumped = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'case')
    .returning('value')
    .executeTakeFirst();
  if (bumped) return bumped.value;
  await trx
    .insertInto('counters')
    .values({ name: 'case', value: 1000 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const first = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', 'case')
    .returning('value')
    .executeTakeFirstOrThrow();
  return first.value;
}

function defaultChannel(ctx: ServiceContext): CaseChannel {
  return ctx.actor.type === 'token' ? 'api' : ctx.actor.type === 'system' ? 'import' : 'web';
}

export interface RegisteredCase {
  row: CaseRow;
  /** False when `externalId` was already registered: the existing case is returned and nothing is written. */
  created: boolean;
}

/**
 * Registers a case: owner staff for their own organisation, operator agents for any owner (phone reports) or for the
 * whole platform. The `registered` event, derived clocks, audit row and notices commit together or not at all.
 */
export interface RegisterCaseOptions {
  history?: LifecycleEvent[];
  /** More writes for the new case (e.g. the files of an e-mail) in the same transaction, so a failure leaves no case behind. */
  withinTransaction?: (trx: Tx, row: CaseRow) => Promise<void>;
}

export async function registerCase(
  ctx: ServiceContext,
  input: RegisterCaseInput,
  options: RegisterCaseOptions = {},
): Promise<RegisteredCase> {
  const data = parseInput(registerCaseInput, input, ctx);
  const organisation = await owningOrganisation(ctx, data.organisationId);
  authorize(ctx.actor, 'case.report', organisation?.id ?? null);
  const agent = worksCases(ctx);
  const now = ctx.clock.now();
  if (!agent && data.registeredAt !== undefined && ctx.actor.type !== 'system')
    throw AppError.field('registeredAt', 'only the service desk dates a registration back');
  if (!agent && data.channel === 'phone')
    throw AppError.field('channel', 'phone reports are registered by the service desk');
  if (!agent && data.kind === 'incident' && organisation === null)
    throw AppError.field('organisationId', 'only the operator registers platform-wide incidents', 'forbidden');
  const category = data.category ?? null;
  const registeredAt = data.registeredAt ?? now;
  const problem = checkRegistration(data.kind, { at: registeredAt, category }, now);
  if (problem)
    throw AppError.field(problem.field === 'at' ? 'registeredAt' : problem.field, problem.message, problem.code);

  const serviceId = data.serviceId ? await resolveService(ctx, data.serviceId, organisation) : null;
  if (caseTypes[data.kind].requiresService && !serviceId)
    throw AppError.field('serviceId', `a ${data.kind} names the service it concerns`);
  const componentId = data.componentId ? await resolveComponent(ctx, data.componentId) : null;
  const reporter = await reporterOf(ctx, data);
  const history = options.history ?? [];
  // Given a history (even an empty one), the case is an import of the past, not a live report.
  const imported = options.history !== undefined;
  history.forEach((event, index) => {
    const earlier = [{ type: 'registered' as const, at: registeredAt, category }, ...history.slice(0, index)];
    const wrong = checkEvent(data.kind, deriveCase(earlier), event, now);
    if (wrong) throw AppError.field(`history.${index}.${wrong.field}`, `${event.type}: ${wrong.message}`, wrong.code);
  });

  return inTransaction(ctx, async (trx) => {
    if (data.externalId) {
      const existing = await byExternalId(trx, organisation?.id ?? null, data.externalId);
      if (existing) return { row: existing, created: false };
    }
    const number = await nextCaseNumber(trx);
    const id = newId();
    const events: LifecycleEvent[] = [{ type: 'registered', at: registeredAt, category }, ...history];
    const derived = derive(data.kind, events, ctx.calendars);
    const row: CaseRow = {
      id,
      number,
      reference: caseReference(number),
      organisation_id: organisation?.id ?? null,
      kind: data.kind,
      title: data.title,
      description: data.description,
      channel: data.channel ?? defaultChannel(ctx),
      service_id: serviceId,
      component_id: componentId,
      reporter_user_id: reporter.userId,
      reporter_name: reporter.name,
      reporter_email: reporter.email,
      external_id: data.externalId ?? null,
      registered_at: registeredAt,
      created_at: now,
      updated_at: now,
      ...derived.columns,
    };
    await trx.insertInto('cases').values(row).execute();
    const actor = { actor_type: ctx.actor.type, actor_id: ctx.actor.id, actor_label: ctx.actor.label };
    await trx
      .insertInto('case_events')
      .values(
        events.map((e, i) => ({
          id: newId(),
          case_id: id,
          seq: i + 1,
          type: e.type,
          at: e.at,
          recorded_at: now,
          ...actor,
          category: e.category ?? null,
          visibility: 'public' as const,
          body: i === 0 ? null : (e.body ?? null),
          data: i === 0 && data.criteria ? JSON.stringify({ criteria: data.criteria }) : null,
        })),
      )
      .execute();
    await writeClocks(trx, id, derived.snapshots, now, []);
    if (imported) {
      // Imported history is not news: deadlines that passed before the import raise no alerts now.
      await trx
        .updateTable('case_clocks')
        .set({ at_risk_alerted_at: now })
        .where('case_id', '=', id)
        .where((eb) => eb.or([eb('live', '=', 0), eb('at_risk_at', '<=', now)]))
        .execute();
      await trx
        .updateTable('case_clocks')
        .set({ breach_alerted_at: now })
        .where('case_id', '=', id)
        .where((eb) => eb.or([eb('live', '=', 0), eb('due_at', '<', now)]))
        .execute();
    }
    await recordAuditEvent(trx, ctx, {
      action: 'case.register',
      subjectType: 'case',
      subjectId: id,
      organisationId: row.organisation_id,
      summary: {
        reference: row.reference,
        kind: row.kind,
        category,
        channel: row.channel,
        externalId: row.external_id,
      },
    });
    // Imported history is not news: only a live registration tells the reporter.
    if (!imported) await queueCaseNotice(trx, ctx, row, 'registered');
    if (options.withinTransaction) await options.withinTransaction(trx, row);
    return { row, created: true };
  }).catch((error: unknown) => registeredMeanwhile(ctx, organisation?.id ?? null, data.externalId, error));
}

/** External ids are the owner's own references: unique per owner, and among the platform's cases without one. */
const externalIdKeys = [
  { table: 'cases', columns: ['organisation_id', 'external_id'], constraint: 'cases_owner_external' },
  { table: 'cases', columns: ['external_id'], constraint: 'cases_platform_external' },
] as const;

function byExternalId(db: Kysely<Database>, organisationId: string | null, externalId: string) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('external_id', '=', externalId)
    .where('organisation_id', organisationId === null ? 'is' : '=', organisationId)
    .executeTakeFirst();
}

/**
 * Two registrations with the same external id at once both find none: the key lets one in, and the other answers
 * with the case the first registered, as it would have a moment later.
 */
async function registeredMeanwhile(
  ctx: ServiceContext,
  organisationId: string | null,
  externalId: string | null | undefined,
  error: unknown,
): Promise<RegisteredCase> {
  if (externalId && externalIdKeys.some((key) => violates(error, key))) {
    const existing = await byExternalId(ctx.db, organisationId, externalId);
    if (existing) return { row: existing, created: false };
  }
  throw error;
}

async function resolveService(
  ctx: ServiceContext,
  idOrResource: string,
  organisation: Organisation | null,
): Promise<string> {
  const service = await ctx.db
    .selectFrom('services')
    .select(['id', 'organisation_id'])
    .where((eb) => eb.or([eb('id', '=', idOrResource), eb('resource_id', '=', idOrResource)]))
    .executeTakeFirst();
  if (!service || (organisation !== null && service.organisation_id !== organisation.id))
    throw AppError.field('serviceId', `no service ${idOrResource} of this owner`);
  return service.id;
}

async function resolveComponent(ctx: ServiceContext, idOrCode: string): Promise<string> {
  const component = await ctx.db
    .selectFrom('components')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
    .executeTakeFirst();
  if (!component) throw AppError.field('componentId', `no component ${idOrCode}`);
  return component.id;
}

async function reporterOf(
  ctx: ServiceContext,
  data: { reporterName?: string | undefined; reporterEmail?: string | undefined },
): Promise<{ userId: string | null; name: string; email: string | null }> {
  // Reporting on someone's behalf (a phone call, an import) names them; otherwise the reporter is the caller.
  if (data.reporterName || data.reporterEmail) {
    const user = data.reporterEmail
      ? await ctx.db
          .selectFrom('users')
          .select(['id', 'name'])
          .where('email', '=', data.reporterEmail.toLowerCase())
          .executeTakeFirst()
      : undefined;
    return {
      userId: user?.id ?? null,
      name: data.reporterName ?? user?.name ?? data.reporterEmail ?? '',
      email: data.reporterEmail?.toLowerCase() ?? null,
    };
  }
  if (ctx.actor.type === 'user') {
    const user = await ctx.db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('id', '=', ctx.actor.id)
      .executeTakeFirst();
    if (user) return { userId: user.id, name: user.name, email: user.email };
  }
  return { userId: null, name: ctx.actor.label, email: null };
}
