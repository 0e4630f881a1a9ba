import { monthBounds } from '../../../platform/domain/calendar/month-bounds.ts';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { MessageKey, Translate } from '../../../platform/i18n/messages.ts';
import { can } from '../../../platform/services/actor.ts';
import type { AppError } from '../../../platform/services/app-error.ts';
import { parseMonth } from '../services/availability-access.ts';
import { cancelMaintenance } from '../services/cancel-maintenance.ts';
import { componentAvailabilityHistory, recentMonths } from '../services/component-availability-history.ts';
import { computeComponentAvailability } from '../services/compute-component-availability.ts';
import { endOutage } from '../services/end-outage.ts';
import { getComponent } from '../services/get-component.ts';
import { listMaintenance } from '../services/list-maintenance.ts';
import { listOutages } from '../services/list-outages.ts';
import { type PlanMaintenanceInput, planMaintenance } from '../services/plan-maintenance.ts';
import { publishMaintenance } from '../services/publish-maintenance.ts';
import { type RecordOutageInput, recordOutage } from '../services/record-outage.ts';
import { listComponents } from '../services/list-components.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { type FailedForm, type FieldErrors, fieldErrors } from '../../../platform/web/form.tsx';
import type { AppEnv } from '../../../platform/http/env.ts';
import { outageFields, planFields } from './availability-forms.tsx';
import { presentComponentFacts, presentMaintenanceItem, presentOutageItem } from './availability-model.ts';
import { AvailabilityComponentPage, AvailabilityListPage } from './availability-views.tsx';
import { pageContext, render } from '../../../platform/web/render.tsx';
import {
  formBody,
  formProblem,
  problemStatus,
  requireLogin,
  serviceContext,
  text,
} from '../../../platform/web/web-kit.ts';

/** How many months the chart shows, the current one included. */
const historyMonths = 24;

async function listPage(c: Context<AppEnv>) {
  const ctx = serviceContext(c);
  const [month = ''] = recentMonths(ctx.clock.now(), 1);
  const components = await listComponents(ctx);
  const rows = [];
  for (const component of components)
    rows.push({
      component: presentComponentFacts(component),
      figure: await computeComponentAvailability(ctx, { componentId: component.id, month }),
    });
  return <AvailabilityListPage page={pageContext(c)} month={month} rows={rows} />;
}

async function componentPage(
  c: Context<AppEnv>,
  ctx: ServiceContext,
  code: string,
  extra: { done?: string | undefined; failed?: FailedForm | undefined },
  status: ContentfulStatusCode = 200,
) {
  // The history authorizes the reader and answers not-found for an unknown component before anything else is read.
  const history = await componentAvailabilityHistory(ctx, { componentId: code, months: historyMonths });
  const component = await getComponent(ctx, { id: code });
  const first = parseMonth(history[0]?.month ?? '');
  // Outages and work older than the chart are history nobody acts on any more; the API still lists them.
  const from = monthBounds(first.year, first.month).start;
  const [outages, maintenance] = await Promise.all([
    listOutages(ctx, { componentId: component.id, from, limit: 200 }),
    listMaintenance(ctx, { componentId: component.id, from, limit: 200 }),
  ]);
  const view = (
    <AvailabilityComponentPage
      page={pageContext(c)}
      component={presentComponentFacts(component)}
      history={history}
      outages={outages.map(presentOutageItem)}
      maintenance={maintenance.map(presentMaintenanceItem)}
      managesOutages={can(ctx.actor, 'outage.manage', null)}
      managesMaintenance={can(ctx.actor, 'maintenance.manage', null)}
      now={ctx.clock.now()}
      done={extra.done}
      failed={extra.failed}
    />
  );
  return render(c, view, status);
}

const knownErrors: ReadonlySet<string> = new Set([
  'start',
  'end',
  'publicText',
  'title',
  'incidentCaseId',
  'severity',
  'kind',
]);

/** The operations explain problems in English for the API; the form says them in the reader's language. */
function formErrors(error: AppError, t: Translate): FieldErrors {
  const errors = fieldErrors(error.fields);
  for (const field of Object.keys(errors))
    if (knownErrors.has(field)) errors[field] = t(`availability.error.${field}` as MessageKey);
  return errors;
}

function values(body: Record<string, string | string[]>, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, text(body, f) ?? '']));
}

/** Present optional fields only; an empty datetime-local means "not given", not an invalid instant. */
function given(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}

function back(c: Context<AppEnv>, code: string, done: string): Response {
  return c.redirect(`/availability/${encodeURIComponent(code)}?done=${done}`, 303);
}

export const availabilityPages = new Hono<AppEnv>()
  .use('/availability', requireLogin)
  .use('/availability/*', requireLogin)
  .get('/availability', async (c) => render(c, await listPage(c)))
  .get('/availability/:component', async (c) =>
    componentPage(c, serviceContext(c), c.req.param('component'), { done: c.req.query('done') }),
  )
  .post('/availability/:component/outages', async (c) => {
    const ctx = serviceContext(c);
    const code = c.req.param('component');
    const form = values(await formBody(c), outageFields);
    const end = given(form.end);
    // The operation validates the severity against its closed list and names the field when it is wrong.
    const input: RecordOutageInput = {
      componentId: code,
      severity: form.severity as RecordOutageInput['severity'],
      start: form.start ?? '',
      publicText: form.publicText ?? '',
      ...(end ? { end } : {}),
    };
    try {
      await recordOutage(ctx, input);
      return back(c, code, 'recorded');
    } catch (error) {
      const problem = formProblem(error);
      return componentPage(
        c,
        ctx,
        code,
        { failed: { form: 'outage', values: form, errors: formErrors(problem, pageContext(c).t) } },
        problemStatus(problem),
      );
    }
  })
  .post('/availability/:component/outages/:id/end', async (c) => {
    const ctx = serviceContext(c);
    const code = c.req.param('component');
    const id = c.req.param('id');
    const form = values(await formBody(c), ['end']);
    const end = given(form.end);
    try {
      await endOutage(ctx, { id, ...(end ? { end } : {}) });
      return back(c, code, 'ended');
    } catch (error) {
      const problem = formProblem(error);
      return componentPage(
        c,
        ctx,
        code,
        { failed: { form: `end:${id}`, values: form, errors: formErrors(problem, pageContext(c).t) } },
        problemStatus(problem),
      );
    }
  })
  .post('/availability/:component/maintenance', async (c) => {
    const ctx = serviceContext(c);
    const code = c.req.param('component');
    const form = values(await formBody(c), planFields);
    const incident = given(form.incidentCaseId);
    const input: PlanMaintenanceInput = {
      componentId: code,
      kind: form.kind as PlanMaintenanceInput['kind'],
      title: form.title ?? '',
      start: form.start ?? '',
      end: form.end ?? '',
      publicText: form.publicText ?? '',
      ...(incident ? { incidentCaseId: incident } : {}),
    };
    try {
      await planMaintenance(ctx, input);
      return back(c, code, 'planned');
    } catch (error) {
      const problem = formProblem(error);
      return componentPage(
        c,
        ctx,
        code,
        { failed: { form: 'plan', values: form, errors: formErrors(problem, pageContext(c).t) } },
        problemStatus(problem),
      );
    }
  })
  .post('/availability/:component/maintenance/:id/publish', async (c) => {
    const { deviations } = await publishMaintenance(serviceContext(c), { id: c.req.param('id') });
    return back(c, c.req.param('component'), deviations.includes('late-notice') ? 'published-late' : 'published');
  })
  .post('/availability/:component/maintenance/:id/cancel', async (c) => {
    await cancelMaintenance(serviceContext(c), { id: c.req.param('id') });
    return back(c, c.req.param('component'), 'cancelled');
  });
