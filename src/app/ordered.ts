import type { Ordered } from '../platform/module-manifest.ts';

/** Every module's contributions of one kind, sorted by `order`; the sort is stable, so equal orders keep list order. */
export function ordered<Contribution extends Ordered>(
  lists: readonly (readonly Contribution[] | undefined)[],
): Contribution[] {
  return lists.flatMap((list) => list ?? []).sort((a, b) => a.order - b.order);
}
