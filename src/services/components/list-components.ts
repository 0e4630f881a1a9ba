import { authorize } from '../actor.ts';
import type { ServiceContext } from '../context.ts';
import type { Component } from '../../store/schema.ts';

/** Platform components are shared by every tenant, so any actor allowed to read components sees all of them. */
export async function listComponents(ctx: ServiceContext): Promise<Component[]> {
  authorize(ctx.actor, 'component.read');
  return ctx.db.selectFrom('components').selectAll().orderBy('name').execute();
}
