import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isIncidentCategory } from '../../cases/index.ts';
import type { Translate } from '../../../platform/i18n/messages.ts';
import type { AppError } from '../../../platform/services/app-error.ts';
import { getCase } from '../../cases/index.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { type AcceptQuarantinedMailInput, acceptQuarantinedMail } from '../services/accept-quarantined-mail.ts';
import { discardQuarantinedMail } from '../services/discard-quarantined-mail.ts';
import { getQuarantinedMail } from '../services/get-quarantined-mail.ts';
import { listQuarantine } from '../services/list-quarantine.ts';
import { listOrganisations } from '../../access/index.ts';
import { type FieldErrors, fieldErrors } from '../../../platform/web/form.tsx';
import type { AppEnv } from '../../../platform/http/env.ts';
import {
  type AcceptForm,
  MailQuarantineDetailPage,
  MailQuarantineListPage,
  type QuarantineStatus,
  quarantineStatuses,
} from './mail-quarantine-views.tsx';
import { presentQuarantinedMail, presentQuarantinedMailItem } from './mail-quarantine-model.ts';
import { pageContext, render } from '../../../platform/web/render.tsx';
import {
  formBody,
  formProblem,
  problemStatus,
  requireLogin,
  serviceContext,
  text,
} from '../../../platform/web/web-kit.ts';

const isStatus = (value: string | undefined): value is QuarantineStatus =>
  (quarantineStatuses as readonly (string | undefined)[]).includes(value);

/** Fields of the accept form; anything else the operation names is about the decision as a whole. */
const formFields: ReadonlySet<string> = new Set(['organisationId', 'kind', 'category']);

async function detailPage(
  c: Context<AppEnv>,
  ctx: ServiceContext,
  id: string,
  form: AcceptForm,
  refusal?: string,
  status: ContentfulStatusCode = 200,
) {
  const mail = await getQuarantinedMail(ctx, { id });
  const [organisations, accepted] = await Promise.all([
    mail.status === 'pending' ? listOrganisations(ctx) : [],
    mail.case_id ? getCase(ctx, { id: mail.case_id }) : null,
  ]);
  const owners = organisations.filter((o) => o.kind === 'owner').map((o) => ({ value: o.id, label: o.name }));
  return render(
    c,
    <MailQuarantineDetailPage
      page={pageContext(c)}
      mail={presentQuarantinedMail(mail)}
      owners={owners}
      caseReference={accepted?.row.reference ?? null}
      form={form}
      refusal={refusal}
    />,
    status,
  );
}

function acceptErrors(error: AppError, t: Translate): { errors: FieldErrors; refusal: string | undefined } {
  const all = fieldErrors(error.fields);
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const [field, message] of Object.entries(all)) {
    if (formFields.has(field)) errors[field] = message;
    else other.push(field === 'id' ? t('mail.error.decided') : message);
  }
  if (errors.organisationId) errors.organisationId = t('mail.error.organisation');
  if (errors.category) errors.category = t('mail.error.category');
  return { errors, refusal: other.length > 0 ? other.join(' ') : undefined };
}

export const mailQuarantinePages = new Hono<AppEnv>()
  .use('/mail-quarantine', requireLogin)
  .use('/mail-quarantine/*', requireLogin)
  .get('/mail-quarantine', async (c) => {
    const requested = c.req.query('status');
    const status = isStatus(requested) ? requested : 'pending';
    const items = await listQuarantine(serviceContext(c), { status });
    return render(
      c,
      <MailQuarantineListPage
        page={pageContext(c)}
        status={status}
        items={items.map(presentQuarantinedMailItem)}
        done={c.req.query('done')}
      />,
    );
  })
  .get('/mail-quarantine/:id', async (c) =>
    detailPage(c, serviceContext(c), c.req.param('id'), { values: {}, errors: {} }),
  )
  .post('/mail-quarantine/:id/accept', async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param('id');
    const body = await formBody(c);
    const values = {
      organisationId: text(body, 'organisationId') ?? '',
      kind: text(body, 'kind') ?? '',
      category: text(body, 'category') ?? '',
    };
    const incident = values.kind === 'incident';
    try {
      const accepted = await acceptQuarantinedMail(ctx, {
        id,
        organisationId: values.organisationId,
        // The operation checks the kind against its closed list and names the field when it is wrong.
        ...(values.kind ? { kind: values.kind as AcceptQuarantinedMailInput['kind'] } : {}),
        // A category picked before settling on a support request is not held against the agent.
        ...(incident && isIncidentCategory(values.category) ? { category: values.category } : {}),
      });
      return c.redirect(`/cases/${accepted.reference}?done=created`, 303);
    } catch (error) {
      const problem = formProblem(error);
      const { errors, refusal } = acceptErrors(problem, pageContext(c).t);
      return detailPage(c, ctx, id, { values, errors }, refusal, problemStatus(problem));
    }
  })
  .post('/mail-quarantine/:id/discard', async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param('id');
    try {
      await discardQuarantinedMail(ctx, { id });
      return c.redirect('/mail-quarantine?done=discarded', 303);
    } catch (error) {
      const problem = formProblem(error);
      return detailPage(
        c,
        ctx,
        id,
        { values: {}, errors: {} },
        pageContext(c).t('mail.error.decided'),
        problemStatus(problem),
      );
    }
  });
