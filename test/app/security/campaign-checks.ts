import type { CampaignCaller } from './campaign-world.ts';
import type { GeneratedRequest } from './campaign-requests.ts';

export interface Observed {
  caller: CampaignCaller;
  request: GeneratedRequest;
  status: number;
  contentType: string;
  text: string;
  /** Tables whose fingerprint changed while the request ran. */
  written: readonly string[];
}

const fieldFirst = /^[^\s:]+:/;

/** What is wrong with a 4xx answer as a problem document (RFC 9457 with Nivå's `code`). */
function problemDocumentFaults(observed: Observed): string[] {
  if (!observed.contentType.includes('application/problem+json'))
    return [`${observed.status} answered as ${observed.contentType || '(no content type)'}, not a problem document`];
  let parsed: unknown;
  try {
    parsed = JSON.parse(observed.text);
  } catch {
    return ['problem document is not JSON'];
  }
  if (parsed === null || typeof parsed !== 'object') return ['problem document is not an object'];
  const problem = parsed as Record<string, unknown>;
  const faults = (['type', 'title', 'detail', 'code'] as const)
    .filter((key) => typeof problem[key] !== 'string' || problem[key] === '')
    .map((key) => `problem document without ${key}`);
  if (problem.status !== observed.status) faults.push(`problem status ${String(problem.status)} ≠ ${observed.status}`);
  if (observed.status === 400 && problem.code === 'validation') {
    const errors = Array.isArray(problem.errors) ? (problem.errors as { field?: unknown }[]) : [];
    const named = errors.some((e) => typeof e.field === 'string' && e.field.length > 0);
    if (!named && !fieldFirst.test(String(problem.detail))) faults.push('validation problem names no field');
  }
  return faults;
}

function requestText(request: GeneratedRequest): string {
  if (request.body === null) return '';
  if (request.body.type === 'text') return request.body.text;
  if (request.body.type === 'bytes') return Buffer.from(request.body.bytes).toString('latin1');
  return JSON.stringify(request.body);
}

/**
 * Owner B's secrets found in what an owner-A caller got back. A refusal may quote what the caller sent (the path in
 * `instance`, a value in `detail`); a success may quote the path, but nothing of B's that the caller did not name
 * in it.
 */
export function leakedSecrets(observed: Observed, secrets: readonly string[]): string[] {
  const path = `/api/v1${observed.request.path.split('?')[0] ?? ''}`;
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A deliberately malformed escape stays as sent.
  }
  const text = observed.text.split(path).join('').split(decoded).join('');
  const sent = observed.status >= 400 ? `${observed.request.path}\n${requestText(observed.request)}` : '';
  return secrets.filter((s) => text.includes(s) && !sent.includes(s));
}

export function faultsOf(observed: Observed, secrets: readonly string[] | null): string[] {
  const faults: string[] = [];
  if (observed.status >= 500) faults.push(`server error ${observed.status}`);
  if (observed.status >= 400 && observed.status < 500) {
    faults.push(...problemDocumentFaults(observed));
    if (observed.written.length > 0) faults.push(`refused but wrote: ${observed.written.join(', ')}`);
  }
  if (secrets) {
    const leaked = leakedSecrets(observed, secrets);
    if (leaked.length > 0) faults.push(`owner B's data reached ${observed.caller}: ${leaked.join(', ')}`);
  }
  return faults;
}

const clip = (text: string, max: number): string =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;

/** A failing case as someone reproducing it needs it: who sent what, and what came back. */
export function describeCase(observed: Observed, faults: readonly string[], replay: string): string {
  const { request } = observed;
  const body =
    request.body === null
      ? '(none)'
      : request.body.type === 'upload'
        ? `multipart ${JSON.stringify({ fileName: request.body.fileName, content: request.body.content, fields: request.body.fields })}`
        : request.body.type === 'bytes'
          ? `bytes ${clip(Buffer.from(request.body.bytes).toString('hex'), 400)}`
          : clip(JSON.stringify(request.body.text), 600);
  return [
    `✗ ${request.method} ${request.path.length > 300 ? clip(request.path, 300) : request.path} as ${observed.caller} [${request.kind}] (${replay})`,
    `  faults: ${faults.join('; ')}`,
    `  content-type: ${request.contentType ?? '(none)'}`,
    `  body: ${body}`,
    `  → ${observed.status} ${observed.contentType} ${clip(observed.text, 800)}`,
  ].join('\n');
}
