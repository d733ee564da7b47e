import type { Locale } from '../platform/i18n.ts';
import { numberFormat, dateTimeFormat } from '../lib/intl.ts';
import { timeZoneOf, type DateReader } from './date-text.tsx';

/**
 * `pg` reads a `date` column as local midnight of that day; the day itself is what counts, so it
 * is taken from the local fields and formatted in UTC wherever the server runs.
 */
export function calendarDate(date: Date): Date {
  return new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
}

/** `YYYY-MM-DD` of a `date` column. */
export function isoDate(date: Date): string {
  return calendarDate(date).toISOString().slice(0, 10);
}

function dateFormatter(locale: Locale, style: 'day' | 'month'): Intl.DateTimeFormat {
  return dateTimeFormat(locale, style === 'day' ? { dateStyle: 'long', timeZone: 'UTC' } : { year: 'numeric', month: 'long', timeZone: 'UTC' });
}

/** A `date` column as "15 January 2026" in the reader's language. */
export function formatDay(date: Date, locale: Locale): string {
  return dateFormatter(locale, 'day').format(calendarDate(date));
}

/** A `date` column as "March 2021": periods are rarely known to the day. */
export function formatMonth(date: Date, locale: Locale): string {
  return dateFormatter(locale, 'month').format(calendarDate(date));
}

/** A moment (timestamptz) as the day it was in the reader's time zone. */
export function formatMoment(date: Date, reader: DateReader): string {
  return dateTimeFormat(reader.locale, { dateStyle: 'long', timeZone: timeZoneOf(reader) }).format(date);
}

/** An amount in its currency, "€50,000"; an unknown currency code falls back to "50,000 XYZ". */
export function formatMoney(amount: number, currency: string, locale: Locale): string {
  try {
    return numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: amount % 1 === 0 ? 0 : 2 }).format(amount);
  } catch {
    return `${numberFormat(locale).format(amount)} ${currency}`;
  }
}

export function formatNumber(value: number, locale: Locale, fractionDigits = 0): string {
  return numberFormat(locale, { maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }).format(value);
}

/** File sizes as people read them: "350 kB", "2.4 MB". */
export function formatFileSize(bytes: number, locale: Locale): string {
  const megabytes = bytes / 1_000_000;
  if (megabytes >= 1) {
    return numberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(megabytes);
  }
  return numberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1000));
}

/**
 * The URL if it is an absolute http(s) address, otherwise undefined: `javascript:` and friends
 * must never reach an `href`, whatever the database holds.
 */
export function safeHttpUrl(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Paragraphs of a text block: separated by blank lines; single line breaks stay within one. */
export function paragraphsOf(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0);
}
