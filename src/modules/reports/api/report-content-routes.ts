import { createRoute, z } from '@hono/zod-openapi';
import { monthMessage, monthPattern } from '../../../platform/domain/month-key.ts';
import { createMeeting, createMeetingInput } from '../services/create-meeting.ts';
import { createReportBlock, createReportBlockInput } from '../services/create-report-block.ts';
import { createRoadmapEntry, createRoadmapEntryInput } from '../services/create-roadmap-entry.ts';
import { deleteMeeting } from '../services/delete-meeting.ts';
import { deleteReportBlock } from '../services/delete-report-block.ts';
import { deleteRoadmapEntry } from '../services/delete-roadmap-entry.ts';
import { listMeetings } from '../services/list-meetings.ts';
import { listReportBlocks } from '../services/list-report-blocks.ts';
import { listReportSubscriptions } from '../services/list-report-subscriptions.ts';
import { listRoadmapEntries, listRoadmapEntriesInput } from '../services/list-roadmap-entries.ts';
import { subscribeToReport, subscribeToReportInput } from '../services/subscribe-to-report.ts';
import { unsubscribeFromReport } from '../services/unsubscribe-from-report.ts';
import { updateMeeting, updateMeetingInput } from '../services/update-meeting.ts';
import { updateReportBlock, updateReportBlockInput } from '../services/update-report-block.ts';
import { updateRoadmapEntry, updateRoadmapEntryInput } from '../services/update-roadmap-entry.ts';
import {
  MeetingSchema,
  presentMeeting,
  presentReportBlock,
  presentReportSubscription,
  presentRoadmapEntry,
  ReportBlockSchema,
  ReportSubscriptionSchema,
  RoadmapEntrySchema,
} from './report-content-presenters.ts';
import {
  apiRouter,
  errorResponses,
  IdParam,
  json,
  security,
  serviceContext,
} from '../../../platform/http/route-kit.ts';

const readErrors = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] };
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const removed = { 204: { description: 'Deleted; the audit event keeps what it said' }, ...errorResponses };
// Built from this module's zod, which carries the OpenAPI extension; the operations validate again.
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const MonthQuery = z.object({
  month: z.string().regex(monthPattern, monthMessage).openapi({ example: '2026-02' }),
});
const WindowQuery = z.object({
  from: date.optional().openapi({ example: '2026-03-01', description: 'First day (Norwegian time), included' }),
  to: date.optional().openapi({ example: '2026-12-31', description: 'Last day (Norwegian time), included' }),
});
const tags = ['Report content'];
const operatorOnly = 'Operator only (`report.manage`; token scope `reports:write`). Audited.';

const blockRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/report-blocks',
      tags,
      summary: 'A month’s news and project-status blocks, in report order',
      security,
      request: { query: MonthQuery },
      responses: { 200: json(z.object({ items: z.array(ReportBlockSchema) }), 'Blocks'), ...readErrors },
    }),
    async (c) =>
      c.json({ items: (await listReportBlocks(serviceContext(c), c.req.valid('query'))).map(presentReportBlock) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/report-blocks',
      tags,
      summary: 'Add a block to a month’s report',
      description: `${operatorOnly} Without \`position\` it goes after the month’s last block.`,
      security,
      request: body(createReportBlockInput),
      responses: { 201: json(ReportBlockSchema, 'Added'), ...errorResponses },
    }),
    async (c) => c.json(presentReportBlock(await createReportBlock(serviceContext(c), c.req.valid('json'))), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/report-blocks/{id}',
      tags,
      summary: 'Change a block',
      description: operatorOnly,
      security,
      request: { params: IdParam, ...body(updateReportBlockInput) },
      responses: { 200: json(ReportBlockSchema, 'Changed'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        presentReportBlock(
          await updateReportBlock(serviceContext(c), { ...c.req.valid('json'), id: c.req.valid('param').id }),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/report-blocks/{id}',
      tags,
      summary: 'Delete a block',
      description: operatorOnly,
      security,
      request: { params: IdParam },
      responses: removed,
    }),
    async (c) => {
      await deleteReportBlock(serviceContext(c), { id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );

const roadmapRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/roadmap-entries',
      tags,
      summary: 'The roadmap, by period (a year before its quarters before its months), then title',
      security,
      request: { query: listRoadmapEntriesInput },
      responses: { 200: json(z.object({ items: z.array(RoadmapEntrySchema) }), 'Entries'), ...readErrors },
    }),
    async (c) =>
      c.json(
        { items: (await listRoadmapEntries(serviceContext(c), c.req.valid('query'))).map(presentRoadmapEntry) },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/roadmap-entries',
      tags,
      summary: 'Add a roadmap entry',
      description: operatorOnly,
      security,
      request: body(createRoadmapEntryInput),
      responses: { 201: json(RoadmapEntrySchema, 'Added'), ...errorResponses },
    }),
    async (c) => c.json(presentRoadmapEntry(await createRoadmapEntry(serviceContext(c), c.req.valid('json'))), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/roadmap-entries/{id}',
      tags,
      summary: 'Change a roadmap entry',
      description: operatorOnly,
      security,
      request: { params: IdParam, ...body(updateRoadmapEntryInput) },
      responses: { 200: json(RoadmapEntrySchema, 'Changed'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        presentRoadmapEntry(
          await updateRoadmapEntry(serviceContext(c), { ...c.req.valid('json'), id: c.req.valid('param').id }),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/roadmap-entries/{id}',
      tags,
      summary: 'Delete a roadmap entry',
      description: operatorOnly,
      security,
      request: { params: IdParam },
      responses: removed,
    }),
    async (c) => {
      await deleteRoadmapEntry(serviceContext(c), { id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );

const meetingRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/meetings',
      tags,
      summary: 'Meetings overlapping the days from–to (Norwegian time), earliest first',
      security,
      request: { query: WindowQuery },
      responses: { 200: json(z.object({ items: z.array(MeetingSchema) }), 'Meetings'), ...readErrors },
    }),
    async (c) =>
      c.json({ items: (await listMeetings(serviceContext(c), c.req.valid('query'))).map(presentMeeting) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/meetings',
      tags,
      summary: 'Add a meeting',
      description: `${operatorOnly} \`endsAt\` must be after \`startsAt\`; \`url\` is http(s) only.`,
      security,
      request: body(createMeetingInput),
      responses: { 201: json(MeetingSchema, 'Added'), ...errorResponses },
    }),
    async (c) => c.json(presentMeeting(await createMeeting(serviceContext(c), c.req.valid('json'))), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/meetings/{id}',
      tags,
      summary: 'Change a meeting',
      description: operatorOnly,
      security,
      request: { params: IdParam, ...body(updateMeetingInput) },
      responses: { 200: json(MeetingSchema, 'Changed'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        presentMeeting(await updateMeeting(serviceContext(c), { ...c.req.valid('json'), id: c.req.valid('param').id })),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/meetings/{id}',
      tags,
      summary: 'Delete a meeting',
      description: operatorOnly,
      security,
      request: { params: IdParam },
      responses: removed,
    }),
    async (c) => {
      await deleteMeeting(serviceContext(c), { id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );

const subscriptionRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/report-subscriptions',
      tags,
      summary: 'Who receives the monthly report: all for the operator, an owner’s admin its own organisation’s',
      security,
      responses: { 200: json(z.object({ items: z.array(ReportSubscriptionSchema) }), 'Subscriptions'), ...readErrors },
    }),
    async (c) =>
      c.json({ items: (await listReportSubscriptions(serviceContext(c))).map(presentReportSubscription) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/report-subscriptions',
      tags,
      summary: 'Send a report to an address every month',
      description:
        'Without `owner`: the platform report (operator only). An owner’s admin subscribes to its own organisation’s report. Audited.',
      security,
      request: body(subscribeToReportInput),
      responses: { 201: json(ReportSubscriptionSchema, 'Subscribed'), ...errorResponses },
    }),
    async (c) =>
      c.json(presentReportSubscription(await subscribeToReport(serviceContext(c), c.req.valid('json'))), 201),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/report-subscriptions/{id}',
      tags,
      summary: 'Stop sending a report to an address',
      description: 'Audited.',
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Unsubscribed' }, ...errorResponses },
    }),
    async (c) => {
      await unsubscribeFromReport(serviceContext(c), { id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );

/** The editable content of the monthly service report and who receives it. */
export const reportContentRoutes = apiRouter()
  .route('/', blockRoutes)
  .route('/', roadmapRoutes)
  .route('/', meetingRoutes)
  .route('/', subscriptionRoutes);
