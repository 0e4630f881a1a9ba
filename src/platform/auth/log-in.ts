import { z } from 'zod';
import { AppError } from '../services/app-error.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { inTransaction, type ServiceContext } from '../services/context.ts';
import { parseInput } from '../services/parse-input.ts';
import { decoyHash, verifyPassword } from './password.ts';
import { digest, randomSecret } from './secrets.ts';
import { clearFailures, lockedUntil, recordFailure, throttleKey, type ThrottlePolicy } from './login-throttle.ts';

export const logInInput = z.object({
  email: z.string().trim().toLowerCase().email('an e-mail address'),
  password: z.string().min(1, 'required').max(200),
});

export interface LoginPolicy extends ThrottlePolicy {
  sessionTtlMs: number;
}

export interface NewSession {
  sessionToken: string;
  csrfToken: string;
  userId: string;
  expiresAt: number;
}

function auditActor(ctx: ServiceContext, user: { id: string; email: string }): ServiceContext {
  return { ...ctx, actor: { type: 'user', id: user.id, label: user.email, memberships: [] } };
}

const wrongCredentials = () => new AppError('unauthenticated', 'wrong e-mail or password');

/**
 * Checks a password and opens a session. Repeated failures lock the address for a while, whether or not an account has
 * it: unknown addresses cost the same password check, count failures in the same throttle and get the same answers.
 */
export async function logIn(
  ctx: ServiceContext,
  input: z.input<typeof logInInput>,
  policy: LoginPolicy,
): Promise<NewSession> {
  const data = parseInput(logInInput, input, ctx);
  const now = ctx.clock.now();
  const key = throttleKey(data.email);
  const until = await lockedUntil(ctx.db, key, now);
  if (until !== null) {
    throw new AppError('locked', 'too many failed attempts; the account is locked for a while', {
      retryAfterSeconds: Math.ceil((until - now) / 1000),
    });
  }
  const found = await ctx.db.selectFrom('users').selectAll().where('email', '=', data.email).executeTakeFirst();
  const user = found && !found.disabled ? found : null;
  // An account without a password is checked against the decoy too, so it answers no faster than any other.
  const valid =
    (await verifyPassword(user?.password_hash ?? (await decoyHash()), data.password)) && !!user?.password_hash;
  if (!user || !valid) {
    await inTransaction(ctx, async (trx) => {
      const { failures, locked } = await recordFailure(trx, key, now, policy);
      if (!user) return;
      await recordAuditEvent(trx, auditActor(ctx, user), {
        action: locked ? 'auth.lockout' : 'auth.login-failed',
        subjectType: 'user',
        subjectId: user.id,
        organisationId: null,
        summary: { failures },
      });
    });
    throw wrongCredentials();
  }
  const audit = auditActor(ctx, user);
  const session: NewSession = {
    sessionToken: randomSecret(),
    csrfToken: randomSecret(),
    userId: user.id,
    expiresAt: now + policy.sessionTtlMs,
  };
  await inTransaction(ctx, async (trx) => {
    await clearFailures(trx, key);
    await trx.updateTable('users').set({ last_login_at: now, updated_at: now }).where('id', '=', user.id).execute();
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
      summary: { method: 'password' },
    });
  });
  return session;
}
