import { createRoute, z } from '@hono/zod-openapi';
import { createOrganisation, createOrganisationInput } from '../services/create-organisation.ts';
import { getOrganisation } from '../services/get-organisation.ts';
import { listOrganisations } from '../services/list-organisations.ts';
import { updateOrganisation, updateOrganisationInput } from '../services/update-organisation.ts';
import {
  errorResponses,
  IdParam,
  json,
  apiRouter,
  security,
  serviceContext,
} from '../../../platform/http/route-kit.ts';
import { OrganisationSchema, presentOrganisation } from './presenters.ts';

export const organisationRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/organisations',
      tags: ['Organisations'],
      summary: 'Organisations visible to the caller',
      security,
      request: { query: z.object({ q: z.string().max(100).optional() }) },
      responses: {
        200: json(z.object({ items: z.array(OrganisationSchema) }), 'Organisations'),
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const { q } = c.req.valid('query');
      const items = await listOrganisations(serviceContext(c), q ? { query: q } : {});
      return c.json({ items: items.map(presentOrganisation) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/organisations',
      tags: ['Organisations'],
      summary: 'Register an organisation (operator only)',
      security,
      request: { body: { content: { 'application/json': { schema: createOrganisationInput } }, required: true } },
      responses: { 201: json(OrganisationSchema, 'Created'), ...errorResponses },
    }),
    async (c) => {
      const row = await createOrganisation(serviceContext(c), c.req.valid('json'));
      return c.json(presentOrganisation(row), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}',
      tags: ['Organisations'],
      summary: 'One organisation, by id or code',
      security,
      request: { params: IdParam },
      responses: {
        200: json(OrganisationSchema, 'The organisation'),
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const row = await getOrganisation(serviceContext(c), { id: c.req.valid('param').id });
      return c.json(presentOrganisation(row), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/organisations/{id}',
      tags: ['Organisations'],
      summary: 'Change an organisation',
      security,
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: updateOrganisationInput } }, required: true },
      },
      responses: { 200: json(OrganisationSchema, 'Updated'), ...errorResponses },
    }),
    async (c) => {
      const row = await updateOrganisation(serviceContext(c), { id: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json(presentOrganisation(row), 200);
    },
  );
