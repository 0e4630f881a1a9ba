import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { bearer, createTestApp, type TestApp } from '../../helpers/test-app.ts';
import { callerHeaders, createMatrixFixtures } from '../route-matrix-callers.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { startTestTokenIssuer } from '../../helpers/test-token-issuer.ts';
import { machineTokens } from '../route-matrix-machine-callers.ts';
import { type Caller, callers, type Fixtures, routeCases } from '../route-matrix-routes.ts';

export type CampaignCaller = Caller | 'anonymous';
export const campaignCallers: readonly CampaignCaller[] = [...callers, 'anonymous'];
/** Callers acting for owner A or for a party: nothing of owner B may reach them. */
export const ownerCallers: readonly CampaignCaller[] = callers.filter(
  (c) => c.startsWith('owner-') || c.startsWith('party-'),
);

export interface World {
  store: TestStore;
  app: TestApp;
  fx: Fixtures;
  headers: ReadonlyMap<CampaignCaller, Record<string, string>>;
  /** Every `id` per table, after the fixtures of every route were made for both tenants. */
  idsByTable: ReadonlyMap<string, readonly string[]>;
  /** Ids, codes, names, addresses and the planted marker of owner B. */
  secretsOfB: readonly string[];
  destroy(): Promise<void>;
}

interface ColumnInfo {
  table: string;
  columns: Set<string>;
}

async function tableColumns(store: TestStore): Promise<ColumnInfo[]> {
  const tables = await store.db.introspection.getTables();
  return tables
    .filter((t) => !t.name.startsWith('kysely_'))
    .map((t) => ({ table: t.name, columns: new Set(t.columns.map((c) => c.name)) }));
}

// Introspected table and column names are not in the typed schema; raw selects keep this generic.
async function selectIds(store: TestStore, table: string, where?: { column: string; in: readonly string[] }) {
  const text =
    `select cast(id as text) as id from "${table}"` +
    (where
      ? where.in.length === 0
        ? ' where 1 = 0'
        : ` where "${where.column}" in (${where.in.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`
      : '') +
    ' limit 200';
  const { rows } = await sql.raw<{ id: string }>(text).execute(store.db);
  return rows.map((r) => r.id);
}

/**
 * The route matrix's world, filled in: owners A and B, the operator, a session for every role, the API tokens and
 * the test issuer's machine tokens with the same scopes, and every route's own fixtures made for both tenants, so
 * that path parameters can name real rows of either.
 * Owner B's organisation, service, people and cases are renamed to carry a marker nobody else's data contains.
 */
export async function buildWorld(): Promise<World> {
  const store = await createTestStore();
  const issuer = await startTestTokenIssuer();
  // Rate limiters count every request of the campaign; their own tests cover them.
  const { app } = createTestApp(
    store,
    {
      loginRatePerMinute: 1_000_000,
      intakeRatePerMinute: 1_000_000,
      subscribeRatePerHour: 1_000_000,
      ...issuer.config(),
    },
    { names: issuer.names },
  );
  const fx = await createMatrixFixtures(store);

  for (const routeCase of Object.values(routeCases)) {
    await routeCase.own(fx);
    await routeCase.other?.(fx);
  }

  const marker = `Bmark${randomBytes(4).toString('hex')}`;
  const b = fx.b.organisation.id;
  await store.db
    .updateTable('organisations')
    .set({ name: `${marker} etat` })
    .where('id', '=', b)
    .execute();
  await store.db
    .updateTable('services')
    .set({ name: `${marker} tjeneste` })
    .where('organisation_id', '=', b)
    .execute();
  const bUsers = Object.values(fx.b.users).map((u) => u.userId);
  await store.db
    .updateTable('users')
    .set({ name: `${marker} person` })
    .where('id', 'in', bUsers)
    .execute();
  await store.db
    .updateTable('cases')
    .set({ title: `${marker} sak` })
    .where('organisation_id', '=', b)
    .execute();

  const tables = await tableColumns(store);
  const idsByTable = new Map<string, string[]>();
  const idsOfB: string[] = [];
  for (const { table, columns } of tables) {
    if (!columns.has('id')) continue;
    idsByTable.set(table, await selectIds(store, table));
    if (columns.has('organisation_id'))
      idsOfB.push(...(await selectIds(store, table, { column: 'organisation_id', in: [b] })));
  }
  const casesOfB = await selectIds(store, 'cases', { column: 'organisation_id', in: [b] });
  for (const { table, columns } of tables)
    if (columns.has('id') && columns.has('case_id'))
      idsOfB.push(...(await selectIds(store, table, { column: 'case_id', in: casesOfB })));

  const headers = new Map<CampaignCaller, Record<string, string>>([
    ['anonymous', {}],
    ...(await callerHeaders(app, fx)),
  ]);
  for (const [caller, token] of await machineTokens(issuer, fx)) headers.set(caller, bearer(token));
  // A token's first use records when it was used; that write belongs to no request of the campaign.
  for (const caller of ['operator-token', 'owner-token', 'party-token'] as const)
    await app.request('/api/v1/me', { headers: headers.get(caller) ?? {} });

  const secretsOfB = [
    marker,
    fx.b.organisation.code,
    fx.b.organisation.org_number,
    fx.b.service.resource_id,
    fx.b.token.id,
    ...Object.values(fx.b.users).flatMap((u) => [u.userId, u.email]),
    ...idsOfB,
  ];
  return {
    store,
    app,
    fx,
    headers,
    idsByTable,
    secretsOfB: [...new Set(secretsOfB)],
    destroy: async () => {
      await issuer.close();
      await store.destroy();
    },
  };
}
