import { z } from 'zod';
import { AppError } from '../services/app-error.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../services/context.ts';
import { parseInput } from '../services/parse-input.ts';
import { decoyHash, verifyPassword } from './password.ts';
import { digest, randomSecret } from './secrets.ts';

export const logInInput = z.object({
  email: z.string().trim().toLowerCase().email('an e-mail address'),
  password: z.string().min(1, 'required').max(200),
});

export interface LoginPolicy {
  maxFailures: number;
  lockMs: number;
  sessionTtlMs: number;
}

export interface NewSession {
  sessionToken: string;
  csrfToken: string;
  userId: string;
  expiresAt: number;
}

const wrongCredentials = () => new AppError('unauthenticated', 'wrong e-mail or password');

/** Checks a password and opens a session; repeated failures lock the account for a while. */
export async function logIn(
  ctx: ServiceContext,
  input: z.input<typeof logInInput>,
  policy: LoginPolicy,
): Promise<NewSession> {
  const data = parseInput(logInInput, input, ctx);
  const now = ctx.clock.now();
  const user = await ctx.db.selectFrom('users').selectAll().where('email', '=', data.email).executeTakeFirst();
  if (!user || user.disabled) {
    await verifyPassword(await decoyHash(), data.password);
    throw wrongCredentials();
  }
  if (user.locked_until !== null && user.locked_until > now) {
    throw new AppError('locked', 'too many failed attempts; the account is locked for a while', {
      retryAfterSeconds: Math.ceil((user.locked_until - now) / 1000),
    });
  }
  const audit = { ...ctx, actor: { type: 'user' as const, id: user.id, label: user.email, memberships: [] } };
  if (!(await verifyPassword(user.password_hash, data.password))) {
    const failures = user.failed_logins + 1;
    const lock = failures >= policy.maxFailures;
    await inTransaction(ctx, async (trx) => {
      await trx
        .updateTable('users')
        .set({ failed_logins: lock ? 0 : failures, locked_until: lock ? now + policy.lockMs : null, updated_at: now })
        .where('id', '=', user.id)
        .execute();
      await recordAuditEvent(trx, audit, {
        action: lock ? 'auth.lockout' : 'auth.login-failed',
        subjectType: 'user',
        subjectId: user.id,
        organisationId: null,
        summary: { failures },
      });
    });
    throw wrongCredentials();
  }
  const session: NewSession = {
    sessionToken: randomSecret(),
    csrfToken: randomSecret(),
    userId: user.id,
    expiresAt: now + policy.sessionTtlMs,
  };
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: now, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    await trx
      .insertInto('sessions')
      .values({
        id_hash: digest(session.sessionToken),
        user_id: user.id,
        csrf_token: session.csrfToken,
        created_at: now,
        last_seen_at: now,
        expires_at: session.expiresAt,
      })
      .execute();
    await recordAuditEvent(trx, audit, {
      action: 'auth.login',
      subjectType: 'user',
      subjectId: user.id,
      organisationId: null,
      summary: {},
    });
  });
  return session;
}
