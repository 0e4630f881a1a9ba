import { userInfo } from 'node:os';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { calendarRegistryFrom } from '../calendar-config.ts';
import { systemClock } from '../domain/clock.ts';
import { isRole, roles } from '../domain/roles.ts';
import { seedDemo, demoPassword } from '../demo/seed-demo.ts';
import { systemActor } from '../services/actor.ts';
import { verifyAuditChain } from '../services/audit/verify-audit-chain.ts';
import type { ServiceContext } from '../services/context.ts';
import { getOrganisation } from '../services/organisations/get-organisation.ts';
import { createApiToken } from '../services/tokens/create-api-token.ts';
import { revokeApiToken } from '../services/tokens/revoke-api-token.ts';
import { addMember } from '../services/users/add-member.ts';
import { openStore, type Store } from '../store/database.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { isTokenScope, tokenScopes } from '../domain/roles.ts';
import { print, UsageError } from './output.ts';

export async function withStore<T>(
  work: (store: Store) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const store = openStore(config.databaseUrl, { poolSize: 2 });
  try {
    if (options.migrate !== false) await migrateToLatest(store);
    return await work(store);
  } finally {
    await store.close();
  }
}

export function cliContext(store: Store): ServiceContext {
  return {
    db: store.db,
    dialect: store.dialect,
    clock: systemClock,
    calendars: calendarRegistryFrom(loadConfig().calendarsFile),
    actor: systemActor(`cli:${userInfo().username}`),
    requestId: null,
  };
}

export function registerAdminCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const config = loadConfig();
      const store = openStore(config.databaseUrl, { poolSize: 2 });
      try {
        const { applied } = await migrateToLatest(store);
        print(
          !!opts.json,
          { applied },
          applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date',
        );
      } finally {
        await store.close();
      }
    });

  program
    .command('seed')
    .description('fill an empty database with demo data')
    .requiredOption('--demo', 'the demo organisations, services, components and logins')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const result = await withStore((store) => seedDemo({ store, clock: systemClock }));
      print(
        !!opts.json,
        { seeded: result.seeded, logins: result.logins.map((l) => l.email), password: demoPassword },
        result.seeded
          ? `demo data created; logins use the password ${demoPassword}`
          : 'the database already has data; nothing seeded',
      );
    });

  const user = program.command('user').description('manage user accounts');
  user
    .command('add')
    .description('give a person a role in an organisation, creating the account if new')
    .requiredOption('--email <email>', 'e-mail address (the login name)')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--org <code>', 'organisation code, e.g. skd')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .option('--password-stdin', 'read the initial password from standard input')
    .option('--json', 'machine-readable output')
    .action(
      async (opts: {
        email: string;
        name: string;
        org: string;
        role: string;
        passwordStdin?: boolean;
        json?: boolean;
      }) => {
        if (!isRole(opts.role)) throw new UsageError(`--role: expected one of ${roles.join(', ')}`);
        const role = opts.role;
        const password = opts.passwordStdin ? readFileSync(0, 'utf8').replace(/\r?\n$/, '') : undefined;
        const result = await withStore(async (store) => {
          const ctx = cliContext(store);
          const org = await getOrganisation(ctx, { id: opts.org });
          return addMember(ctx, {
            organisationId: org.id,
            email: opts.email,
            name: opts.name,
            role,
            ...(password ? { password } : {}),
          });
        });
        print(
          !!opts.json,
          { ...result },
          `${result.created ? 'created' : 'updated'} ${opts.email} as ${role} in ${opts.org}`,
        );
      },
    );

  const token = program.command('token').description('manage API tokens');
  token
    .command('create')
    .description('create an API token for an organisation; the secret is printed once')
    .requiredOption('--org <code>', 'organisation code')
    .requiredOption('--name <name>', 'what the token is for')
    .requiredOption('--scopes <list>', `comma-separated: ${Object.keys(tokenScopes).join(', ')}`)
    .option('--expires-days <n>', 'days until it expires')
    .option('--json', 'machine-readable output')
    .action(async (opts: { org: string; name: string; scopes: string; expiresDays?: string; json?: boolean }) => {
      const scopes = opts.scopes
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = scopes.find((s) => !isTokenScope(s));
      if (bad !== undefined) throw new UsageError(`--scopes: unknown scope ${bad}`);
      const expires = opts.expiresDays === undefined ? undefined : Number(opts.expiresDays);
      if (expires !== undefined && !(Number.isInteger(expires) && expires > 0))
        throw new UsageError('--expires-days: a positive whole number');
      const created = await withStore(async (store) => {
        const ctx = cliContext(store);
        const org = await getOrganisation(ctx, { id: opts.org });
        return createApiToken(ctx, {
          organisationId: org.id,
          name: opts.name,
          scopes: scopes.filter(isTokenScope),
          ...(expires ? { expiresInDays: expires } : {}),
        });
      });
      print(
        !!opts.json,
        { id: created.token.id, secret: created.secret, scopes: created.token.scopes.split(' ') },
        created.secret,
      );
    });
  token
    .command('revoke')
    .description('revoke an API token')
    .argument('<id>', 'token id')
    .option('--json', 'machine-readable output')
    .action(async (id: string, opts: { json?: boolean }) => {
      await withStore((store) => revokeApiToken(cliContext(store), { id }));
      print(!!opts.json, { revoked: id }, `revoked ${id}`);
    });

  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description('check the hash chain; exits 1 at the first tampered or missing row')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const report = await withStore((store) => verifyAuditChain({ db: store.db }), { migrate: false });
      print(
        !!opts.json,
        { ...report },
        report.ok
          ? `ok: ${report.checked} events, chain intact`
          : `BROKEN at seq ${report.fault?.seq}: ${report.fault?.kind} (after ${report.checked} good events)`,
      );
      if (!report.ok) process.exitCode = 1;
    });
}
