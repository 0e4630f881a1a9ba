/**
 * The security levels of a national login (`acr`), as ID-porten and Ansattporten name them, lowest first. A level
 * Nivå does not know counts as below every known one.
 */
export const acrLevels = ['idporten-loa-low', 'idporten-loa-substantial', 'idporten-loa-high'] as const;
export type AcrLevel = (typeof acrLevels)[number];

export function isAcrLevel(value: unknown): value is AcrLevel {
  return typeof value === 'string' && (acrLevels as readonly string[]).includes(value);
}

function rank(level: string | null): number {
  return level !== null && isAcrLevel(level) ? acrLevels.indexOf(level) : -1;
}

/** Whether a login at `level` (null or unknown: none) reaches `minimum`. */
export function acrReaches(level: string | null, minimum: AcrLevel): boolean {
  return rank(level) >= rank(minimum);
}
