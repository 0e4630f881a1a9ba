import { authorize } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import type { Component } from '../../../platform/db/schema.ts';

/** Platform components are shared by every tenant, so any actor allowed to read components sees all of them. */
export async function listComponents(ctx: ServiceContext): Promise<Component[]> {
  authorize(ctx.actor, 'component.read');
  return ctx.db.selectFrom('components').selectAll().orderBy('name').execute();
}
