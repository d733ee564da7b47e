import { DateTime } from 'luxon';
import rrule from 'rrule';

// rrule is published as CommonJS for Node: its named exports are read from the default one.
const { RRule } = rrule;

/**
 * Times of events: what an organiser types is a wall-clock time in a named zone; what is stored is
 * the instant. A series is expanded on the wall clock (every Tuesday at 18:00 stays 18:00 across a
 * change to summer time) and each occurrence is then placed in its zone.
 */

/** Occurrences written ahead for an open-ended series. */
export const SERIES_HORIZON_DAYS = 400;
/** No series writes more occurrences than this. */
export const SERIES_MAX_OCCURRENCES = 104;
const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";
const RULE_PART = /^(FREQ|INTERVAL|COUNT|UNTIL|BYDAY|BYMONTHDAY|BYSETPOS|WKST)=[A-Z0-9,+-]{1,60}$/;

/** `2026-12-10T18:00` in `zone` as an instant, or undefined for text that is no such time. */
export function instantOf(local: string, zone: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return undefined;
  const time = DateTime.fromFormat(local, LOCAL_FORMAT, { zone });
  return time.isValid ? time.toJSDate() : undefined;
}

/** The wall-clock time of an instant in `zone`, as a datetime-local field shows it. */
export function localInputOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat(LOCAL_FORMAT);
}

/**
 * A recurrence rule as organisers write it (`FREQ=WEEKLY;BYDAY=TU;COUNT=8`), or undefined when it
 * is not one we expand: daily, weekly, monthly or yearly, without a DTSTART of its own.
 */
export function recurrenceRuleOf(text: string): string | undefined {
  const rule = text.trim().toUpperCase().replace(/^RRULE:/, '');
  if (!rule) return undefined;
  const parts = rule.split(';');
  if (!parts.every((part) => RULE_PART.test(part))) return undefined;
  if (!/(^|;)FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;|$)/.test(rule)) return undefined;
  try {
    RRule.fromString(`RRULE:${rule}`);
    return rule;
  } catch {
    return undefined;
  }
}

export interface Occurrence {
  /** Where the occurrence falls by the rule: the key that keeps a cancellation or a move. */
  originalStart: Date;
  startsAt: Date;
  endsAt: Date;
}

/** Every occurrence of an event: the single one, or the series' up to its end or the horizon. */
export function occurrencesOf(event: { startsAt: Date; endsAt: Date; timeZone: string; recurrence: string | null }, now = new Date()): Occurrence[] {
  const duration = event.endsAt.getTime() - event.startsAt.getTime();
  if (!event.recurrence) return [{ originalStart: event.startsAt, startsAt: event.startsAt, endsAt: event.endsAt }];
  const wall = DateTime.fromJSDate(event.startsAt, { zone: event.timeZone });
  // rrule counts in UTC: the wall-clock time is handed to it as if it were UTC ("floating").
  const floatingStart = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute));
  const options = RRule.parseString(event.recurrence);
  const rule = new RRule({ ...options, dtstart: floatingStart });
  const horizon = new Date(Math.max(now.getTime(), event.startsAt.getTime()) + SERIES_HORIZON_DAYS * 86_400_000);
  const floating = rule.between(floatingStart, horizon, true, (_date, index) => index < SERIES_MAX_OCCURRENCES);
  return floating.map((date) => {
    const start = DateTime.fromObject(
      { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes() },
      { zone: event.timeZone },
    ).toJSDate();
    return { originalStart: start, startsAt: start, endsAt: new Date(start.getTime() + duration) };
  });
}

export interface Month {
  year: number;
  month: number;
}

export const thisMonth = (today: Date): Month => ({ year: today.getUTCFullYear(), month: today.getUTCMonth() + 1 });

/** The month a query names (`2026-12`), this month when it names none, undefined when it is no month. */
export function monthOf(text: string | undefined, today: Date): Month | undefined {
  if (text === undefined || text === '') return thisMonth(today);
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return undefined;
  return { year, month };
}
