import { sql, type Kysely } from 'kysely';

// A resolved incident whose reporter has not been given the status still owes the duty of clause 2.2, so it belongs
// in the service desk's queue until the duty is met. `in_queue` says so apart from `is_open`, which keeps meaning
// "not resolved" (the public status page counts open incidents by it). Existing rows are filled from their stored
// clocks: an incident-feedback clock that is at risk is exactly a duty owed after resolution.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving app schema
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('in_queue', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update cases set in_queue = 1 where is_open = 1 or exists (
    select 1 from case_clocks c
    where c.case_id = cases.id and c.policy_id = 'incident-feedback' and c.state = 'at-risk'
  )`.execute(db);
  // Owed since the resolution: the queue sorts such a case by that instant, among the deadlines that have passed.
  await sql`update cases set due_order = resolved_at
    where in_queue = 1 and is_open = 0 and resolved_at is not null`.execute(db);
  await db.schema.createIndex('cases_work_queue').on('cases').columns(['in_queue', 'due_order', 'id']).execute();
  await db.schema
    .createIndex('cases_owner_work_queue')
    .on('cases')
    .columns(['organisation_id', 'in_queue', 'due_order', 'id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the evolving app schema
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_owner_work_queue').execute();
  await db.schema.dropIndex('cases_work_queue').execute();
  await db.schema.alterTable('cases').dropColumn('in_queue').execute();
}
