import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatIp, inRange, parseIp, parseIpRange } from '../../../src/platform/net/ip-address.ts';
import { type AddressClass, classifyAddress } from '../../../src/platform/net/special-addresses.ts';

function classify(text: string): AddressClass | null {
  // What URL makes of a host is what the policy sees: shorthand IPv4 forms arrive in dotted form.
  const host = new URL(`http://${text.includes(':') ? `[${text}]` : text}/`).hostname;
  const address = parseIp(host);
  assert.ok(address, `${text} parses`);
  return classifyAddress(address);
}

describe('classifyAddress', () => {
  const table: [string, AddressClass | null][] = [
    // The forms of the reported bypass.
    ['0x7f000001', 'loopback'],
    ['127.1', 'loopback'],
    ['2130706433', 'loopback'],
    ['017700000001', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['fd00::1', 'unique-local'],
    ['169.254.169.254', 'link-local'],
    // IPv4.
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['127.255.255.254', 'loopback'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', null],
    ['172.15.255.255', null],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared (carrier-grade NAT)'],
    ['100.127.255.255', 'shared (carrier-grade NAT)'],
    ['100.128.0.1', null],
    ['169.254.0.1', 'link-local'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.200', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['192.88.99.1', 'reserved'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['8.8.8.8', null],
    ['93.184.215.14', null],
    ['1.1.1.1', null],
    // IPv6.
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fec0::1', 'site-local'],
    ['fc00::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['100::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['2001:2::1', 'benchmarking'],
    ['64:ff9b:1::1', 'reserved'],
    ['4000::1', 'reserved'],
    ['2606:4700:4700::1111', null],
    ['2a00:1450:4001:80b::200e', null],
    // IPv6 carrying IPv4: the IPv4 address decides.
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.5', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:8.8.8.8', null],
    ['::ffff:0:10.0.0.5', 'private'],
    ['::127.0.0.1', 'reserved'],
    ['::8.8.8.8', 'reserved'],
    ['64:ff9b::10.0.0.5', 'private'],
    ['64:ff9b::8.8.8.8', null],
    ['2002:7f00:1::1', 'loopback'],
    ['2002:a9fe:a9fe::', 'link-local'],
    ['2002:808:808::1', null],
  ];
  for (const [address, expected] of table)
    it(`${address} is ${expected ?? 'public'}`, () => assert.equal(classify(address), expected));
});

describe('IP parsing', () => {
  it('reads the standard forms and nothing else', () => {
    assert.equal(parseIp('127.1'), null, 'shorthand only through URL');
    assert.equal(parseIp('localhost'), null);
    assert.equal(parseIp('1.2.3.256'), null);
    assert.deepEqual(parseIp('[::1]'), { family: 6, value: 1n });
    assert.deepEqual(parseIp('fe80::1%eth0'), parseIp('fe80::1'));
    assert.equal(formatIp(parseIp('::ffff:7f00:1') ?? { family: 4, value: 0n }), '::ffff:7f00:1');
    assert.equal(formatIp(parseIp('10.1.2.3') ?? { family: 6, value: 0n }), '10.1.2.3');
  });

  it('reads ranges, refuses bad prefixes and matches within the family only', () => {
    const range = parseIpRange('10.20.0.0/16');
    assert.ok(range);
    assert.ok(inRange(range, parseIp('10.20.255.1') ?? { family: 4, value: 0n }));
    assert.ok(!inRange(range, parseIp('10.21.0.1') ?? { family: 4, value: 0n }));
    assert.ok(!inRange(range, parseIp('::ffff:10.20.0.1') ?? { family: 4, value: 0n }));
    assert.deepEqual(parseIpRange('10.20.30.40/16'), range, 'host bits are dropped');
    for (const bad of ['10.0.0.0/33', '::/129', '10.0.0.0/', '10.0.0.0/-1', '10.0.0/8', 'fd00::/x'])
      assert.equal(parseIpRange(bad), null, bad);
    assert.equal(parseIpRange('::1')?.prefix, 128);
  });
});
