import type { ServiceContext } from '../../../platform/services/context.ts';

type Db = ServiceContext['db'];

export interface BillableOwner {
  id: string;
  code: string;
  name: string;
  orgNumber: string;
  contactEmail: string;
}

/** The service-owner organisations, by id. */
export async function billableOwners(db: Db): Promise<Map<string, BillableOwner>> {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'code', 'name', 'org_number', 'contact_email'])
    .where('kind', '=', 'owner')
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, code: r.code, name: r.name, orgNumber: r.org_number, contactEmail: r.contact_email },
    ]),
  );
}
