import * as oidc from 'openid-client';
import { importJWK, type JWK } from 'jose';
import type { NationalLoginConfig } from '../../config/national-login-config.ts';
import { type Clock, clockSkewSeconds } from '../../domain/clock.ts';
import { AppError } from '../../services/app-error.ts';

/** What the authorization request carries besides the client's own settings. */
export interface AuthorizationRequest {
  redirectUri: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  acrValues: readonly string[];
}

export interface TokenChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The verified result of the code exchange: the ID token, its claims, and the token response's own fields. */
export interface VerifiedTokens {
  idToken: string;
  claims: Readonly<Record<string, unknown>>;
  response: Readonly<Record<string, unknown>>;
}

const metadataTtlMs = 3_600_000;
const readinessTtlMs = 15_000;
const requestTimeoutSeconds = 10;

/** Network failures, time-outs and server errors mean the provider is down; anything else is a refused login. */
function providerDown(error: unknown): boolean {
  if (error instanceof oidc.ResponseBodyError) return error.status >= 500;
  if (error instanceof oidc.ClientError)
    return ['OAUTH_TIMEOUT', 'OAUTH_ABORT', 'OAUTH_RESPONSE_IS_NOT_CONFORM', 'OAUTH_RESPONSE_IS_NOT_JSON'].includes(
      error.code ?? '',
    );
  const code = (error as { code?: unknown }).code;
  return error instanceof TypeError && !(typeof code === 'string' && code.startsWith('ERR_'));
}

function unavailable(reason = 'it does not answer'): AppError {
  return new AppError('unavailable', `the login provider cannot be used now: ${reason}`);
}

/** Why a login was refused, for the log only: the person is told the login could not be completed. */
export function refusalReason(error: unknown): string {
  if (error instanceof oidc.ResponseBodyError) return `${error.error}: ${error.error_description ?? ''}`.trim();
  if (error instanceof oidc.AuthorizationResponseError) return `${error.error}: ${error.error_description ?? ''}`;
  if (error instanceof Error) return `${(error as { code?: string }).code ?? error.name}: ${error.message}`;
  return String(error);
}

/**
 * The relying party's side of the national login, through openid-client: discovery (kept an hour), the authorization
 * request with PKCE, state and nonce, the code exchange with the ID token's checks, and the logout request. Token
 * checks judge time by the program's clock.
 */
export class NationalLoginClient {
  readonly settings: NationalLoginConfig;
  private readonly clock: Clock;
  private metadata: { value: oidc.ServerMetadata; fetchedAt: number } | null = null;
  private configured: { skew: number; config: oidc.Configuration } | null = null;
  /** The provider's signing keys as last fetched, carried over when the configuration is rebuilt. */
  private jwks: oidc.ExportedJWKSCache | undefined;
  private readiness: { reachable: boolean; at: number } | null = null;
  private clientAuth: Promise<oidc.ClientAuth> | null = null;

  constructor(settings: NationalLoginConfig, clock: Clock) {
    this.settings = settings;
    this.clock = clock;
  }

  private discover(timeoutSeconds: number): Promise<oidc.Configuration> {
    return oidc.discovery(new URL(this.settings.issuer), this.settings.clientId, undefined, undefined, {
      timeout: timeoutSeconds,
      ...(this.settings.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
  }

  private authentication(): Promise<oidc.ClientAuth> {
    const auth = this.settings.clientAuth;
    this.clientAuth ??=
      auth.method === 'client_secret_basic'
        ? Promise.resolve(oidc.ClientSecretBasic(auth.secret))
        : importJWK(auth.jwk as JWK, auth.alg).then((key) =>
            oidc.PrivateKeyJwt({ key: key as CryptoKey, ...(auth.kid ? { kid: auth.kid } : {}) }),
          );
    return this.clientAuth;
  }

  /** The provider's metadata, discovered at most once an hour; a failed refresh keeps the last good copy. */
  private async serverMetadata(): Promise<oidc.ServerMetadata> {
    const now = this.clock.now();
    const known = this.metadata;
    if (known && now - known.fetchedAt < metadataTtlMs && now >= known.fetchedAt) return known.value;
    try {
      const discovered = await this.discover(requestTimeoutSeconds);
      this.metadata = { value: discovered.serverMetadata(), fetchedAt: now };
      this.configured = null;
      return this.metadata.value;
    } catch (error) {
      if (known) return known.value;
      // A discovery document that cannot be used (wrong issuer, not JSON) is as good as none.
      throw unavailable(providerDown(error) ? 'it does not answer' : refusalReason(error));
    }
  }

  private async configuration(): Promise<oidc.Configuration> {
    const metadata = await this.serverMetadata();
    const skew = clockSkewSeconds(this.clock);
    if (this.configured?.skew === skew) return this.configured.config;
    const config = new oidc.Configuration(
      metadata,
      this.settings.clientId,
      { [oidc.clockSkew]: skew },
      await this.authentication(),
    );
    config.timeout = requestTimeoutSeconds;
    if (this.settings.allowInsecure) oidc.allowInsecureRequests(config);
    if (this.configured) this.jwks = oidc.getJwksCache(this.configured.config) ?? this.jwks;
    if (this.jwks) oidc.setJwksCache(config, this.jwks);
    this.configured = { skew, config };
    return config;
  }

  /** Where to send the browser: the authorization endpoint with the request's parameters. */
  async authorizationUrl(request: AuthorizationRequest): Promise<URL> {
    const config = await this.configuration();
    const parameters: Record<string, string> = {
      redirect_uri: request.redirectUri,
      scope: this.settings.scopes,
      state: request.state,
      nonce: request.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(request.codeVerifier),
      code_challenge_method: 'S256',
      acr_values: request.acrValues.join(' '),
    };
    if (this.settings.resources.length > 0)
      parameters.authorization_details = JSON.stringify(
        this.settings.resources.map((resource) => ({ type: 'ansattporten:altinn:resource', resource })),
      );
    return oidc.buildAuthorizationUrl(config, parameters);
  }

  /**
   * Checks the authorization response (state, issuer) and exchanges its code (PKCE verifier, client authentication);
   * the ID token's signature, issuer, audience, expiry and nonce are verified. A provider that does not answer is
   * `unavailable`; any other failure is thrown as it came, for the caller to refuse the login.
   */
  async exchange(callbackUrl: URL, checks: TokenChecks): Promise<VerifiedTokens> {
    const config = await this.configuration();
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!tokens.id_token || !claims) throw new Error('no ID token');
      return { idToken: tokens.id_token, claims: { ...claims }, response: { ...tokens } };
    } catch (error) {
      if (providerDown(error)) throw unavailable();
      throw error;
    }
  }

  /** The provider's logout request for a session's ID token, or null when the provider has no end-session endpoint. */
  async endSessionUrl(idTokenHint: string, postLogoutRedirectUri: string): Promise<URL | null> {
    try {
      const config = await this.configuration();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(config, {
        id_token_hint: idTokenHint,
        post_logout_redirect_uri: postLogoutRedirectUri,
      });
    } catch {
      return null;
    }
  }

  /** Whether the discovery document can be fetched now (checked at most every 15 seconds, within 3 seconds). */
  async reachable(): Promise<boolean> {
    const now = this.clock.now();
    if (this.readiness && now - this.readiness.at < readinessTtlMs && now >= this.readiness.at)
      return this.readiness.reachable;
    let reachable: boolean;
    try {
      await this.discover(3);
      reachable = true;
    } catch {
      reachable = false;
    }
    this.readiness = { reachable, at: now };
    return reachable;
  }

  /** Origins a form of Nivå's may end up at (the logout form redirects to the provider): the issuer and its endpoints. */
  formTargets(): string[] {
    const origins = new Set([new URL(this.settings.issuer).origin]);
    const metadata = this.metadata?.value;
    for (const endpoint of [metadata?.authorization_endpoint, metadata?.end_session_endpoint])
      if (endpoint) origins.add(new URL(endpoint).origin);
    return [...origins];
  }
}
