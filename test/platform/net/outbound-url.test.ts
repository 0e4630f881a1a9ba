import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllowList } from '../../../src/platform/net/outbound-allow.ts';
import {
  assertOutboundUrl,
  checkOutboundTarget,
  OutboundRefusedError,
} from '../../../src/platform/net/outbound-url.ts';
import { AppError } from '../../../src/platform/services/app-error.ts';
import { publicTestAddress, testOutbound } from '../../helpers/outbound.ts';

async function refusal(promise: Promise<unknown>): Promise<OutboundRefusedError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof OutboundRefusedError, String(error));
    return error;
  }
  assert.fail('expected a refusal');
}

describe('the outbound allow-list', () => {
  it('reads host names, addresses and CIDR ranges', () => {
    const list = parseAllowList(' localhost , Hooks.Test. ,127.0.0.1,10.20.0.0/16,[::1],fd00::/8,,');
    assert.deepEqual(list.hosts, ['localhost', 'hooks.test']);
    assert.equal(list.ranges.length, 4);
    assert.deepEqual(parseAllowList('').entries, []);
  });

  for (const bad of ['10.0.0.0/33', 'http://localhost', '*.internal', '127.1', 'a b', '::1/200', 'host:8080'])
    it(`refuses "${bad}"`, () =>
      assert.throws(() => parseAllowList(`localhost,${bad}`), new RegExp(`"${bad.replace(/[.*/:]/g, '\\$&')}"`)));
});

describe('checkOutboundTarget', () => {
  it('accepts https to a name whose every address is public, and gives the addresses to connect to', async () => {
    const target = await checkOutboundTarget(testOutbound(), 'https://hooks.etat.no/niva?key=1');
    assert.equal(target.host, 'hooks.etat.no');
    assert.deepEqual(target.addresses, [{ address: publicTestAddress, family: 4 }]);
  });

  it('refuses a name with any private address, even beside a public one, and says which only in the detail', async () => {
    const outbound = testOutbound('', { 'mixed.example.no': [publicTestAddress, '10.1.2.3'] });
    const error = await refusal(checkOutboundTarget(outbound, 'https://mixed.example.no/'));
    assert.equal(error.message, 'points to a private or local network address');
    assert.match(error.detail, /10\.1\.2\.3 \(private\)/);
  });

  it('refuses what the reported bypass used, and what is not http(s) or carries credentials', async () => {
    const outbound = testOutbound();
    for (const url of [
      'http://0x7f000001:6379/',
      'http://127.1:8090/',
      'http://2130706433/',
      'http://[::1]:8090/',
      'https://10.0.0.5/',
      'https://[fd00::1]/',
      'https://169.254.169.254/latest/meta-data/',
      'https://[::ffff:a9fe:a9fe]/',
      'https://[64:ff9b::a00:5]/',
      'https://[2002:a00:5::]/',
      'https://localhost/',
    ])
      assert.equal(
        (await refusal(checkOutboundTarget(outbound, url))).message,
        'points to a private or local network address',
        url,
      );
    assert.match((await refusal(checkOutboundTarget(outbound, 'http://hooks.etat.no/'))).message, /plain http/);
    assert.match((await refusal(checkOutboundTarget(outbound, 'https://u:p@hooks.etat.no/'))).message, /credentials/);
    assert.match((await refusal(checkOutboundTarget(outbound, 'ftp://hooks.etat.no/'))).message, /https/);
    assert.match((await refusal(checkOutboundTarget(outbound, 'file:///etc/passwd'))).message, /https/);
  });

  it('refuses a name that does not resolve', async () => {
    const outbound = {
      ...testOutbound(),
      resolve: () => Promise.reject(Object.assign(new Error('nx'), { code: 'ENOTFOUND' })),
    };
    const error = await refusal(checkOutboundTarget(outbound, 'https://nowhere.example.no/'));
    assert.equal(error.message, 'the host name does not resolve');
    assert.match(error.detail, /ENOTFOUND/);
  });

  it('lets the allow-list open named hosts and ranges, plain http included, and nothing else', async () => {
    const outbound = testOutbound('receiver.test,127.0.0.0/8', {
      'receiver.test': ['10.9.9.9'],
      'lab.test': ['127.0.0.2'],
      'half.test': ['127.0.0.2', '10.0.0.1'],
    });
    await checkOutboundTarget(outbound, 'http://receiver.test:8080/');
    await checkOutboundTarget(outbound, 'http://lab.test/');
    await checkOutboundTarget(outbound, 'http://127.1:8090/');
    await refusal(checkOutboundTarget(outbound, 'https://half.test/'));
    await refusal(checkOutboundTarget(outbound, 'https://10.0.0.5/'));
  });

  it('turns a refusal into a validation error naming the field', async () => {
    await assert.rejects(assertOutboundUrl(testOutbound(), 'url', 'http://127.1:8090/'), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'validation');
      assert.deepEqual(error.fields, [{ field: 'url', message: 'points to a private or local network address' }]);
      assert.equal(error.message, 'url: points to a private or local network address');
      return true;
    });
  });
});
