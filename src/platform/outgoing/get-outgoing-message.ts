import type { OutgoingMessage } from '../db/schema.ts';
import { authorize } from '../services/actor.ts';
import { AppError } from '../services/app-error.ts';
import type { ServiceContext } from '../services/context.ts';

/** One entry of the outgoing-message log with its bodies (operators only). */
export async function getOutgoingMessage(ctx: ServiceContext, { id }: { id: string }): Promise<OutgoingMessage> {
  authorize(ctx.actor, 'job.read');
  const row = await ctx.db.selectFrom('outgoing_messages').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('not-found', 'no such outgoing message');
  return row;
}
