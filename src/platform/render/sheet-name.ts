const maxSheetName = 31;

/**
 * A sheet name Excel accepts and no other sheet has: at most 31 characters, none of []:*?/\, not starting or ending
 * with an apostrophe, unique ignoring case (as Excel compares them).
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, '-')
      .replace(/^'+|'+$/g, '')
      .slice(0, maxSheetName) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
    const suffix = `-${n}`;
    name = `${base.slice(0, maxSheetName - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}
