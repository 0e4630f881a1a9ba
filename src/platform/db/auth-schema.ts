import type { Selectable } from 'kysely';

/** Tables of invitations, the sign-in throttle and generated keys (migration 20261203090000). */
export interface InvitationsTable {
  id: string;
  organisation_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string | null;
  created_at: number;
  expires_at: number;
  accepted_at: number | null;
  accepted_by: string | null;
  revoked_at: number | null;
}

/** Failed sign-ins per digest of the normalised e-mail, registered or not. */
export interface LoginThrottleTable {
  key_hash: string;
  failures: number;
  locked_until: number | null;
  updated_at: number;
}

/** Keys the platform generated for itself when none is configured. */
export interface SecretsTable {
  name: string;
  value: string;
  created_at: number;
}

export interface AuthTables {
  invitations: InvitationsTable;
  login_throttle: LoginThrottleTable;
  secrets: SecretsTable;
}

export type Invitation = Selectable<InvitationsTable>;
