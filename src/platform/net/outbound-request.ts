import type { LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { checkOutboundTarget, type OutboundPolicy, type ResolvedAddress } from './outbound-url.ts';

export interface OutboundRequestInit {
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** How much of the answer's body to keep; the rest is not read. 0 (the default): none. */
  maxResponseBytes?: number;
}

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Sends one request; the runtime binds it to the policy, tests may stub it. */
export type OutboundSend = (url: string, init: OutboundRequestInit) => Promise<OutboundResponse>;

/** The target could not be reached or did not answer in time (DNS at connect, refused, TLS, timeout, reset). */
export class OutboundFailedError extends Error {
  override name = 'OutboundFailedError';
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` that answers only with the addresses the policy checked, so a name that resolves differently between
 * the check and the connection (DNS rebinding) still reaches a checked address or nothing.
 */
function pinnedLookup(checked: readonly ResolvedAddress[]) {
  return (_hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    const wanted = checked.filter((a) => !options.family || a.family === options.family);
    const first = wanted[0];
    if (!first) {
      const error: NodeJS.ErrnoException = new Error('no checked address of the wanted family');
      error.code = 'ENOTFOUND';
      callback(error, []);
      return;
    }
    if (options.all)
      callback(
        null,
        wanted.map((a) => ({ address: a.address, family: a.family })),
      );
    else callback(null, first.address, first.family);
  };
}

function readBody(response: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (limit <= 0) {
      response.destroy();
      resolve('');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) {
        response.destroy();
        resolve(Buffer.concat(chunks).subarray(0, limit).toString('utf8'));
      }
    });
    response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.on('error', reject);
  });
}

/**
 * Makes one HTTP request under the outbound policy: the target is checked (throwing `OutboundRefusedError`), the
 * connection goes to a checked address, and a redirect is returned as it is, never followed, since its target was
 * never checked. Failures of the target are `OutboundFailedError`.
 */
export async function outboundRequest(
  policy: OutboundPolicy,
  url: string,
  init: OutboundRequestInit,
): Promise<OutboundResponse> {
  const target = await checkOutboundTarget(policy, url);
  const https = target.url.protocol === 'https:';
  const body = init.body === undefined ? undefined : Buffer.from(init.body, 'utf8');
  const signal = AbortSignal.timeout(init.timeoutMs);
  try {
    return await new Promise<OutboundResponse>((resolve, reject) => {
      const request = (https ? httpsRequest : httpRequest)(
        {
          host: target.host,
          port: target.url.port === '' ? undefined : Number(target.url.port),
          path: `${target.url.pathname}${target.url.search}`,
          method: init.method,
          headers: { ...init.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
          // A fresh connection each time: a pooled one may have been opened for a different check.
          agent: false,
          lookup: pinnedLookup(target.addresses),
          // TLS checks the certificate against the name, not the address connected to.
          ...(https && isIP(target.host) === 0 ? { servername: target.host } : {}),
          signal,
        },
        (response) => {
          readBody(response, init.maxResponseBytes ?? 0).then(
            (text) => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
            reject,
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  } catch (error) {
    const reason = signal.aborted
      ? `no answer within ${init.timeoutMs} ms`
      : error instanceof Error
        ? ((error as NodeJS.ErrnoException).code ?? error.message)
        : String(error);
    throw new OutboundFailedError(`${target.url.origin} could not be reached: ${reason}`, { cause: error });
  }
}

export function outboundSender(policy: OutboundPolicy): OutboundSend {
  return (url, init) => outboundRequest(policy, url, init);
}
