import { isIPv4, isIPv6 } from 'node:net';

/** An IP address as a number: 32 bits for IPv4, 128 for IPv6, so ranges are compared with shifts. */
export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

/** A range of addresses: the first `prefix` bits of `value` are fixed. */
export interface IpRange {
  family: 4 | 6;
  value: bigint;
  prefix: number;
}

const bitsOf = { 4: 32, 6: 128 } as const;

function v4Value(dotted: string): bigint {
  return dotted.split('.').reduce((sum, part) => (sum << 8n) | BigInt(Number(part)), 0n);
}

function v6Value(text: string): bigint {
  let s = text.toLowerCase();
  // A dotted IPv4 tail (`::ffff:127.0.0.1`) is two groups written differently.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted?.[1] !== undefined) {
    const v4 = v4Value(dotted[1]);
    s = `${s.slice(0, dotted.index)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = s.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(zeros).fill('0'), ...right];
  return groups.reduce((sum, group) => (sum << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/**
 * Parses an address in its standard text form (what `dns.lookup` returns and `URL` normalises host names to); a
 * bracketed IPv6 address and a zone (`fe80::1%eth0`) are accepted. Anything else, including shorthand IPv4 forms
 * such as `127.1`, is null: those must go through `URL` first.
 */
export function parseIp(text: string): IpAddress | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const address = bare.split('%')[0] ?? '';
  if (isIPv4(address)) return { family: 4, value: v4Value(address) };
  if (isIPv6(address)) return { family: 6, value: v6Value(address) };
  return null;
}

/** `10.0.0.0/8`, `fd00::/8`, or a single address (a range of one). Null when it is neither. */
export function parseIpRange(text: string): IpRange | null {
  const slash = text.indexOf('/');
  const address = parseIp(slash === -1 ? text : text.slice(0, slash));
  if (!address) return null;
  const bits = bitsOf[address.family];
  if (slash === -1) return { ...address, prefix: bits };
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > bits) return null;
  return { family: address.family, value: address.value & mask(bits, prefix), prefix };
}

function mask(bits: number, prefix: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefix)) - 1n);
}

export function inRange(range: IpRange, address: IpAddress): boolean {
  if (range.family !== address.family) return false;
  return (address.value & mask(bitsOf[range.family], range.prefix)) === range.value;
}

/** The IPv4 address held in 32 bits of an IPv6 address, starting `offset` bits from its right end. */
export function embeddedV4(address: IpAddress, offset = 0): IpAddress {
  return { family: 4, value: (address.value >> BigInt(offset)) & 0xffffffffn };
}

export function formatIp(address: IpAddress): string {
  if (address.family === 4)
    return [24n, 16n, 8n, 0n].map((shift) => String((address.value >> shift) & 0xffn)).join('.');
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => (address.value >> shift) & 0xffffn);
  // `URL` writes IPv6 in its canonical compressed form (RFC 5952), in brackets.
  return new URL(`http://[${groups.map((g) => g.toString(16)).join(':')}]/`).hostname.slice(1, -1);
}
