import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../../platform/services/app-error.ts';
import { addCaseAttachment } from '../services/add-case-attachment.ts';
import { attachmentDisposition, servedContentType } from '../domain/attachment-policy.ts';
import { appendCaseEvent } from '../services/append-case-event.ts';
import { appendEventInput, registerCaseInput } from '../services/case-schemas.ts';
import { getCase, getCaseAttachment } from '../services/get-case.ts';
import { listCases, listCasesInput } from '../services/list-cases.ts';
import { registerCase } from '../services/register-case.ts';
import {
  AttachmentSchema,
  CaseDetailSchema,
  CaseEventSchema,
  CaseSummarySchema,
  presentAttachment,
  presentCaseDetail,
  presentEvent,
  presentListItem,
} from './case-presenters.ts';
import {
  apiRouter,
  errorResponses,
  IdParam,
  json,
  security,
  serviceContext,
} from '../../../platform/http/route-kit.ts';

const AttachmentParams = IdParam.extend({
  attachmentId: z
    .string()
    .min(1)
    .openapi({ param: { name: 'attachmentId', in: 'path' } }),
});
const ListQuery = listCasesInput.omit({ at: true });

export const caseRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/cases',
      tags: ['Cases'],
      summary: 'Cases visible to the caller with live SLA clocks; open cases earliest deadline first',
      security,
      request: { query: ListQuery },
      responses: {
        200: json(
          z.object({ items: z.array(CaseSummarySchema), nextCursor: z.string().nullable() }),
          'A page of cases',
        ),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const page = await listCases(serviceContext(c), c.req.valid('query'));
      return c.json({ items: page.items.map(presentListItem), nextCursor: page.nextCursor }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cases',
      tags: ['Cases'],
      summary: 'Register an incident, support request, change request, deletion request or deactivation order',
      description:
        'With `externalId`, registering again returns the existing case with 200 instead of creating another.',
      security,
      request: { body: { content: { 'application/json': { schema: registerCaseInput } }, required: true } },
      responses: {
        201: json(CaseDetailSchema, 'Registered'),
        200: json(CaseDetailSchema, 'Already registered under this externalId'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      const { row, created } = await registerCase(ctx, c.req.valid('json'));
      return c.json(presentCaseDetail(await getCase(ctx, { id: row.id })), created ? 201 : 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cases/{id}',
      tags: ['Cases'],
      summary: 'One case by id or reference, with its timeline, files and clocks',
      security,
      request: { params: IdParam },
      responses: {
        200: json(CaseDetailSchema, 'The case'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => c.json(presentCaseDetail(await getCase(serviceContext(c), { id: c.req.valid('param').id })), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cases/{id}/events',
      tags: ['Cases'],
      summary:
        'Record what happened: work started, workaround, resolved, feedback, pause/resume, reclassification, assignment, comment, closing',
      security,
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: appendEventInput } }, required: true },
      },
      responses: {
        201: json(z.object({ event: CaseEventSchema, case: CaseDetailSchema }), 'Recorded'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      const { row, event } = await appendCaseEvent(ctx, { caseId: c.req.valid('param').id, ...c.req.valid('json') });
      return c.json({ event: presentEvent(event), case: presentCaseDetail(await getCase(ctx, { id: row.id })) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/cases/{id}/attachments',
      tags: ['Cases'],
      summary: 'Attach a file (multipart/form-data field `file`; optional `visibility`)',
      description: 'PDF, images, office documents and text; at most 10 MiB. The content is checked against its type.',
      security,
      request: {
        params: IdParam,
        body: {
          content: {
            'multipart/form-data': {
              schema: z.object({
                file: z.any().openapi({ type: 'string', format: 'binary' }),
                visibility: z.enum(['public', 'internal']).optional(),
              }),
            },
          },
          required: true,
        },
      },
      responses: {
        201: json(AttachmentSchema, 'Attached'),
        413: { description: 'The file is larger than 10 MiB' },
        ...errorResponses,
      },
    }),
    async (c) => {
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File)) throw AppError.field('file', 'send the file as multipart/form-data field "file"');
      const visibility =
        form.visibility === 'internal'
          ? 'internal'
          : form.visibility === undefined || form.visibility === 'public'
            ? 'public'
            : null;
      if (visibility === null) throw AppError.field('visibility', 'public or internal');
      const attachment = await addCaseAttachment(serviceContext(c), {
        caseId: c.req.valid('param').id,
        fileName: file.name,
        contentType: file.type,
        content: Buffer.from(await file.arrayBuffer()),
        visibility,
      });
      return c.json(presentAttachment(attachment), 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/cases/{id}/attachments/{attachmentId}',
      tags: ['Cases'],
      summary: 'Download a file of a case',
      security,
      request: { params: AttachmentParams },
      responses: {
        200: { description: 'The file, as an attachment' },
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { id, attachmentId } = c.req.valid('param');
      const file = await getCaseAttachment(serviceContext(c), { caseId: id, attachmentId });
      // The type comes from the checked extension, never from what was stored or declared for it.
      c.header('content-type', servedContentType(file.file_name));
      c.header('content-disposition', attachmentDisposition(file.file_name));
      c.header('x-content-type-options', 'nosniff');
      return c.body(new Uint8Array(file.content), 200);
    },
  );
