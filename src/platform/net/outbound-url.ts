import { lookup } from 'node:dns/promises';
import { AppError } from '../services/app-error.ts';
import { formatIp, parseIp } from './ip-address.ts';
import { addressAllowed, hostAllowed, type OutboundAllowList } from './outbound-allow.ts';
import { classifyAddress } from './special-addresses.ts';

/**
 * The one rule for every request Nivå makes to a URL someone gave it (case and status webhooks, monitor probes):
 * http or https only, no credentials, and no host that is, or resolves to, anything but a public address, unless the
 * operator allows it (`NIVA_OUTBOUND_ALLOW`). It is checked when the URL is stored and again at every connection,
 * which may only use the addresses that were checked (see `outbound-request.ts`).
 */

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address of a host name; the tests inject their own. */
export type ResolveHost = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export interface OutboundPolicy {
  readonly allow: OutboundAllowList;
  readonly resolve: ResolveHost;
}

export const systemResolver: ResolveHost = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

export function outboundPolicy(allow: OutboundAllowList, resolve: ResolveHost = systemResolver): OutboundPolicy {
  return { allow, resolve };
}

/**
 * The target may not be reached. `message` is safe to show whoever gave the URL (anonymous sign-ups included), so it
 * does not say what a name resolved to; `detail` does, for the operator's logs and job errors.
 */
export class OutboundRefusedError extends Error {
  override name = 'OutboundRefusedError';
  readonly detail: string;

  constructor(message: string, detail?: string) {
    super(message);
    this.detail = detail ?? message;
  }
}

export interface CheckedTarget {
  url: URL;
  /** What to connect to: the host name, or the address without brackets. */
  host: string;
  /** Every address the host had when checked; a connection may use only these. */
  addresses: readonly ResolvedAddress[];
}

/** The part of the rule that needs no DNS, for input schemas; the rest is `assertOutboundUrl`. */
export function outboundUrlSyntax(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  // Credentials in the URL would be shown to everyone who may list it.
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
}

export const outboundUrlHint = 'an https:// URL without credentials';

async function addressesOf(policy: OutboundPolicy, host: string): Promise<readonly ResolvedAddress[]> {
  const literal = parseIp(host);
  if (literal) return [{ address: host, family: literal.family }];
  let found: readonly ResolvedAddress[];
  try {
    found = await policy.resolve(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'lookup failed';
    throw new OutboundRefusedError('the host name does not resolve', `${host} does not resolve (${code})`);
  }
  if (found.length === 0) throw new OutboundRefusedError('the host name does not resolve', `${host} has no address`);
  return found;
}

/**
 * Checks a URL against the policy and resolves its host; throws `OutboundRefusedError` when it may not be reached.
 * Every address counts: a name with one public and one private address is refused, since either could be used.
 */
export async function checkOutboundTarget(policy: OutboundPolicy, value: string): Promise<CheckedTarget> {
  if (!outboundUrlSyntax(value)) throw new OutboundRefusedError(outboundUrlHint);
  // URL has already turned `0x7f000001`, `127.1` and `2130706433` into `127.0.0.1`.
  const url = new URL(value);
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const addresses = await addressesOf(policy, host);
  const namedInAllowList = hostAllowed(policy.allow, url.hostname);
  let everyAddressAllowed = true;
  for (const resolved of addresses) {
    const ip = parseIp(resolved.address);
    if (!ip) throw new OutboundRefusedError('the host name does not resolve', `${host} gave ${resolved.address}`);
    if (namedInAllowList || addressAllowed(policy.allow, ip)) continue;
    everyAddressAllowed = false;
    const kind = classifyAddress(ip);
    if (kind)
      throw new OutboundRefusedError(
        'points to a private or local network address',
        `${host} is ${formatIp(ip)} (${kind}), which is not in NIVA_OUTBOUND_ALLOW`,
      );
  }
  // Clear text only where the operator vouches for the network in between (development, tests, internal probes).
  if (url.protocol === 'http:' && !namedInAllowList && !everyAddressAllowed)
    throw new OutboundRefusedError(
      'plain http:// is not allowed here; use https://',
      `http://${url.host} is not in NIVA_OUTBOUND_ALLOW`,
    );
  return { url, host, addresses };
}

/** Checks a URL about to be stored; a refusal is a validation error naming `field`. */
export async function assertOutboundUrl(policy: OutboundPolicy, field: string, value: string): Promise<void> {
  try {
    await checkOutboundTarget(policy, value);
  } catch (error) {
    if (error instanceof OutboundRefusedError) throw AppError.field(field, error.message);
    throw error;
  }
}
