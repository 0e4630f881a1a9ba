import { createRoute, z } from '@hono/zod-openapi';
import { createService, createServiceInput } from '../services/create-service.ts';
import { getService, listServices } from '../services/list-services.ts';
import { updateService, updateServiceInput } from '../services/update-service.ts';
import { createComponent, createComponentInput } from '../../availability/index.ts';
import { listComponents } from '../../availability/index.ts';
import {
  errorResponses,
  IdParam,
  json,
  apiRouter,
  security,
  serviceContext,
} from '../../../platform/http/route-kit.ts';
import { ComponentSchema, presentComponent, presentService, ServiceSchema } from './presenters.ts';

export const serviceRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/services',
      tags: ['Services'],
      summary: 'Services of the organisations visible to the caller',
      security,
      request: {
        query: z.object({ organisationId: z.string().optional(), platform: z.enum(['altinn2', 'altinn3']).optional() }),
      },
      responses: {
        200: json(z.object({ items: z.array(ServiceSchema) }), 'Services'),
        400: errorResponses[400],
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const items = await listServices(serviceContext(c), {
        ...(query.organisationId ? { organisationId: query.organisationId } : {}),
        ...(query.platform ? { platform: query.platform } : {}),
      });
      return c.json({ items: items.map(presentService) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/services',
      tags: ['Services'],
      summary: 'Register a service of an owner',
      security,
      request: { body: { content: { 'application/json': { schema: createServiceInput } }, required: true } },
      responses: { 201: json(ServiceSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(presentService(await createService(serviceContext(c), c.req.valid('json'))), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/services/{id}',
      tags: ['Services'],
      summary: 'One service, by id or resource id',
      security,
      request: { params: IdParam },
      responses: { 200: json(ServiceSchema, 'The service'), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => c.json(presentService(await getService(serviceContext(c), { id: c.req.valid('param').id })), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/services/{id}',
      tags: ['Services'],
      summary: 'Change a service',
      security,
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: updateServiceInput } }, required: true },
      },
      responses: { 200: json(ServiceSchema, 'Updated'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        presentService(await updateService(serviceContext(c), { id: c.req.valid('param').id, ...c.req.valid('json') })),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/components',
      tags: ['Components'],
      summary: 'Platform components with their service windows and targets',
      security,
      responses: {
        200: json(z.object({ items: z.array(ComponentSchema) }), 'Components'),
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => c.json({ items: (await listComponents(serviceContext(c))).map(presentComponent) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/components',
      tags: ['Components'],
      summary: 'Register a platform component (operator only)',
      security,
      request: { body: { content: { 'application/json': { schema: createComponentInput } }, required: true } },
      responses: { 201: json(ComponentSchema, 'Created'), ...errorResponses },
    }),
    async (c) => c.json(presentComponent(await createComponent(serviceContext(c), c.req.valid('json'))), 201),
  );
