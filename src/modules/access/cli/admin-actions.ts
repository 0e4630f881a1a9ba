// `niva user|token|audit`: loaded when one of them runs.
import { holdableScopes, isRole, isTokenScope, roles } from '../../../platform/domain/roles.ts';
import { verifyAuditChain } from '../../../platform/audit/verify-audit-chain.ts';
import { getOrganisation } from '../services/get-organisation.ts';
import { createApiToken } from '../services/create-api-token.ts';
import { revokeApiToken } from '../services/revoke-api-token.ts';
import { provisionMember } from '../services/provision-member.ts';
import { inviteMember } from '../services/invite-member.ts';
import { type CliRun, UsageError } from '../../../platform/cli/cli-run.ts';
import { numberOption } from '../../../platform/cli/args.ts';
import { iso } from '../../../platform/http/presenting.ts';

export async function userAdd(
  run: CliRun,
  opts: { email: string; name: string; org: string; role: string; passwordStdin?: boolean; json?: boolean },
): Promise<void> {
  if (!isRole(opts.role)) throw new UsageError(`--role: expected one of ${roles.join(', ')}`);
  const role = opts.role;
  const password = opts.passwordStdin ? run.io.readStdin().replace(/\r?\n$/, '') : undefined;
  const result = await run.withStore(async (store) => {
    const ctx = await run.context(store);
    const org = await getOrganisation(ctx, { id: opts.org });
    return provisionMember(ctx, {
      organisationId: org.id,
      email: opts.email,
      name: opts.name,
      role,
      ...(password ? { password } : {}),
    });
  });
  run.print(
    !!opts.json,
    { ...result },
    `${result.created ? 'created' : 'updated'} ${opts.email} as ${role} in ${opts.org}`,
  );
}

export async function userInvite(
  run: CliRun,
  opts: { email: string; org: string; role: string; json?: boolean },
): Promise<void> {
  if (!isRole(opts.role)) throw new UsageError(`--role: expected one of ${roles.join(', ')}`);
  const role = opts.role;
  const config = await run.config();
  const invitation = await run.withStore(async (store) => {
    const ctx = await run.context(store);
    const org = await getOrganisation(ctx, { id: opts.org });
    return inviteMember(
      ctx,
      { organisationId: org.id, email: opts.email, role },
      { publicUrl: config.publicUrl, locale: 'nb' },
    );
  });
  run.print(
    !!opts.json,
    { id: invitation.id, email: invitation.email, role, expiresAt: iso(invitation.expires_at) },
    `invited ${invitation.email} as ${role} in ${opts.org}; the link is on its way by e-mail`,
  );
}

export async function tokenCreate(
  run: CliRun,
  opts: { org: string; name: string; scopes: string; expiresDays?: string; json?: boolean },
): Promise<void> {
  const scopes = opts.scopes
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = scopes.find((s) => !isTokenScope(s));
  if (bad !== undefined) throw new UsageError(`--scopes: unknown scope ${bad}`);
  const expires =
    opts.expiresDays === undefined
      ? undefined
      : numberOption('--expires-days', opts.expiresDays, { min: 1 }, 'a positive whole number');
  const created = await run.withStore(async (store) => {
    const ctx = await run.context(store);
    const org = await getOrganisation(ctx, { id: opts.org });
    const holdable: string[] = holdableScopes(org.kind);
    const unusable = scopes.filter((s) => !holdable.includes(s));
    if (unusable.length > 0)
      throw new UsageError(
        `--scopes: not available to ${opts.org}: ${unusable.join(', ')} (allowed: ${holdable.join(', ')})`,
      );
    return createApiToken(ctx, {
      organisationId: org.id,
      name: opts.name,
      scopes: scopes.filter(isTokenScope),
      ...(expires ? { expiresInDays: expires } : {}),
    });
  });
  run.print(
    !!opts.json,
    { id: created.token.id, secret: created.secret, scopes: created.token.scopes.split(' ') },
    created.secret,
  );
}

export async function tokenRevoke(run: CliRun, id: string, opts: { json?: boolean }): Promise<void> {
  await run.withStore(async (store) => revokeApiToken(await run.context(store), { id }));
  run.print(!!opts.json, { revoked: id }, `revoked ${id}`);
}

export async function auditVerify(run: CliRun, opts: { json?: boolean }): Promise<void> {
  const report = await run.withStore((store) => verifyAuditChain({ db: store.db }), { migrate: false });
  run.print(
    !!opts.json,
    { ...report },
    report.ok
      ? `ok: ${report.checked} events, chain intact`
      : `BROKEN at seq ${report.fault?.seq}: ${report.fault?.kind} (after ${report.checked} good events)`,
  );
  if (!report.ok) run.exitCode = 1;
}
