import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import ts from 'typescript';
import { loadConfig } from '../../../src/platform/config/config.ts';
import { builtInCalendars } from '../../../src/platform/domain/calendar/calendar-registry.ts';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { defaultJobHandlers, jobRegistrations, mailNotConfigured } from '../../../src/app/job-handlers.ts';
import type { JobKind } from '../../../src/platform/jobs/job-kinds.ts';
import { openRuntime, type Runtime } from '../../../src/app/runtime.ts';
import { caseEmailJob } from '../../../src/modules/cases/services/queue-case-notice.ts';
import { registerCase } from '../../../src/modules/cases/services/register-case.ts';
import { enqueueJob } from '../../../src/platform/jobs/enqueue-job.ts';
import {
  generateServiceReport,
  reportEmailJob,
} from '../../../src/modules/reports/services/generate-service-report.ts';
import { builtInCatalogue } from '../../../src/modules/usage/services/usage-settings.ts';
import { createOperator, createTenant, systemContext, testEpoch } from '../../helpers/factories.ts';
import { testConfig } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { testOutbound } from '../../helpers/outbound.ts';

const srcDir = path.resolve(import.meta.dirname, '../../../src');
const enqueueFile = path.join('platform', 'jobs', 'enqueue-job.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function walk(node: ts.Node, visit: (node: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function stringValue(node: ts.Node): string | null {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null;
}

interface QueuedKinds {
  /** Every kind passed to `enqueueJob` anywhere in src, with where. */
  kinds: Map<string, string[]>;
  /** `enqueueJob` calls whose kind the scan cannot tell (neither a string literal nor a string constant). */
  unresolved: string[];
  /** Files other than enqueue-job.ts that write to the jobs table themselves. */
  directInserts: string[];
  /** The kinds declared in `interface JobKinds` (the platform's and every module's augmentation), with where. */
  declared: Map<string, string[]>;
}

/**
 * Reads src for the job kinds the code can queue: the `kind` of every `enqueueJob(trx, ctx, { kind, … })` call, as a
 * string literal or a string constant declared anywhere in src. Every write to the jobs table must go through
 * `enqueueJob`, so those calls are all there is.
 */
function scanQueuedKinds(): QueuedKinds {
  const files = sourceFiles(srcDir).map((file) => {
    const text = readFileSync(file, 'utf8');
    const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    return {
      rel: path.relative(srcDir, file),
      text,
      ast: ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, kind),
    };
  });

  const constants = new Map<string, Set<string>>();
  for (const { ast } of files)
    walk(ast, (node) => {
      if (!ts.isVariableDeclarationList(node) || (node.flags & ts.NodeFlags.Const) === 0) return;
      for (const decl of node.declarations) {
        const value = decl.initializer && stringValue(decl.initializer);
        if (!ts.isIdentifier(decl.name) || value == null) continue;
        constants.set(decl.name.text, (constants.get(decl.name.text) ?? new Set()).add(value));
      }
    });

  const result: QueuedKinds = { kinds: new Map(), unresolved: [], directInserts: [], declared: new Map() };
  for (const { rel, text, ast } of files) {
    walk(ast, (node) => {
      if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'JobKinds') return;
      for (const member of node.members) {
        const name = member.name && (ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(ast));
        if (name) result.declared.set(name, [...(result.declared.get(name) ?? []), rel]);
      }
    });
    if (rel !== enqueueFile && /insert\s+into\s+["`]?jobs\b/i.test(text)) result.directInserts.push(`${rel} (SQL)`);
    walk(ast, (node) => {
      if (!ts.isCallExpression(node)) return;
      const where = `${rel}:${ast.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      if (name === 'insertInto' && node.arguments[0] && stringValue(node.arguments[0]) === 'jobs') {
        if (rel !== enqueueFile) result.directInserts.push(where);
        return;
      }
      if (name !== 'enqueueJob') return;
      const request = node.arguments[2];
      const property =
        request && ts.isObjectLiteralExpression(request)
          ? request.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'kind')
          : undefined;
      let kind: string | null = null;
      if (property && ts.isPropertyAssignment(property)) {
        const init = property.initializer;
        kind = stringValue(init);
        if (kind === null && ts.isIdentifier(init)) {
          const values = constants.get(init.text);
          if (values?.size === 1) kind = [...values][0] ?? null;
        }
      }
      if (kind === null) result.unresolved.push(where);
      else result.kinds.set(kind, [...(result.kinds.get(kind) ?? []), where]);
    });
  }
  return result;
}

function handlersFor(smtpUrl: string | null, store: TestStore) {
  return defaultJobHandlers({
    store,
    clock: fixedClock(testEpoch),
    calendars: builtInCalendars(),
    smtpUrl,
    mailFrom: 'Nivå <noreply@niva.test>',
    publicUrl: 'https://niva.test',
    linkSecret: 'job-kinds-test-link-secret',
    outbound: testOutbound(),
  });
}

let store: TestStore;

before(async () => {
  store = await createTestStore();
});
after(() => store.destroy());

describe('job kinds', () => {
  const scan = scanQueuedKinds();

  it('are found in src: every enqueueJob call names its kind, and nothing else writes jobs', () => {
    assert.deepEqual(scan.unresolved, [], 'enqueueJob calls whose kind is not a string literal or constant');
    assert.deepEqual(scan.directInserts, [], 'jobs rows written without enqueueJob');
    // The scan itself works: it finds the kinds queued by cases, status subscriptions and reports.
    for (const kind of [caseEmailJob, reportEmailJob, 'webhook.deliver', 'status.email', 'status.webhook'])
      assert.ok(scan.kinds.has(kind), `the scan finds ${kind}`);
  });

  it('queued in src are all declared in JobKinds, each once', () => {
    for (const [kind, where] of scan.kinds)
      assert.ok(scan.declared.has(kind), `${kind} (queued at ${where.join(', ')}) is not declared in JobKinds`);
    for (const [kind, where] of scan.declared)
      assert.equal(where.length, 1, `${kind} is declared in ${where.join(', ')}`);
    assert.ok(scan.declared.has('email.send') && scan.declared.has(caseEmailJob), 'the scan finds the declarations');
  });

  for (const smtpUrl of [null, 'smtp://127.0.0.1:2525']) {
    it(`all have a handler ${smtpUrl ? 'with' : 'without'} an SMTP URL`, () => {
      const handlers: Readonly<Record<string, unknown>> = handlersFor(smtpUrl, store);
      for (const kind of new Set([...scan.declared.keys(), ...scan.kinds.keys()]))
        assert.equal(typeof handlers[kind], 'function', `no handler for ${kind}`);
      assert.deepEqual(Object.keys(handlers).sort(), [...scan.declared.keys()].sort(), 'and none for another kind');
    });
  }
});

describe('in production without NIVA_SMTP_URL', () => {
  const clock = fixedClock(testEpoch);
  let runtime: Runtime;

  before(async () => {
    // `niva serve` and `niva worker` refuse to start so (test/app/cli/outgoing-serve.test.ts); a runtime opened
    // anyway still sends nothing.
    runtime = await openRuntime(testConfig({ databaseUrl: store.url, smtpUrl: null, environment: 'production' }), {
      clock,
      logger: pino({ level: 'silent' }),
      migrate: false,
    });
    // The first tick runs the periodic tasks (the monthly report run among them); on a fixed clock, later ticks only
    // claim jobs.
    await runtime.jobs.tick();
  });
  after(() => runtime.close());

  it('e-mail jobs end dead at their first attempt, naming the missing setting', async () => {
    const ctx = systemContext(runtime.store, clock);
    await createOperator(runtime.store);
    const tenant = await createTenant(runtime.store);
    await runtime.store.db
      .insertInto('report_subscriptions')
      .values({ id: randomUUID(), owner_id: '', email: 'abonnent@test.niva.no', lang: 'nb', created_at: testEpoch })
      .execute();
    const settings = { contacts: loadConfig({}).reportContacts, catalogue: builtInCatalogue };
    await generateServiceReport(ctx, { month: '2026-02' }, settings);
    await registerCase(ctx, {
      organisationId: tenant.organisation.id,
      kind: 'incident',
      category: 'B',
      title: 'Innlogging feiler',
      reporterEmail: 'melder@test.niva.no',
    });
    // The other e-mail kinds, too: each refuses before it reads its payload.
    const mailJobKinds: readonly JobKind[] = jobRegistrations.filter((r) => r.sendsMail).map((r) => r.kind);
    assert.ok(mailJobKinds.includes(caseEmailJob) && !mailJobKinds.includes('webhook.deliver'));
    await runtime.store.db.transaction().execute(async (trx) => {
      for (const kind of mailJobKinds) await enqueueJob(trx, ctx, { kind, payload: {} });
    });

    const queued = await runtime.store.db.selectFrom('jobs').selectAll().execute();
    assert.ok(queued.some((j) => j.kind === reportEmailJob && j.payload.includes('abonnent@test.niva.no')));
    assert.ok(queued.some((j) => j.kind === caseEmailJob && j.payload.includes('melder@test.niva.no')));
    while ((await runtime.jobs.tick()) > 0);

    const jobs = await runtime.store.db.selectFrom('jobs').selectAll().execute();
    assert.equal(jobs.length, queued.length);
    for (const job of jobs) {
      assert.ok((mailJobKinds as readonly string[]).includes(job.kind), `only e-mail jobs were queued: ${job.kind}`);
      assert.deepEqual(
        [job.kind, job.status, job.attempts, job.last_error],
        [job.kind, 'dead', 1, mailNotConfigured],
        'dead at once, not retried until max_attempts',
      );
      assert.ok(job.max_attempts > 1);
    }
    assert.equal(mailNotConfigured, 'e-mail is not configured: set NIVA_SMTP_URL');
  });
});
