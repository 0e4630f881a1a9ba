import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { isRole, type Role } from '../../domain/roles.ts';
import { digest } from '../secrets.ts';
import type { VerifiedLogin } from './login-claims.ts';

/** The account a national login signs in to: one the identity is linked to, one to link it to now, or a new one. */
export type AccountPlan =
  | { kind: 'linked'; userId: string; email: string }
  | { kind: 'link'; userId: string; email: string; evidence: 'invitation link' | 'verified e-mail' }
  | { kind: 'new'; email: string; evidence: 'invitation link' | 'verified e-mail' | 'national identity invitation' };

export interface MatchedInvitation {
  id: string;
  organisationId: string;
  role: Role;
  email: string;
  via: 'national identity number' | 'e-mail' | 'invitation link';
}

/** What a person has and may be given in Nivå, as far as one verified login shows. */
export interface LoginStanding {
  /** Null: there is no account and none can be made (no address vouched for), or the account is disabled. */
  account: AccountPlan | null;
  memberships: { organisationId: string; role: Role }[];
  /** Pending invitations that this login accepts (if the level allows their roles). */
  invitations: MatchedInvitation[];
}

type Db = Kysely<Database>;

async function hasIdentity(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('national_identities')
    .select('pid_hash')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Which account the login belongs to. An identity already linked decides. Otherwise an address proved by the
 * invitation link the login started from, or vouched for by the provider, names the account: an existing one not yet
 * linked to another identity is linked, or a new one is made. An invitation by national identity number also names an
 * address, but its inviter cannot vouch for someone else's account: it only ever makes a new one.
 */
async function planAccount(
  db: Db,
  login: VerifiedLogin,
  linkInvitation: { email: string } | null,
  identityInvitation: { email: string } | null,
): Promise<AccountPlan | null> {
  const identity = await db
    .selectFrom('national_identities')
    .innerJoin('users', 'users.id', 'national_identities.user_id')
    .select(['users.id', 'users.email', 'users.disabled'])
    .where('national_identities.pid_hash', '=', login.pidHash)
    .executeTakeFirst();
  if (identity) return identity.disabled ? null : { kind: 'linked', userId: identity.id, email: identity.email };
  const proved = linkInvitation
    ? { email: linkInvitation.email, evidence: 'invitation link' as const }
    : login.email
      ? { email: login.email, evidence: 'verified e-mail' as const }
      : null;
  const candidate =
    proved ?? (identityInvitation && { ...identityInvitation, evidence: 'national identity invitation' as const });
  if (!candidate) return null;
  const user = await db
    .selectFrom('users')
    .select(['id', 'disabled'])
    .where('email', '=', candidate.email)
    .executeTakeFirst();
  if (!user) return { kind: 'new', email: candidate.email, evidence: candidate.evidence };
  if (candidate.evidence === 'national identity invitation' || user.disabled || (await hasIdentity(db, user.id)))
    return null;
  return { kind: 'link', userId: user.id, email: candidate.email, evidence: candidate.evidence };
}

/** Reads where a verified login stands: its account (or the one to make), that account's memberships, its invitations. */
export async function loadStanding(
  db: Db,
  login: VerifiedLogin,
  invitationToken: string | null,
  now: number,
): Promise<LoginStanding> {
  const pending = db
    .selectFrom('invitations')
    .select(['id', 'organisation_id', 'role', 'email', 'national_id_hash', 'token_hash', 'created_at'])
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now);
  const byIdentity = await pending.where('national_id_hash', '=', login.pidHash).orderBy('created_at').execute();
  const byLink = invitationToken
    ? await pending.where('token_hash', '=', digest(invitationToken)).where('national_id_hash', 'is', null).execute()
    : [];
  const account = await planAccount(db, login, byLink[0] ?? null, byIdentity[0] ?? null);
  if (!account) return { account: null, memberships: [], invitations: [] };
  // An invitation by e-mail alone is accepted when the provider vouches for that address and it is the account's.
  const byEmail =
    login.email === account.email
      ? await pending.where('email', '=', account.email).where('national_id_hash', 'is', null).execute()
      : [];
  const invitations: MatchedInvitation[] = [];
  const add = (rows: typeof byIdentity, via: MatchedInvitation['via']) => {
    for (const row of rows)
      if (isRole(row.role) && !invitations.some((i) => i.id === row.id))
        invitations.push({ id: row.id, organisationId: row.organisation_id, role: row.role, email: row.email, via });
  };
  add(byIdentity, 'national identity number');
  // A link's invitation is for its address: it counts only when that is the account's.
  add(
    byLink.filter((row) => row.email === account.email),
    'invitation link',
  );
  add(byEmail, 'e-mail');
  const memberships =
    account.kind === 'new'
      ? []
      : (
          await db
            .selectFrom('memberships')
            .select(['organisation_id', 'role'])
            .where('user_id', '=', account.userId)
            .execute()
        ).flatMap((m) => (isRole(m.role) ? [{ organisationId: m.organisation_id, role: m.role }] : []));
  return { account, memberships, invitations };
}
