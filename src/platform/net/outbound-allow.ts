import { inRange, type IpAddress, type IpRange, parseIpRange } from './ip-address.ts';

/**
 * Hosts and address ranges outbound requests may reach although they are local or private (`NIVA_OUTBOUND_ALLOW`):
 * for development, tests, and platform components on an internal network that monitors probe.
 */
export interface OutboundAllowList {
  /** Host names, lower case without a trailing dot, allowed whatever they resolve to. */
  readonly hosts: readonly string[];
  readonly ranges: readonly IpRange[];
  /** The entries as written, for messages. */
  readonly entries: readonly string[];
}

export const emptyAllowList: OutboundAllowList = { hosts: [], ranges: [], entries: [] };

const hostName = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Parses a comma-separated list of host names, addresses and CIDR ranges (`localhost,127.0.0.1,10.20.0.0/16,[::1]`).
 * Throws an `Error` naming the first entry that is none of those.
 */
export function parseAllowList(text: string): OutboundAllowList {
  const hosts: string[] = [];
  const ranges: IpRange[] = [];
  const entries: string[] = [];
  for (const raw of text.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    entries.push(entry);
    const range = parseIpRange(entry);
    if (range) {
      ranges.push(range);
      continue;
    }
    const name = entry.toLowerCase().replace(/\.$/, '');
    // A name of digits and dots only would be read as an address by URL, so it can never match a host name.
    if (hostName.test(name) && !/^[\d.]+$/.test(name)) hosts.push(name);
    else throw new Error(`"${entry}" is not a host name, an IP address or a CIDR range such as 10.0.0.0/8`);
  }
  return { hosts, ranges, entries };
}

/** `hostname` as URL gives it: lower case, IPv6 in brackets. */
export function hostAllowed(list: OutboundAllowList, hostname: string): boolean {
  return list.hosts.includes(hostname.replace(/\.$/, ''));
}

export function addressAllowed(list: OutboundAllowList, address: IpAddress): boolean {
  return list.ranges.some((range) => inRange(range, address));
}
