import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isCaseKind, isFeedbackChannel, isIncidentCategory } from '../domain/case-types.ts';
import { isIncidentCriterion } from '../domain/incident-criteria.ts';
import type { Translate } from '../../../platform/i18n/messages.ts';
import { authorize, can, tenantScope } from '../../../platform/services/actor.ts';
import { AppError } from '../../../platform/services/app-error.ts';
import { addCaseAttachment, vetAttachment } from '../services/add-case-attachment.ts';
import { appendCaseEvent, kindOf } from '../services/append-case-event.ts';
import { worksCases } from '../services/case-access.ts';
import { lifecycleEvents } from '../services/case-derivation.ts';
import type { AppendEventInput, RegisterCaseInput } from '../services/case-schemas.ts';
import { getCase, getCaseAttachment } from '../services/get-case.ts';
import { listCaseAgents } from '../services/list-case-agents.ts';
import { listCases } from '../services/list-cases.ts';
import { registerCase } from '../services/register-case.ts';
import { listComponents } from '../../availability/index.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { listOrganisations } from '../../access/index.ts';
import { listServices } from '../../access/index.ts';
import { type FieldErrors, fieldErrors } from '../../../platform/web/form.tsx';
import type { AppEnv } from '../../../platform/http/env.ts';
import { availableActions, type FailedForm } from './case-action-forms.tsx';
import { CasePage } from './case-detail-view.tsx';
import { presentCase, presentCaseQueueItem } from './case-model.ts';
import { CaseQueuePage, type QueueFilters } from './case-queue-view.tsx';
import { CaseReportPage, platformValue, type ReportForm } from './case-report-view.tsx';
import { pageContext, render } from '../../../platform/web/render.tsx';
import {
  formBody,
  formProblem,
  problemStatus,
  requireLogin,
  serviceContext,
  text,
} from '../../../platform/web/web-kit.ts';
import { attachmentDisposition, servedContentType } from '../domain/attachment-policy.ts';

type Body = Record<string, string | string[]>;

function list(body: Body, key: string): string[] {
  const v = body[key];
  return Array.isArray(v) ? v : v ? [v] : [];
}

async function queue(c: Context<AppEnv>) {
  const ctx = serviceContext(c);
  const q = (key: string) => c.req.query(key)?.trim() ?? '';
  const state = q('state');
  const filters: QueueFilters = {
    state: state === 'closed' || state === 'all' ? state : 'open',
    kind: isCaseKind(q('kind')) ? q('kind') : '',
    category: isIncidentCategory(q('category')) ? q('category') : '',
    org: q('org').slice(0, 100),
    cursor: q('cursor').slice(0, 200),
  };
  // Only those who see every owner's cases filter by owner; an owner's queue is its own already.
  const platform = tenantScope(ctx.actor, 'case.read').all;
  const [result, organisations] = await Promise.all([
    listCases(ctx, {
      state: filters.state,
      ...(isCaseKind(filters.kind) ? { kind: filters.kind } : {}),
      ...(isIncidentCategory(filters.category) ? { category: filters.category } : {}),
      ...(platform && filters.org ? { organisationId: filters.org } : {}),
      ...(filters.cursor ? { cursor: filters.cursor } : {}),
    }),
    listOrganisations(ctx),
  ]);
  const owners = platform
    ? organisations.filter((o) => o.kind === 'owner').map((o) => ({ code: o.code, name: o.name }))
    : null;
  const names = new Map(organisations.map((o) => [o.id, o.name]));
  return (
    <CaseQueuePage
      page={pageContext(c)}
      items={result.items.map((item) => presentCaseQueueItem(item, names))}
      nextCursor={result.nextCursor}
      filters={{ ...filters, org: platform ? filters.org : '' }}
      owners={owners}
      canReport={can(ctx.actor, 'case.report', null)}
      now={result.at}
    />
  );
}

async function reportPage(c: Context<AppEnv>, ctx: ServiceContext, form: ReportForm) {
  authorize(ctx.actor, 'case.report');
  const page = pageContext(c);
  const desk = worksCases(ctx);
  const [organisations, services, components] = await Promise.all([
    listOrganisations(ctx),
    listServices(ctx),
    listComponents(ctx),
  ]);
  const owners = organisations.filter((o) => o.kind === 'owner' && can(ctx.actor, 'case.report', o.id));
  const names = new Map(owners.map((o) => [o.id, o.name]));
  const several = desk || owners.length > 1;
  const organisationOptions = desk
    ? [
        { value: platformValue, label: page.t('case.field.platformOption') },
        ...owners.map((o) => ({ value: o.id, label: o.name })),
      ]
    : several
      ? owners.map((o) => ({ value: o.id, label: o.name }))
      : null;
  const serviceOptions = services
    .filter((s) => names.has(s.organisation_id))
    .map((s) => ({ value: s.id, label: several ? `${names.get(s.organisation_id) ?? ''}: ${s.name}` : s.name }));
  const componentOptions = components.map((comp) => ({ value: comp.id, label: comp.name }));
  return (
    <CaseReportPage
      page={page}
      form={form}
      organisations={organisationOptions}
      services={serviceOptions}
      components={componentOptions}
      desk={desk}
    />
  );
}

const reportFields = [
  'organisationId',
  'kind',
  'category',
  'title',
  'description',
  'serviceId',
  'componentId',
  'channel',
  'reporterName',
  'reporterEmail',
  'registeredAt',
] as const;

function reportInput(values: Record<string, string>, criteria: string[], desk: boolean): RegisterCaseInput {
  const kind = values.kind ?? '';
  const incident = kind === 'incident';
  const category = values.category ?? '';
  const organisationId = values.organisationId ?? '';
  const optional = (key: keyof RegisterCaseInput, value: string | undefined) => (value ? { [key]: value } : {});
  return {
    // The operation validates the kind against its closed list and names the field when it is wrong.
    kind: kind as RegisterCaseInput['kind'],
    title: values.title ?? '',
    description: values.description ?? '',
    // A category picked before switching to another kind of case is not held against the reporter.
    ...(incident && isIncidentCategory(category) ? { category } : {}),
    ...(incident && criteria.length > 0 ? { criteria } : {}),
    ...(organisationId === platformValue ? { organisationId: null } : optional('organisationId', organisationId)),
    ...optional('serviceId', values.serviceId),
    ...optional('componentId', values.componentId),
    ...(desk
      ? {
          ...optional('channel', values.channel),
          ...optional('reporterName', values.reporterName?.trim()),
          ...optional('reporterEmail', values.reporterEmail?.trim()),
          ...optional('registeredAt', values.registeredAt),
        }
      : {}),
  };
}

function reportErrors(error: AppError, values: Record<string, string>, t: Translate): FieldErrors {
  const errors = fieldErrors(error.fields);
  if (errors.category) errors.category = t('case.error.category');
  if (errors.title) errors.title = t('case.error.title');
  if (errors.organisationId && !values.organisationId) errors.organisationId = t('case.error.organisation');
  return errors;
}

async function casePage(
  c: Context<AppEnv>,
  ctx: ServiceContext,
  ref: string,
  extra: { done?: string | undefined; failed?: FailedForm | undefined },
  status: ContentfulStatusCode = 200,
) {
  const detail = await getCase(ctx, { id: ref });
  const works = worksCases(ctx);
  const mayReport =
    works || (detail.row.organisation_id !== null && can(ctx.actor, 'case.report', detail.row.organisation_id));
  const agents = works ? await listCaseAgents(ctx) : [];
  // The service desk reads every event, internal ones included, so its view of the lifecycle is complete.
  const actions = works ? availableActions(kindOf(detail.row), lifecycleEvents(detail.events), ctx.clock.now()) : [];
  return render(
    c,
    <CasePage
      page={pageContext(c)}
      detail={presentCase(detail)}
      mayReport={mayReport}
      works={works}
      actions={actions}
      agents={agents}
      done={extra.done}
      failed={extra.failed}
    />,
    status,
  );
}

function eventErrors(type: string, error: AppError, t: Translate): FieldErrors {
  const errors = fieldErrors(error.fields);
  const body: Partial<Record<string, string>> = {
    paused: t('case.error.pauseReason'),
    closed: t('case.error.closeReason'),
    commented: t('case.error.comment'),
    'feedback-given': t('case.error.feedback'),
  };
  if (errors.body && body[type]) errors.body = body[type];
  return errors;
}

const fileProblems = {
  'too-large': 'case.error.tooLarge',
  empty: 'case.error.fileEmpty',
  type: 'case.error.fileType',
  name: 'case.error.fileName',
} as const;

export const casePages = new Hono<AppEnv>()
  .use('/cases', requireLogin)
  .use('/cases/*', requireLogin)
  .get('/cases', async (c) => render(c, await queue(c)))
  .get('/cases/new', async (c) =>
    render(c, await reportPage(c, serviceContext(c), { values: {}, criteria: [], errors: {} })),
  )
  .post('/cases', async (c) => {
    const ctx = serviceContext(c);
    const body = await formBody(c);
    const values: Record<string, string> = {};
    for (const key of reportFields) values[key] = text(body, key) ?? '';
    const criteria = list(body, 'criteria').filter(isIncidentCriterion);
    try {
      const { row } = await registerCase(ctx, reportInput(values, criteria, worksCases(ctx)));
      return c.redirect(`/cases/${row.reference}?done=created`, 303);
    } catch (error) {
      const problem = formProblem(error);
      const t = pageContext(c).t;
      return render(
        c,
        await reportPage(c, ctx, { values, criteria, errors: reportErrors(problem, values, t) }),
        problemStatus(problem),
      );
    }
  })
  .get('/cases/:ref', async (c) => {
    const failed: FailedForm | undefined =
      c.req.query('upload') === 'too-large'
        ? { form: 'attach', values: {}, errors: { file: pageContext(c).t('case.error.tooLarge') } }
        : undefined;
    return casePage(c, serviceContext(c), c.req.param('ref'), { done: c.req.query('done'), failed });
  })
  .post('/cases/:ref/events', async (c) => {
    const ctx = serviceContext(c);
    const ref = c.req.param('ref');
    const body = await formBody(c);
    const values = {
      type: text(body, 'type') ?? '',
      body: text(body, 'body') ?? '',
      category: text(body, 'category') ?? '',
      assigneeId: text(body, 'assigneeId') ?? '',
      visibility: text(body, 'visibility') ?? '',
      channel: text(body, 'channel') ?? '',
    };
    const type = values.type;
    const input: AppendEventInput = {
      type,
      ...(values.body.trim() ? { body: values.body } : {}),
      ...(type === 'reclassified' && isIncidentCategory(values.category) ? { category: values.category } : {}),
      ...(type === 'assigned' ? { assigneeId: values.assigneeId || null } : {}),
      ...(values.visibility === 'internal' ? { visibility: 'internal' as const } : {}),
      ...(type === 'feedback-given' && isFeedbackChannel(values.channel) ? { channel: values.channel } : {}),
    };
    try {
      // The lifecycle lets feedback go without words; a person giving it on this form means to say something.
      if (type === 'feedback-given' && !values.body.trim()) throw AppError.field('body', 'write the feedback');
      if (type === 'feedback-given' && values.channel && !isFeedbackChannel(values.channel))
        throw AppError.field('channel', 'choose how the reporter was told');
      const { row } = await appendCaseEvent(ctx, { caseId: ref, ...input });
      return c.redirect(`/cases/${row.reference}?done=event`, 303);
    } catch (error) {
      const problem = formProblem(error);
      return casePage(
        c,
        ctx,
        ref,
        { failed: { form: type, values, errors: eventErrors(type, problem, pageContext(c).t) } },
        problemStatus(problem),
      );
    }
  })
  .post('/cases/:ref/attachments', async (c) => {
    const ctx = serviceContext(c);
    const ref = c.req.param('ref');
    const { t } = pageContext(c);
    const form = await c.req.parseBody();
    const file = form.file;
    try {
      if (!(file instanceof File) || (file.size === 0 && file.name === ''))
        throw AppError.field('file', t('case.error.file'));
      const upload = {
        fileName: file.name,
        contentType: file.type,
        content: Buffer.from(await file.arrayBuffer()),
        visibility: form.visibility === 'internal' ? ('internal' as const) : ('public' as const),
      };
      // Vetted here first only to say what is wrong in the reader's language; the operation checks again.
      const verdict = await vetAttachment(upload);
      if (!verdict.ok)
        throw AppError.field(
          'file',
          t(fileProblems[verdict.reason]),
          verdict.reason === 'too-large' ? 'payload-too-large' : 'validation',
        );
      await addCaseAttachment(ctx, { caseId: ref, ...upload });
      return c.redirect(`/cases/${encodeURIComponent(ref)}?done=attached`, 303);
    } catch (error) {
      const problem = formProblem(error);
      return casePage(
        c,
        ctx,
        ref,
        { failed: { form: 'attach', values: {}, errors: fieldErrors(problem.fields) } },
        problemStatus(problem),
      );
    }
  })
  .get('/cases/:ref/attachments/:attachmentId', async (c) => {
    const file = await getCaseAttachment(serviceContext(c), {
      caseId: c.req.param('ref'),
      attachmentId: c.req.param('attachmentId'),
    });
    c.header('content-type', servedContentType(file.file_name));
    c.header('content-disposition', attachmentDisposition(file.file_name));
    c.header('x-content-type-options', 'nosniff');
    c.header('cache-control', 'private, no-store');
    return c.body(new Uint8Array(file.content), 200);
  });
