import { createRoute, z } from '@hono/zod-openapi';
import { createApiToken, createApiTokenInput } from '../services/create-api-token.ts';
import { getApiToken, listApiTokens } from '../services/list-api-tokens.ts';
import { revokeApiToken } from '../services/revoke-api-token.ts';
import { inviteMember, inviteMemberInput } from '../services/invite-member.ts';
import { listInvitations } from '../services/list-invitations.ts';
import { revokeInvitation } from '../services/revoke-invitation.ts';
import { listMembers } from '../services/list-members.ts';
import { removeMembership } from '../services/remove-membership.ts';
import {
  errorResponses,
  IdParam,
  json,
  apiRouter,
  security,
  serviceContext,
} from '../../../platform/http/route-kit.ts';
import {
  ApiTokenSchema,
  InvitationSchema,
  MemberSchema,
  presentApiToken,
  presentInvitation,
  presentMember,
} from './presenters.ts';

const MeSchema = z.object({
  actor: z.object({ type: z.enum(['user', 'token', 'system']), id: z.string().nullable(), label: z.string() }),
  memberships: z.array(z.object({ organisationId: z.string(), role: z.string() })),
  scopes: z.array(z.string()),
});

export const accessRoutes = apiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['Access'],
      summary: 'Who the caller is',
      security,
      responses: { 200: json(MeSchema, 'The caller'), 401: errorResponses[401] },
    }),
    (c) => {
      const actor = serviceContext(c).actor;
      return c.json(
        {
          actor: { type: actor.type, id: actor.id, label: actor.label },
          memberships:
            actor.type === 'user'
              ? actor.memberships.map((m) => ({ organisationId: m.organisationId, role: m.role }))
              : [],
          scopes: actor.type === 'token' ? actor.scopes : [],
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/members',
      tags: ['Access'],
      summary: 'Members (accepted invitations) and their roles in the organisations visible to the caller',
      security,
      request: { query: z.object({ organisationId: z.string().optional() }) },
      responses: { 200: json(z.object({ items: z.array(MemberSchema) }), 'Memberships'), 401: errorResponses[401] },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      const { organisationId } = c.req.valid('query');
      const items = await listMembers(ctx, organisationId ? { organisationId } : {});
      return c.json({ items: items.map(presentMember) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/members',
      tags: ['Access'],
      summary:
        'Invite a person to a role: they receive a single-use link, or with `nationalId` log in nationally, and become a member when they accept',
      security,
      request: { body: { content: { 'application/json': { schema: inviteMemberInput } }, required: true } },
      responses: { 201: json(InvitationSchema, 'Invited'), ...errorResponses },
    }),
    async (c) => {
      const { deps } = c.var;
      const invitation = await inviteMember(serviceContext(c), c.req.valid('json'), {
        publicUrl: deps.config.publicUrl,
        locale: c.var.locale,
        identityKey: deps.identityKey,
        ...(deps.config.nationalLogin ? { provider: deps.config.nationalLogin.name } : {}),
      });
      return c.json(
        presentInvitation({
          id: invitation.id,
          email: invitation.email,
          role: invitation.role,
          organisationId: invitation.organisation_id,
          createdAt: invitation.created_at,
          expiresAt: invitation.expires_at,
          byNationalId: invitation.national_id_hash !== null,
        }),
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/invitations',
      tags: ['Access'],
      summary: 'Pending invitations of the organisations whose members the caller manages',
      security,
      request: { query: z.object({ organisationId: z.string().optional() }) },
      responses: {
        200: json(z.object({ items: z.array(InvitationSchema) }), 'Pending invitations'),
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const { organisationId } = c.req.valid('query');
      const items = await listInvitations(serviceContext(c), organisationId ? { organisationId } : {});
      return c.json({ items: items.map(presentInvitation) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/invitations/{id}',
      tags: ['Access'],
      summary: 'Withdraw a pending invitation (its link stops working)',
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Withdrawn' }, ...errorResponses },
    }),
    async (c) => {
      await revokeInvitation(serviceContext(c), { id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/members/{id}',
      tags: ['Access'],
      summary: 'Remove a membership: the person keeps their account and other memberships',
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...errorResponses },
    }),
    async (c) => {
      await removeMembership(serviceContext(c), { membershipId: c.req.valid('param').id });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tokens',
      tags: ['Access'],
      summary: 'API tokens of the organisations visible to the caller (never the secrets)',
      security,
      request: { query: z.object({ organisationId: z.string().optional() }) },
      responses: { 200: json(z.object({ items: z.array(ApiTokenSchema) }), 'Tokens'), 401: errorResponses[401] },
    }),
    async (c) => {
      const { organisationId } = c.req.valid('query');
      const items = await listApiTokens(serviceContext(c), organisationId ? { organisationId } : {});
      return c.json({ items: items.map(presentApiToken) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/tokens',
      tags: ['Access'],
      summary: 'Create an API token; the secret is in this response only',
      security,
      request: { body: { content: { 'application/json': { schema: createApiTokenInput } }, required: true } },
      responses: { 201: json(ApiTokenSchema.extend({ secret: z.string() }), 'Created'), ...errorResponses },
    }),
    async (c) => {
      const { token, secret } = await createApiToken(serviceContext(c), c.req.valid('json'));
      return c.json({ ...presentApiToken(token), secret }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tokens/{id}',
      tags: ['Access'],
      summary: 'One API token',
      security,
      request: { params: IdParam },
      responses: { 200: json(ApiTokenSchema, 'The token'), 401: errorResponses[401], 404: errorResponses[404] },
    }),
    async (c) => c.json(presentApiToken(await getApiToken(serviceContext(c), { id: c.req.valid('param').id })), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/tokens/{id}',
      tags: ['Access'],
      summary: 'Revoke an API token',
      security,
      request: { params: IdParam },
      responses: { 204: { description: 'Revoked' }, ...errorResponses },
    }),
    async (c) => {
      await revokeApiToken(serviceContext(c), { id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
