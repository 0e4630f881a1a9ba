import { PostgresAdapter, sql, type Kysely } from 'kysely';

// A case's external id is its reference in the owner's own system, so it is unique per owner, not platform-wide: a
// platform-wide key let one owner find out which ids another had used (its own attempt answered 200 with a case it
// could not see, where an unused id answered 201). Cases without an owner (the operator's platform incidents) keep
// their ids unique among themselves. Two partial indexes, because NULLs are never equal in a unique key.
//
// PostgreSQL drops the column's constraint. SQLite cannot drop a column's UNIQUE, so it rebuilds the table from its
// own stored definition without it (foreign keys off, inside one transaction, checked before commit), keeping every
// column, index and trigger as it is.

const ownerIndex = sql`create unique index cases_owner_external on cases (organisation_id, external_id)
  where organisation_id is not null`;
const platformIndex = sql`create unique index cases_platform_external on cases (external_id)
  where organisation_id is null`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving app schema
async function rebuildSqliteCasesWithoutGlobalKey(db: Kysely<any>): Promise<void> {
  const table = await sql<{
    sql: string;
  }>`select sql from sqlite_master where type = 'table' and name = 'cases'`.execute(db);
  const definition = table.rows[0]?.sql ?? '';
  const withoutKey = definition.replace(/("external_id"\s+text)\s+unique/i, '$1');
  if (withoutKey === definition) throw new Error('cases.external_id: the UNIQUE to remove was not found');
  const rebuilt = withoutKey.replace(/^create table\s+"?cases"?/i, 'create table "cases_rebuilt"');
  const dependants = await sql<{ sql: string }>`select sql from sqlite_master
    where tbl_name = 'cases' and type in ('index', 'trigger') and sql is not null`.execute(db);
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin`.execute(db);
    try {
      await sql.raw(rebuilt).execute(db);
      await sql`insert into cases_rebuilt select * from cases`.execute(db);
      await sql`drop table cases`.execute(db);
      await sql`alter table cases_rebuilt rename to cases`.execute(db);
      for (const { sql: statement } of dependants.rows) await sql.raw(statement).execute(db);
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length > 0) throw new Error('rebuilding cases broke a foreign key');
      await ownerIndex.execute(db);
      await platformIndex.execute(db);
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see rebuildSqliteCasesWithoutGlobalKey()
export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table cases drop constraint cases_external_id_key`.execute(db);
    await ownerIndex.execute(db);
    await platformIndex.execute(db);
  } else {
    await rebuildSqliteCasesWithoutGlobalKey(db);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index cases_owner_external`.execute(db);
  await sql`drop index cases_platform_external`.execute(db);
  // Fails, as it should, when two owners have since used the same external id.
  await sql`create unique index cases_external_id_global on cases (external_id)`.execute(db);
}
