import { embeddedV4, inRange, type IpAddress, type IpRange, parseIpRange } from './ip-address.ts';

/** Why an address is not on the public internet; null: it is. */
export type AddressClass =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared (carrier-grade NAT)'
  | 'link-local'
  | 'unique-local'
  | 'site-local'
  | 'multicast'
  | 'broadcast'
  | 'documentation'
  | 'benchmarking'
  | 'reserved';

function ranges(table: readonly (readonly [string, AddressClass])[]): readonly (readonly [IpRange, AddressClass])[] {
  return table.map(([text, label]) => {
    const range = parseIpRange(text);
    if (!range) throw new Error(`bad range in the special-address table: ${text}`);
    return [range, label] as const;
  });
}

// IANA's IPv4 special-purpose registry, less the ranges that are globally reachable; first match wins.
const v4Special = ranges([
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared (carrier-grade NAT)'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['255.255.255.255/32', 'broadcast'],
  ['240.0.0.0/4', 'reserved'],
]);

// IPv6 forms that carry an IPv4 address the connection ends up at: the embedded address decides. The offset is
// where those 32 bits start, counted from the right.
const v6Embedding = ranges([
  ['::ffff:0:0/96', 'reserved'], // IPv4-mapped
  ['::ffff:0:0:0/96', 'reserved'], // IPv4-translated (SIIT)
  ['64:ff9b::/96', 'reserved'], // NAT64, well-known prefix
  ['2002::/16', 'reserved'], // 6to4
]).map(([range], i) => ({ range, offset: i === 3 ? 80 : 0 }));

const v6Special = ranges([
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  // IPv4-compatible (deprecated): whatever it holds, no public host is reached through it.
  ['::/96', 'reserved'],
  ['64:ff9b:1::/48', 'reserved'], // NAT64 for local use
  ['100::/64', 'reserved'], // discard-only
  ['2001::/32', 'reserved'], // Teredo: the IPv4 address inside is obfuscated
  ['2001:db8::/32', 'documentation'],
  ['2001:2::/48', 'benchmarking'],
  ['2001::/23', 'reserved'], // IETF protocol assignments
  ['3fff::/20', 'documentation'],
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'site-local'],
  ['ff00::/8', 'multicast'],
]);

const globalUnicast = parseIpRange('2000::/3');

/**
 * What kind of non-public address this is, or null for a public one. IPv6 outside global unicast (2000::/3) is never
 * public; IPv6 forms that embed an IPv4 address are judged by that address, so `::ffff:127.0.0.1` is loopback.
 */
export function classifyAddress(address: IpAddress): AddressClass | null {
  if (address.family === 4) return v4Special.find(([range]) => inRange(range, address))?.[1] ?? null;
  const embedding = v6Embedding.find(({ range }) => inRange(range, address));
  if (embedding) return classifyAddress(embeddedV4(address, embedding.offset));
  const special = v6Special.find(([range]) => inRange(range, address));
  if (special) return special[1];
  return globalUnicast && inRange(globalUnicast, address) ? null : 'reserved';
}
