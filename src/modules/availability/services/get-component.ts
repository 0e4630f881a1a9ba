import { authorize } from '../../../platform/services/actor.ts';
import type { ServiceContext } from '../../../platform/services/context.ts';
import type { Component } from '../../../platform/db/schema.ts';
import { findComponent } from './availability-access.ts';

/** One platform component by id or code; components are shared by every tenant, like `listComponents`. */
export async function getComponent(ctx: ServiceContext, { id }: { id: string }): Promise<Component> {
  authorize(ctx.actor, 'component.read');
  return findComponent(ctx.db, id);
}
