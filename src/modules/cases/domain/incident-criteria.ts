import type { IncidentCategory } from '../../../platform/domain/sla/policies.ts';

/**
 * The agreement's 2.1 describes each incident category by criteria and examples; a reporter ticks those that fit and
 * the ids are kept with the registration, so the desk can see why a category was chosen.
 */
export const incidentCriteria: Record<IncidentCategory, readonly string[]> = {
  A: ['a-unavailable', 'a-media', 'a-critical-service', 'a-lawsuit', 'a-life-health', 'a-economic-loss'],
  B: ['b-harder-work', 'b-partial', 'b-slow'],
  C: ['c-non-critical', 'c-workaround'],
};

const known: ReadonlySet<string> = new Set(Object.values(incidentCriteria).flat());

export function isIncidentCriterion(id: string): boolean {
  return known.has(id);
}
