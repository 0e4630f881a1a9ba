import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { PermanentJobError } from '../../../src/platform/jobs/runner.ts';
import { parseAllowList } from '../../../src/platform/net/outbound-allow.ts';
import { OutboundFailedError, outboundRequest } from '../../../src/platform/net/outbound-request.ts';
import {
  checkOutboundTarget,
  outboundPolicy,
  OutboundRefusedError,
  type ResolveHost,
} from '../../../src/platform/net/outbound-url.ts';
import type { OutgoingEntry } from '../../../src/platform/outgoing/record-outgoing-message.ts';
import { postCloudEvent } from '../../../src/platform/webhooks/deliver-webhook.ts';
import { cloudEvent } from '../../helpers/webhook-receiver.ts';
import { publicTestAddress, testOutbound } from '../../helpers/outbound.ts';

interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
}

let server: Server;
let port = 0;
const hits: Hit[] = [];

before(async () => {
  server = createServer((req, res) => {
    hits.push({ path: req.url ?? '', headers: req.headers });
    req.resume();
    if (req.url === '/moved') res.writeHead(302, { location: 'http://10.0.0.5/admin' }).end();
    else if (req.url === '/moved-here') res.writeHead(307, { location: `http://127.0.0.1:${port}/target` }).end();
    else res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(10_000));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

after(() => new Promise((resolve) => server.close(resolve)));

const get = { method: 'GET', timeoutMs: 2_000 } as const;

describe('outboundRequest', () => {
  it('refuses at connection a name that resolves to loopback when loopback is not allowed, asking it nothing', async () => {
    const before = hits.length;
    for (const url of [`http://localhost:${port}/`, `https://localhost:${port}/`]) {
      await assert.rejects(outboundRequest(testOutbound(), url, get), OutboundRefusedError, url);
    }
    const mapped = testOutbound('', { 'hooks.example.no': ['127.0.0.1'] });
    await assert.rejects(outboundRequest(mapped, `https://hooks.example.no:${port}/`, get), OutboundRefusedError);
    assert.equal(hits.length, before);
  });

  it('checks again at each connection: a name that resolved publicly when stored and locally now is refused', async () => {
    let answers = [publicTestAddress];
    const rebinding: ResolveHost = () => Promise.resolve(answers.map((address) => ({ address, family: 4 as const })));
    const policy = outboundPolicy(parseAllowList(''), rebinding);
    await checkOutboundTarget(policy, `https://rebind.example.no:${port}/`);
    answers = ['127.0.0.1'];
    const before = hits.length;
    await assert.rejects(outboundRequest(policy, `https://rebind.example.no:${port}/`, get), OutboundRefusedError);
    assert.equal(hits.length, before);
  });

  it('connects only to the address it checked: the name is resolved once, by the policy, never again by the socket', async () => {
    let lookups = 0;
    const once: ResolveHost = () => {
      lookups += 1;
      // A second answer would be loopback's neighbour, where nothing listens; only the first is checked and used.
      return Promise.resolve(
        lookups === 1 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '127.0.0.2', family: 4 }],
      );
    };
    const policy = outboundPolicy(parseAllowList('127.0.0.0/8'), once);
    const response = await outboundRequest(policy, `http://receiver.test:${port}/pinned?x=1`, {
      ...get,
      maxResponseBytes: 16,
    });
    assert.equal(response.status, 200);
    assert.equal(response.body, 'x'.repeat(16), 'the body only up to the limit');
    assert.equal(lookups, 1);
    const hit = hits.at(-1);
    assert.equal(hit?.path, '/pinned?x=1');
    assert.equal(hit?.headers.host, `receiver.test:${port}`, 'the request still names the host');
  });

  it('returns a redirect as it is, never following it', async () => {
    const before = hits.length;
    const response = await outboundRequest(testOutbound('127.0.0.1'), `http://127.0.0.1:${port}/moved-here`, get);
    assert.equal(response.status, 307);
    assert.deepEqual(
      hits.slice(before).map((h) => h.path),
      ['/moved-here'],
    );
  });

  it('reports a target that does not answer as failed, not refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await assert.rejects(
      outboundRequest(testOutbound('127.0.0.1'), `http://127.0.0.1:${deadPort}/`, get),
      OutboundFailedError,
    );
  });
});

describe('webhook delivery under the policy', () => {
  const logged: OutgoingEntry[] = [];
  const delivery = (url: string, allow = '127.0.0.1') =>
    postCloudEvent({
      url,
      secret: 'whsec_test',
      event: cloudEvent('evt-policy'),
      now: 1_772_442_000_000,
      timeoutMs: 2_000,
      outbound: testOutbound(allow),
      log: { record: (entry) => Promise.resolve(String(logged.push(entry))) },
    });

  it('does not follow a redirect to a private address: the attempt fails, saying so', async () => {
    const before = hits.length;
    await assert.rejects(
      delivery(`http://127.0.0.1:${port}/moved`),
      /answered 302, a redirect to http:\/\/10\.0\.0\.5\/admin; redirects are not followed/,
    );
    await assert.rejects(delivery(`http://127.0.0.1:${port}/moved-here`), /redirects are not followed/);
    assert.deepEqual(
      hits.slice(before).map((h) => h.path),
      ['/moved', '/moved-here'],
      'the redirect targets were never asked',
    );
    assert.deepEqual(
      logged.slice(-2).map((e) => [e.outcome, e.responseStatus]),
      [
        ['failed', 302],
        ['failed', 307],
      ],
      'each attempt is logged with its answer',
    );
  });

  it('dead-letters a delivery the policy refuses, since retrying would be refused as well', async () => {
    await assert.rejects(delivery(`http://127.0.0.1:${port}/hook`, ''), (error: unknown) => {
      assert.ok(error instanceof PermanentJobError);
      assert.match(error.message, /127\.0\.0\.1 \(loopback\)/);
      return true;
    });
    assert.equal(logged.at(-1)?.outcome, 'refused');
    assert.match(logged.at(-1)?.error ?? '', /refused: .*loopback/);
  });

  it('delivers to an allowed receiver', async () => {
    const response = await delivery(`http://127.0.0.1:${port}/hook`);
    assert.equal(response.status, 200);
    assert.equal(hits.at(-1)?.headers['content-type'], 'application/cloudevents+json');
    const entry = logged.at(-1);
    assert.deepEqual([entry?.outcome, entry?.responseStatus, entry?.responseBody?.length], ['delivered', 200, 1_024]);
  });
});
