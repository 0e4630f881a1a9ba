// A real OpenID Connect provider for the tests: oidc-provider on a free port of 127.0.0.1, behaving like ID-porten and
// Ansattporten (`pid`, `acr` idporten-loa-substantial/high, Ansattporten's `authorization_details` with authorized
// parties), whose login and consent are completed at once as the person the test chose, so no one has to type.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { CookieJar } from './cookie-jar.ts';

export const resourceType = 'ansattporten:altinn:resource';

/** The person the next logins are, and what the provider says about them. */
export interface Persona {
  /** The national identity number (`pid`). */
  pid: string;
  acr?: string;
  name?: string;
  email?: string;
  emailVerified?: boolean;
  /** Organisation numbers the person may act for, given for each resource the request asked for. */
  parties?: string[];
}

export interface TestProvider {
  issuer: string;
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  /** The person every following login completes as. */
  loginAs(persona: Persona): void;
  /** Lets the Nivå at `publicUrl` be redirected to (its callback and post-logout addresses). */
  allowRedirects(publicUrl: string): void;
  /** Registers a second client that authenticates with private_key_jwt under this public key. */
  registerKeyClient(clientId: string, publicJwk: Record<string, unknown>): void;
  /** The parameters of the latest authorization request that reached the login step. */
  lastAuthorization(): Record<string, unknown> | null;
  /** How long ID tokens live, in seconds (default 3600). */
  setIdTokenTtl(seconds: number): void;
  /**
   * Follows the provider's side of a login from its authorization URL, as a browser with its own cookies, until the
   * provider sends the browser back to Nivå; answers that address.
   */
  authorize(url: string, jar?: CookieJar): Promise<URL>;
  /** Follows the provider's logout from its end-session URL (confirming it) to where it sends the browser back. */
  logout(url: string, jar: CookieJar): Promise<URL | null>;
  close(): Promise<void>;
}

type Payload = Record<string, unknown> & { grantId?: string; uid?: string; exp?: number };

/** oidc-provider's storage: one map per provider, clients read from the registered list. */
function adapterFactory(clients: Map<string, Payload>) {
  const store = new Map<string, Payload>();
  return class {
    constructor(private readonly model: string) {}
    private key(id: string) {
      return `${this.model}:${id}`;
    }
    upsert(id: string, payload: Payload, expiresIn?: number) {
      const exp = expiresIn ? Math.floor(Date.now() / 1000) + expiresIn : undefined;
      store.set(this.key(id), { ...payload, ...(exp ? { exp } : {}) });
      return Promise.resolve();
    }
    find(id: string) {
      if (this.model === 'Client') return Promise.resolve(clients.get(id));
      const found = store.get(this.key(id));
      if (found?.exp !== undefined && found.exp < Math.floor(Date.now() / 1000)) return Promise.resolve(undefined);
      return Promise.resolve(found);
    }
    findByUid(uid: string) {
      for (const [key, payload] of store)
        if (key.startsWith(`${this.model}:`) && payload.uid === uid) return Promise.resolve(payload);
      return Promise.resolve(undefined);
    }
    findByUserCode() {
      return Promise.resolve(undefined);
    }
    consume(id: string) {
      const found = store.get(this.key(id));
      if (found) found.consumed = Math.floor(Date.now() / 1000);
      return Promise.resolve();
    }
    destroy(id: string) {
      store.delete(this.key(id));
      return Promise.resolve();
    }
    revokeByGrantId(grantId: string) {
      for (const [key, payload] of store) if (payload.grantId === grantId) store.delete(key);
      return Promise.resolve();
    }
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts the provider; the client `niva` authenticates with a secret (client_secret_basic) and must use PKCE. */
export async function startTestProvider(): Promise<TestProvider> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handle(req, res));
  const port = await listen(server);
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'niva';
  const clientSecret = `secret-${randomUUID()}`;
  const clients = new Map<string, Payload>();
  const redirects = { callbacks: new Set<string>(), afterLogout: new Set<string>() };
  let persona: Persona = { pid: '24087011115', acr: 'idporten-loa-substantial' };
  let idTokenTtl = 3600;
  let lastParams: Record<string, unknown> | null = null;
  // Per person, the authorization details of their latest login (what the ID token's claim carries).
  const details = new Map<string, unknown[]>();

  const baseClient = (id: string): Payload => ({
    client_id: id,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: [...redirects.callbacks],
    post_logout_redirect_uris: [...redirects.afterLogout],
    // A back-channel address makes the provider put `sid` in ID tokens, as ID-porten does.
    backchannel_logout_uri: `${issuer}/backchannel-sink`,
    backchannel_logout_session_required: true,
    authorization_details_types: [resourceType],
  });
  const keyClients = new Map<string, Record<string, unknown>>();
  const refreshClients = () => {
    clients.set(clientId, {
      ...baseClient(clientId),
      client_secret: clientSecret,
      token_endpoint_auth_method: 'client_secret_basic',
    });
    for (const [id, jwk] of keyClients)
      clients.set(id, {
        ...baseClient(id),
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: { keys: [jwk] },
      });
  };
  refreshClients();

  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    adapter: adapterFactory(clients),
    jwks: { keys: [{ ...signing, kid: 'test-signing', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['test-provider-cookie-key'] },
    acrValues: ['idporten-loa-substantial', 'idporten-loa-high'],
    scopes: ['openid', 'profile', 'email'],
    claims: {
      acr: null,
      sid: null,
      auth_time: null,
      iss: null,
      openid: ['sub', 'pid', 'authorization_details'],
      profile: ['name'],
      email: ['email', 'email_verified'],
    },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      backchannelLogout: { enabled: true },
      // The logout confirmation a person would press; the tests submit its form.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: { body: string }, form: string) => {
          ctx.body = `<!doctype html>${form}<button form="op.logoutForm" name="logout" value="yes">Yes</button>`;
        },
      },
      // Rich authorization requests need a resource server for the access token; one stands in for Altinn's.
      resourceIndicators: {
        enabled: true,
        defaultResource: () => 'https://altinn.test.niva/',
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'altinn', accessTokenFormat: 'opaque' }),
      },
      richAuthorizationRequests: {
        enabled: true,
        types: { [resourceType]: { validate: () => undefined } },
        authorizationDetailsForGrantSource: (_ctx: unknown, source: { rar?: unknown }) => source.rar,
        authorizationDetailsForAccessToken: (_ctx: unknown, _token: unknown, source: { rar?: unknown }) => source.rar,
      },
    },
    ttl: {
      IdToken: () => idTokenTtl,
      AccessToken: () => 600,
      Interaction: () => 600,
      Grant: () => 3600,
      Session: () => 3600,
    },
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => {
        const person = persona.pid === sub ? persona : { pid: sub };
        return {
          sub,
          pid: person.pid,
          ...(person.name ? { name: person.name } : {}),
          ...(person.email ? { email: person.email, email_verified: person.emailVerified ?? true } : {}),
          ...(details.has(sub) ? { authorization_details: details.get(sub) } : {}),
        };
      },
    }),
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
  });
  provider.on('server_error', (_ctx, error) => console.error('test provider error', error));

  // The interaction completes at once: the chosen person logs in at their level and consents to what was asked,
  // with the organisations they may act for under each resource the request names.
  async function interact(req: IncomingMessage, res: ServerResponse) {
    const interaction = await provider.interactionDetails(req, res);
    const params = interaction.params;
    lastParams = { ...params };
    const person = persona;
    const accountId = person.pid;
    const requested =
      typeof params.authorization_details === 'string' ? (JSON.parse(params.authorization_details) as unknown[]) : [];
    const given = requested.flatMap((item) => {
      const detail = item as { type?: string; resource?: string };
      if (detail.type !== resourceType || !detail.resource) return [];
      return [
        {
          type: resourceType,
          resource: detail.resource,
          resource_name: `Resource ${detail.resource}`,
          authorized_parties: (person.parties ?? []).map((orgNumber) => ({
            orgno: { authority: 'iso6523-actorid-upis', ID: `0192:${orgNumber}` },
            name: `Organisation ${orgNumber}`,
            resource: detail.resource,
          })),
        },
      ];
    });
    details.set(accountId, given);
    const grant = new provider.Grant({ accountId, clientId: String(params.client_id) });
    grant.addOIDCScope(typeof params.scope === 'string' ? params.scope : 'openid');
    for (const detail of given) grant.addRar(detail);
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      {
        login: { accountId, acr: person.acr ?? 'idporten-loa-substantial', amr: ['TestID'], remember: true },
        consent: { grantId },
      },
      { mergeWithLastSubmission: false },
    );
  }

  const callback = provider.callback();
  handle = (req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path.startsWith('/interaction/')) {
      interact(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    if (path === '/backchannel-sink') {
      req.resume();
      res.end();
      return;
    }
    callback(req, res);
  };

  async function follow(url: string, jar: CookieJar, stopAt: (target: URL) => boolean): Promise<URL | null> {
    let next = new URL(url);
    for (let hop = 0; hop < 20; hop++) {
      if (stopAt(next)) return next;
      const response = await fetch(next, { redirect: 'manual', headers: { cookie: jar.header() } });
      jar.store(response);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        next = new URL(location, next);
        continue;
      }
      const body = await response.text();
      // The logout confirmation (and the form_post resume) are forms that a browser would submit.
      const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(body);
      if (response.status === 200 && form?.[1]) {
        const fields = new URLSearchParams();
        for (const input of (form[2] ?? '').matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
          fields.set(input[1] ?? '', input[2] ?? '');
        if (!fields.has('logout') && /op\.logoutForm/.test(body)) fields.set('logout', 'yes');
        const posted = await fetch(new URL(form[1], next), {
          method: 'POST',
          redirect: 'manual',
          body: fields,
          headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        });
        jar.store(posted);
        const target = posted.headers.get('location');
        if (target) {
          next = new URL(target, next);
          continue;
        }
        return null;
      }
      if (response.status === 200) return null;
      throw new Error(`the provider answered ${response.status} at ${next.pathname}: ${body.slice(0, 500)}`);
    }
    throw new Error('too many redirects at the provider');
  }

  const outsideProvider = (target: URL) => target.origin !== issuer;

  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    clientId,
    clientSecret,
    loginAs(next) {
      persona = next;
    },
    allowRedirects(publicUrl) {
      redirects.callbacks.add(`${publicUrl}/login/national/callback`);
      redirects.afterLogout.add(`${publicUrl}/logged-out`);
      refreshClients();
    },
    registerKeyClient(id, publicJwk) {
      keyClients.set(id, publicJwk);
      refreshClients();
    },
    lastAuthorization: () => lastParams,
    setIdTokenTtl(seconds) {
      idTokenTtl = seconds;
    },
    async authorize(url, jar = new CookieJar()) {
      const back = await follow(url, jar, outsideProvider);
      if (!back) throw new Error('the provider did not send the browser back');
      return back;
    },
    logout: (url, jar) => follow(url, jar, outsideProvider),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
