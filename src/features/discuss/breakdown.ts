/**
 * Counts of people by stakeholder type or country, published without singling anyone out: a
 * group of fewer than `SMALLEST_SHOWN` is not shown, and when only one group is hidden the next
 * smallest is hidden with it, so that no hidden count follows from the total and the others.
 */

export const SMALLEST_SHOWN = 3;

export interface Breakdown {
  total: number;
  /** Groups shown with their counts, largest first. */
  shown: { value: string; count: number }[];
  /** Some groups are left out (fewer than SMALLEST_SHOWN each, or hidden to protect one that is). */
  hidden: boolean;
}

export function breakdownOf(counts: ReadonlyMap<string, number>): Breakdown {
  const groups = [...counts].filter(([, count]) => count > 0).map(([value, count]) => ({ value, count }));
  groups.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  const shown = groups.filter((group) => group.count >= SMALLEST_SHOWN);
  const hiddenCount = groups.length - shown.length;
  if (hiddenCount === 1 && shown.length > 0) shown.pop();
  return { total, shown, hidden: shown.length < groups.length };
}

/** Adds up rows of (value, count) into a map, for `breakdownOf`. */
export function countsBy<T>(rows: readonly T[], valueOf: (row: T) => string, countOf: (row: T) => number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(valueOf(row), (counts.get(valueOf(row)) ?? 0) + countOf(row));
  return counts;
}
