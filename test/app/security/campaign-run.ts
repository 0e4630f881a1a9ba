import fc from 'fast-check';
import { describeCase, faultsOf, type Observed } from './campaign-checks.ts';
import {
  campaignScope,
  type GeneratedRequest,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  requestArbitrary,
} from './campaign-requests.ts';
import { type CampaignCaller, campaignCallers, ownerCallers, type World } from './campaign-world.ts';
import { differences, fingerprinter } from './db-fingerprint.ts';

export interface CampaignOptions {
  seed: number;
  /** Requests per route and caller. */
  runs: number;
  /** Only routes ("METHOD /template") and callers containing these. */
  route?: string | undefined;
  caller?: string | undefined;
}

export interface CampaignFigures {
  seed: number;
  runs: number;
  sent: number;
  byClass: Record<string, number>;
  routes: number;
  routesInDocument: number;
  /** Routes where some caller got past validation and authorization at least once. */
  routesWithSuccess: number;
  callers: number;
  failures: string[];
  failedCases: number;
  milliseconds: number;
}

function wire(request: GeneratedRequest, headers: Record<string, string>): RequestInit {
  const all: Record<string, string> = { ...headers };
  if (request.contentType !== undefined) all['content-type'] = request.contentType;
  const { body } = request;
  if (body === null) return { method: request.method, headers: all };
  if (body.type === 'text') return { method: request.method, headers: all, body: body.text };
  if (body.type === 'bytes') return { method: request.method, headers: all, body: body.bytes };
  // A multipart body brings its own content type (with the boundary), unless the case is about a wrong one.
  const form = new FormData();
  if (body.fileName !== null) form.set('file', new File([body.content], body.fileName, { type: 'text/plain' }));
  for (const [k, v] of Object.entries(body.fields)) form.set(k, v);
  return { method: request.method, headers: all, body: form };
}

/** A seed per route and caller, so that one pair can be replayed alone with the same figures. */
function pairSeed(seed: number, route: string, caller: CampaignCaller): number {
  let h = seed | 0;
  for (const ch of `${route} ${caller}`) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) | 0;
  return h;
}

/**
 * Sends generated requests to every route of the OpenAPI document as every caller and checks each answer: no 5xx,
 * every 4xx a problem document (a validation problem naming a field), nothing of owner B reaching owner A's callers,
 * and nothing written by a refused request. Requests run one at a time, so the database's change between two
 * fingerprints is the request's own.
 */
export async function runCampaign(world: World, options: CampaignOptions): Promise<CampaignFigures> {
  const started = performance.now();
  const doc = (await (await world.app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
  const scope = campaignScope(world, doc);
  const all = operationsOf(doc);
  const operations = all.filter((op: Operation) => !options.route || op.route.includes(options.route));
  const callersRun = campaignCallers.filter((c) => !options.caller || c === options.caller);
  const fingerprint = await fingerprinter(world.store);
  const figures: CampaignFigures = {
    seed: options.seed,
    runs: options.runs,
    sent: 0,
    byClass: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 },
    routes: operations.length,
    routesInDocument: all.length,
    routesWithSuccess: 0,
    callers: callersRun.length,
    failures: [],
    failedCases: 0,
    milliseconds: 0,
  };
  let before = await fingerprint.explain();
  for (const op of operations) {
    let succeeded = false;
    for (const caller of callersRun) {
      const seed = pairSeed(options.seed, op.route, caller);
      const requests = fc.sample(requestArbitrary(op, world, scope), { seed, numRuns: options.runs });
      for (const [index, request] of requests.entries()) {
        const response = await world.app.request(
          `/api/v1${request.path}`,
          wire(request, world.headers.get(caller) ?? {}),
        );
        const text = await response.text();
        const after = await fingerprint.explain();
        const observed: Observed = {
          caller,
          request,
          status: response.status,
          contentType: response.headers.get('content-type') ?? '',
          text,
          written: differences(before, after),
        };
        before = after;
        figures.sent++;
        const statusClass = `${Math.floor(response.status / 100)}xx`;
        figures.byClass[statusClass] = (figures.byClass[statusClass] ?? 0) + 1;
        if (response.status < 300) succeeded = true;
        const faults = faultsOf(observed, ownerCallers.includes(caller) ? world.secretsOfB : null);
        if (faults.length > 0) {
          figures.failedCases++;
          const replay = `FUZZ_SEED=${options.seed} FUZZ_RUNS=${options.runs} FUZZ_ROUTE='${op.route}' FUZZ_CALLER=${caller}, case ${index + 1}`;
          figures.failures.push(describeCase(observed, faults, replay));
        }
      }
    }
    if (succeeded) figures.routesWithSuccess++;
  }
  figures.milliseconds = Math.round(performance.now() - started);
  return figures;
}

export function summary(figures: CampaignFigures): string {
  const classes = Object.entries(figures.byClass)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    `security campaign: seed ${figures.seed}, ${figures.runs} request(s) per route and caller`,
    `  requests sent: ${figures.sent} (${classes}) in ${(figures.milliseconds / 1000).toFixed(1)} s`,
    `  routes covered: ${figures.routes} of ${figures.routesInDocument} (${figures.routesWithSuccess} answered 2xx at least once), callers: ${figures.callers}`,
    `  failures: ${figures.failedCases}`,
  ].join('\n');
}
