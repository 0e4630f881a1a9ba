import { createLocalJWKSet, errors, type JWTVerifyGetKey } from 'jose';
import type { Logger } from 'pino';
import type { Clock } from '../domain/clock.ts';
import { outboundRequest, type OutboundSend } from '../net/outbound-request.ts';
import type { OutboundPolicy } from '../net/outbound-url.ts';

/** The issuer's key set is older than this: fetch it again before using it, so a withdrawn key stops working. */
export const keySetMaxAgeMs = 10 * 60_000;
/**
 * At most one fetch per this interval, whatever tokens arrive: a token naming an unknown key (which anyone can make)
 * or an issuer that is down must not turn every request into a request to the issuer.
 */
export const keySetRefetchFloorMs = 60_000;
const fetchTimeoutMs = 5_000;
// A key set holds a handful of keys; anything near this size is not one.
const maxKeySetBytes = 256 * 1024;

/** No key set could be fetched yet (or ever): the token cannot be checked, which is not the token's fault. */
export class KeySetUnavailableError extends Error {
  override name = 'KeySetUnavailableError';
}

export interface KeySetState {
  /** How the last attempt to fetch the set went; `unchecked`: none has finished yet. */
  issuer: 'reachable' | 'unreachable' | 'unchecked';
  /** When the set in use was fetched; null: never. */
  fetchedAt: number | null;
  /** Why the last attempt failed, for the operator (never shown to a caller). */
  problem: string | null;
}

export interface MachineTokenKeys {
  /** For `jwtVerify`: the key a token's header names; a name not in the set fetches the set again, floor permitting. */
  readonly getKey: JWTVerifyGetKey;
  /**
   * The set's state for `/readyz`, as of the last attempt. When the set is stale or that attempt failed, a fetch starts
   * in the background (floor permitting), so a readiness probe never waits for the issuer.
   */
  state(): KeySetState;
}

type LocalSet = ReturnType<typeof createLocalJWKSet>;

export interface MachineTokenKeysDeps {
  outbound: OutboundPolicy;
  clock: Clock;
  logger: Logger;
  /** How to send the request; the outbound policy's own request unless a test stubs it. */
  send?: OutboundSend;
}

async function fetchKeySet(send: OutboundSend, url: string): Promise<LocalSet> {
  const response = await send(url, {
    method: 'GET',
    headers: { accept: 'application/jwk-set+json, application/json' },
    timeoutMs: fetchTimeoutMs,
    maxResponseBytes: maxKeySetBytes,
  });
  if (response.status !== 200) throw new Error(`answered ${response.status}`);
  if (Buffer.byteLength(response.body) >= maxKeySetBytes) throw new Error(`answered more than ${maxKeySetBytes} bytes`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    throw new Error('answered something that is not JSON');
  }
  // Throws when it is not a JWK set; single keys that cannot be used are skipped when a token names them.
  return createLocalJWKSet(parsed as Parameters<typeof createLocalJWKSet>[0]);
}

/**
 * The issuer's signing keys, fetched on first use, kept for `keySetMaxAgeMs`, fetched again when a token names a key
 * the set lacks (the issuer rotated its keys), and never more often than once per `keySetRefetchFloorMs`. A failed
 * fetch keeps the set already held, so a short outage of the issuer does not stop tokens signed with known keys.
 */
export function machineTokenKeys(jwksUrl: string, deps: MachineTokenKeysDeps): MachineTokenKeys {
  const send = deps.send ?? ((url, init) => outboundRequest(deps.outbound, url, init));
  let current: LocalSet | null = null;
  let fetchedAt: number | null = null;
  let lastAttempt: number | null = null;
  let problem: string | null = null;
  let inFlight: Promise<void> | null = null;

  const mayFetch = (): boolean => lastAttempt === null || deps.clock.now() - lastAttempt >= keySetRefetchFloorMs;
  const stale = (): boolean => fetchedAt === null || deps.clock.now() - fetchedAt >= keySetMaxAgeMs;

  /** Fetches the set, or joins the fetch under way, so a burst of tokens makes one request. */
  function refresh(): Promise<void> {
    if (inFlight) return inFlight;
    if (!mayFetch()) return Promise.resolve();
    lastAttempt = deps.clock.now();
    inFlight = fetchKeySet(send, jwksUrl)
      .then(
        (set) => {
          current = set;
          fetchedAt = deps.clock.now();
          problem = null;
        },
        (error: unknown) => {
          problem = error instanceof Error ? error.message : String(error);
          deps.logger.warn(
            { jwksUrl, problem, keptKeySetFrom: fetchedAt },
            "the machine-token issuer's key set could not be fetched; tokens are checked against the set already held, if any",
          );
        },
      )
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  const getKey: JWTVerifyGetKey = async (header, token) => {
    if (stale()) await refresh();
    const held = current;
    if (!held) throw new KeySetUnavailableError('no key set of the issuer is held');
    try {
      return await held(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || !mayFetch()) throw error;
      deps.logger.info(
        { jwksUrl, kid: header.kid },
        "a machine token names a key not in the issuer's set; fetching it",
      );
      await refresh();
      if (!current || current === held) throw error;
      return current(header, token);
    }
  };

  return {
    getKey,
    state() {
      const known: KeySetState = {
        issuer: problem !== null ? 'unreachable' : fetchedAt !== null ? 'reachable' : 'unchecked',
        fetchedAt,
        problem,
      };
      if (stale() || problem !== null) void refresh();
      return known;
    },
  };
}
