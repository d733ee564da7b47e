/**
 * When a practice counts as possibly ended: nobody has confirmed it runs for two years. The
 * contact is asked once a year, so a two-year silence means at least one unanswered request.
 */

export const CONFIRMATION_INTERVAL_MONTHS = 12;
export const STALE_AFTER_MONTHS = 24;

/** Accepts what the database returns for a `date` column (a Date at local midnight) or `YYYY-MM-DD`. */
export type DateLike = Date | string;

function toDay(value: DateLike): { year: number; month: number; day: number } {
  if (typeof value === 'string') {
    const [year = 0, month = 1, day = 1] = value.slice(0, 10).split('-').map(Number);
    return { year, month: month - 1, day };
  }
  return { year: value.getFullYear(), month: value.getMonth(), day: value.getDate() };
}

function addMonths(value: DateLike, months: number): number {
  const { year, month, day } = toDay(value);
  return Date.UTC(year, month + months, day);
}

function dayOf(value: DateLike): number {
  const { year, month, day } = toDay(value);
  return Date.UTC(year, month, day);
}

/**
 * True when the last confirmation (or, for a practice never confirmed, the date it was
 * published) is two years old or more on `today`. Unknown dates say nothing: false.
 */
export function mayNoLongerRun(lastConfirmedAt: DateLike | null | undefined, today: DateLike = new Date()): boolean {
  if (lastConfirmedAt === null || lastConfirmedAt === undefined) return false;
  return addMonths(lastConfirmedAt, STALE_AFTER_MONTHS) <= dayOf(today);
}

/** `YYYY-MM-DD` of a date column value, read in local time as pg builds it. */
export function isoDay(value: DateLike | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  const { year, month, day } = toDay(value);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
