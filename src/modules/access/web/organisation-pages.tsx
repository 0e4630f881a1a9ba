import { AppError } from '../../../platform/services/app-error.ts';
import { Hono } from 'hono';
import { can, isPlatformActor } from '../../../platform/services/actor.ts';
import { isAppError } from '../../../platform/services/app-error.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import { createOrganisation } from '../services/create-organisation.ts';
import { getOrganisation } from '../services/get-organisation.ts';
import { listOrganisations } from '../services/list-organisations.ts';
import { updateOrganisation } from '../services/update-organisation.ts';
import { listServices } from '../services/list-services.ts';
import { listMembers } from '../services/list-members.ts';
import type { Organisation } from '../../../platform/db/schema.ts';
import { fieldErrors } from '../../../platform/web/form.tsx';
import type { PageContext } from '../../../platform/web/layout.tsx';
import type { AppEnv } from '../../../platform/http/env.ts';
import { OrganisationDetailPage, type OrganisationForm, OrganisationListPage } from './organisation-views.tsx';
import {
  presentMemberItem,
  presentOrganisationFacts,
  presentOrganisationItem,
  presentServiceItem,
} from './access-model.ts';
import { pageContext, render } from '../../../platform/web/render.tsx';
import { formBody, requireLogin, serviceContext, text } from '../../../platform/web/web-kit.ts';

const emptyForm: OrganisationForm = { values: {}, errors: {} };

function valuesOf(o: Organisation): Record<string, string> {
  return { name: o.name, code: o.code, orgNumber: o.org_number, contactEmail: o.contact_email };
}

async function renderList(ctx: ServiceContext, page: PageContext, query: string, createForm: OrganisationForm) {
  const organisations = await listOrganisations(ctx, query ? { query } : {});
  return (
    <OrganisationListPage
      page={page}
      organisations={organisations.map(presentOrganisationItem)}
      query={query}
      createForm={can(ctx.actor, 'organisation.create', null) ? createForm : null}
    />
  );
}

async function renderDetail(
  ctx: ServiceContext,
  page: PageContext,
  organisation: Organisation,
  editForm: OrganisationForm | null,
  saved: boolean,
) {
  const [services, members] = await Promise.all([
    listServices(ctx, { organisationId: organisation.id }),
    listMembers(ctx, { organisationId: organisation.id }),
  ]);
  const form = can(ctx.actor, 'organisation.update', organisation.id)
    ? (editForm ?? { values: valuesOf(organisation), errors: {} })
    : null;
  return (
    <OrganisationDetailPage
      page={page}
      organisation={presentOrganisationFacts(organisation)}
      services={services.map(presentServiceItem)}
      members={members.map(presentMemberItem)}
      editForm={form}
      canChangeIdentity={isPlatformActor(ctx.actor)}
      saved={saved}
    />
  );
}

export const organisationPages = new Hono<AppEnv>()
  .use('/organisations', requireLogin)
  .use('/organisations/*', requireLogin)
  .get('/organisations', async (c) => {
    const query = c.req.query('q')?.trim() ?? '';
    return render(c, await renderList(serviceContext(c), pageContext(c), query, emptyForm));
  })
  .post('/organisations', async (c) => {
    const ctx = serviceContext(c);
    const body = await formBody(c);
    const values = {
      name: text(body, 'name') ?? '',
      code: text(body, 'code') ?? '',
      orgNumber: text(body, 'orgNumber') ?? '',
      contactEmail: text(body, 'contactEmail') ?? '',
      kind: text(body, 'kind') ?? 'owner',
    };
    try {
      // The operator exists once, from the start; this form makes service owners and parties.
      if (values.kind !== 'owner' && values.kind !== 'party')
        throw AppError.field('kind', 'a service owner or a party');
      await createOrganisation(ctx, { ...values, kind: values.kind });
      return c.redirect('/organisations?done=created', 303);
    } catch (error) {
      if (!isAppError(error) || error.fields.length === 0) throw error;
      return render(c, await renderList(ctx, pageContext(c), '', { values, errors: fieldErrors(error.fields) }), 400);
    }
  })
  .get('/organisations/:id', async (c) => {
    const ctx = serviceContext(c);
    const organisation = await getOrganisation(ctx, { id: c.req.param('id') });
    return render(c, await renderDetail(ctx, pageContext(c), organisation, null, c.req.query('done') === 'saved'));
  })
  .post('/organisations/:id', async (c) => {
    const ctx = serviceContext(c);
    const organisation = await getOrganisation(ctx, { id: c.req.param('id') });
    const body = await formBody(c);
    const values: Record<string, string> = {};
    for (const key of ['name', 'contactEmail', ...(isPlatformActor(ctx.actor) ? ['code', 'orgNumber'] : [])]) {
      const v = text(body, key);
      if (v !== undefined) values[key] = v;
    }
    try {
      const updated = await updateOrganisation(ctx, { id: organisation.id, ...values });
      return c.redirect(`/organisations/${updated.code}?done=saved`, 303);
    } catch (error) {
      if (!isAppError(error) || error.fields.length === 0) throw error;
      return render(
        c,
        await renderDetail(
          ctx,
          pageContext(c),
          organisation,
          { values: { ...valuesOf(organisation), ...values }, errors: fieldErrors(error.fields) },
          false,
        ),
        400,
      );
    }
  });
