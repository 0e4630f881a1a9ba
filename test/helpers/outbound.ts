import { isIP } from 'node:net';
import { parseAllowList } from '../../src/platform/net/outbound-allow.ts';
import {
  outboundPolicy,
  type OutboundPolicy,
  type ResolvedAddress,
  type ResolveHost,
} from '../../src/platform/net/outbound-url.ts';

/** A public address (example.com's) that made-up host names resolve to in tests; nothing ever connects to it. */
export const publicTestAddress = '93.184.215.14';

/** The test receivers' address: tests that deliver to them allow it explicitly, as an operator would. */
export const localReceivers = '127.0.0.1';

/**
 * Resolves without DNS, so tests neither depend on the network nor hang on it: `localhost` to loopback, the names in
 * `names` to their addresses, every other name to a public address.
 */
export function testResolver(names: Readonly<Record<string, readonly string[]>> = {}): ResolveHost {
  return (hostname) => {
    const found = names[hostname] ?? (hostname === 'localhost' ? ['127.0.0.1', '::1'] : [publicTestAddress]);
    return Promise.resolve(found.map((address): ResolvedAddress => ({ address, family: isIP(address) === 6 ? 6 : 4 })));
  };
}

/** The outbound policy with `allow` as NIVA_OUTBOUND_ALLOW and the test resolver. */
export function testOutbound(allow = '', names: Readonly<Record<string, readonly string[]>> = {}): OutboundPolicy {
  return outboundPolicy(parseAllowList(allow), testResolver(names));
}
