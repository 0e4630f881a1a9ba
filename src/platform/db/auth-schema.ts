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
  /** Set for an invitation by national identity number: the number's HMAC (migration 20261203140000). */
  national_id_hash: string | null;
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

/** A person's national identity (the HMAC of `pid`) and the one account it signs in to. */
export interface NationalIdentitiesTable {
  pid_hash: string;
  user_id: string;
  created_at: number;
}

/** A national login under way: its state's digest, the digest of the browser's binding cookie and a sealed payload. */
export interface NationalLoginsTable {
  id: string;
  state_hash: string;
  binding_hash: string;
  stage: 'redirected' | 'choosing';
  payload: string;
  created_at: number;
  expires_at: number;
}

export interface AuthTables {
  invitations: InvitationsTable;
  login_throttle: LoginThrottleTable;
  secrets: SecretsTable;
  national_identities: NationalIdentitiesTable;
  national_logins: NationalLoginsTable;
}

export type Invitation = Selectable<InvitationsTable>;
