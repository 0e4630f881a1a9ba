import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { MessageKey, Translate } from '../../../platform/i18n/messages.ts';
import { authorize } from '../../../platform/services/actor.ts';
import type { AppError } from '../../../platform/services/app-error.ts';
import { listComponents } from '../../availability/index.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { createMeeting } from '../services/create-meeting.ts';
import { createReportBlock } from '../services/create-report-block.ts';
import { createRoadmapEntry } from '../services/create-roadmap-entry.ts';
import { deleteMeeting } from '../services/delete-meeting.ts';
import { deleteReportBlock } from '../services/delete-report-block.ts';
import { deleteRoadmapEntry } from '../services/delete-roadmap-entry.ts';
import { listMeetings } from '../services/list-meetings.ts';
import { listReportBlocks } from '../services/list-report-blocks.ts';
import { listRoadmapEntries } from '../services/list-roadmap-entries.ts';
import { reportZone } from '../services/report-content-inputs.ts';
import { monthPattern } from '../../../platform/domain/month-key.ts';
import { updateMeeting } from '../services/update-meeting.ts';
import { updateReportBlock } from '../services/update-report-block.ts';
import { updateRoadmapEntry } from '../services/update-roadmap-entry.ts';
import { instantToLocal } from '../../../platform/domain/calendar/time-zone.ts';
import { type FailedForm, type FieldErrors, fieldErrors } from '../../../platform/web/form.tsx';
import type { AppEnv } from '../../../platform/http/env.ts';
import { blockFields, contentFieldNames, meetingFormFields, roadmapFields } from './report-content-forms.tsx';
import {
  presentComponentOption,
  presentMeeting,
  presentReportBlock,
  presentRoadmapEntry,
} from './report-content-model.ts';
import { reportContentPaths, ReportContentPage } from './report-content-views.tsx';
import { pageContext, render } from '../../../platform/web/render.tsx';
import {
  formBody,
  formProblem,
  problemStatus,
  requireLogin,
  serviceContext,
  text,
} from '../../../platform/web/web-kit.ts';

const knownErrors: ReadonlySet<string> = new Set(contentFieldNames);

/** The operations explain problems in English for the API; the form says them in the reader's language. */
export function contentErrors(error: AppError, t: Translate): FieldErrors {
  const errors = fieldErrors(error.fields);
  for (const field of Object.keys(errors)) {
    if (field === 'email' && error.code === 'conflict') errors[field] = t('reportContent.error.emailTaken');
    else if (knownErrors.has(field)) errors[field] = t(`reportContent.error.${field}` as MessageKey);
  }
  return errors;
}

export function formValues(body: Record<string, string | string[]>, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, text(body, f) ?? '']));
}

/** The current month in Norway, as `YYYY-MM`. */
function currentMonth(ctx: ServiceContext): string {
  return new Date(instantToLocal(reportZone, ctx.clock.now())).toISOString().slice(0, 7);
}

function monthOf(ctx: ServiceContext, value: string | undefined): string {
  return value && monthPattern.test(value) ? value : currentMonth(ctx);
}

/** The year of meetings the page lists: from the first of the month to the same day a year later. */
function meetingWindow(month: string): { from: string; to: string } {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const end = new Date(Date.UTC(year + 1, m - 1, 0)).toISOString().slice(0, 10);
  return { from: `${month}-01`, to: end };
}

async function contentPage(
  c: Context<AppEnv>,
  ctx: ServiceContext,
  month: string,
  extra: { done?: string | undefined; failed?: FailedForm | undefined },
  status: ContentfulStatusCode = 200,
): Promise<Response> {
  authorize(ctx.actor, 'report.manage');
  const [blocks, roadmap, meetings, components] = await Promise.all([
    listReportBlocks(ctx, { month }),
    listRoadmapEntries(ctx),
    listMeetings(ctx, meetingWindow(month)),
    listComponents(ctx),
  ]);
  return render(
    c,
    <ReportContentPage
      page={pageContext(c)}
      month={month}
      blocks={blocks.map(presentReportBlock)}
      roadmap={roadmap.map(presentRoadmapEntry)}
      meetings={meetings.map(presentMeeting)}
      components={components.map(presentComponentOption)}
      done={extra.done}
      failed={extra.failed}
    />,
    status,
  );
}

const optional = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);
/** A number field: empty means "not given"; anything else goes to the operation, which names it when it is no whole number. */
const numberOrText = (value: string | undefined): number | undefined =>
  optional(value) === undefined ? undefined : Number(value);

const blockInput = (form: Record<string, string>) => ({
  kind: form.kind as 'news',
  title: form.title ?? '',
  bodyMarkdown: form.bodyMarkdown ?? '',
  ...(numberOrText(form.position) === undefined ? {} : { position: numberOrText(form.position) as number }),
});
const roadmapInput = (form: Record<string, string>) => ({
  title: form.title ?? '',
  period: form.period ?? '',
  status: form.status as 'planned',
  componentId: optional(form.componentId) ?? null,
  description: form.description ?? '',
});
const meetingInput = (form: Record<string, string>) => ({
  title: form.title ?? '',
  series: form.series ?? '',
  startsAt: form.startsAt ?? '',
  endsAt: form.endsAt ?? '',
  format: form.format as 'digital',
  location: form.location ?? '',
  url: optional(form.url) ?? null,
  description: form.description ?? '',
});

type Kind = 'block' | 'roadmap' | 'meeting';
const fieldsOf: Record<Kind, readonly string[]> = {
  block: blockFields,
  roadmap: roadmapFields,
  meeting: meetingFormFields,
};

/** Runs one form's operation; back to the month on success, the page with the form's problems otherwise. */
async function submit(
  c: Context<AppEnv>,
  kind: Kind,
  id: string | null,
  work: (ctx: ServiceContext, form: Record<string, string>, month: string) => Promise<unknown>,
): Promise<Response> {
  const ctx = serviceContext(c);
  const body = await formBody(c);
  const month = monthOf(ctx, text(body, 'month'));
  const form = formValues(body, fieldsOf[kind]);
  try {
    await work(ctx, form, month);
    return c.redirect(
      `${reportContentPaths.content}?month=${month}&done=${kind}-${id === null ? 'created' : 'updated'}`,
      303,
    );
  } catch (error) {
    const problem = formProblem(error);
    return contentPage(
      c,
      ctx,
      month,
      { failed: { form: `${kind}:${id ?? 'new'}`, values: form, errors: contentErrors(problem, pageContext(c).t) } },
      problemStatus(problem),
    );
  }
}

async function remove(
  c: Context<AppEnv>,
  kind: Kind,
  work: (ctx: ServiceContext, id: string) => Promise<unknown>,
): Promise<Response> {
  const ctx = serviceContext(c);
  const month = monthOf(ctx, text(await formBody(c), 'month'));
  await work(ctx, c.req.param('id') ?? '');
  return c.redirect(`${reportContentPaths.content}?month=${month}&done=${kind}-deleted`, 303);
}

const base = reportContentPaths.content;

export const reportContentPages = new Hono<AppEnv>()
  .use(base, requireLogin)
  .use(`${base}/*`, requireLogin)
  .get(base, async (c) => {
    const ctx = serviceContext(c);
    return contentPage(c, ctx, monthOf(ctx, c.req.query('month')), { done: c.req.query('done') });
  })
  .post(`${base}/blocks`, (c) =>
    submit(c, 'block', null, (ctx, form, month) => createReportBlock(ctx, { month, ...blockInput(form) })),
  )
  .post(`${base}/blocks/:id`, (c) =>
    submit(c, 'block', c.req.param('id'), (ctx, form) =>
      updateReportBlock(ctx, { id: c.req.param('id'), ...blockInput(form) }),
    ),
  )
  .post(`${base}/blocks/:id/delete`, (c) => remove(c, 'block', (ctx, id) => deleteReportBlock(ctx, { id })))
  .post(`${base}/roadmap`, (c) =>
    submit(c, 'roadmap', null, (ctx, form) => createRoadmapEntry(ctx, roadmapInput(form))),
  )
  .post(`${base}/roadmap/:id`, (c) =>
    submit(c, 'roadmap', c.req.param('id'), (ctx, form) =>
      updateRoadmapEntry(ctx, { id: c.req.param('id'), ...roadmapInput(form) }),
    ),
  )
  .post(`${base}/roadmap/:id/delete`, (c) => remove(c, 'roadmap', (ctx, id) => deleteRoadmapEntry(ctx, { id })))
  .post(`${base}/meetings`, (c) => submit(c, 'meeting', null, (ctx, form) => createMeeting(ctx, meetingInput(form))))
  .post(`${base}/meetings/:id`, (c) =>
    submit(c, 'meeting', c.req.param('id'), (ctx, form) =>
      updateMeeting(ctx, { id: c.req.param('id'), ...meetingInput(form) }),
    ),
  )
  .post(`${base}/meetings/:id/delete`, (c) => remove(c, 'meeting', (ctx, id) => deleteMeeting(ctx, { id })));
