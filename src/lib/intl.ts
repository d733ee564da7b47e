/**
 * Shared, memoised Intl formatters. Building one costs far more than using it (tens of
 * microseconds, with locale data lookups), and a page formats many values: make each once per
 * locale and options, for the life of the process.
 */
const cache = new Map<string, Intl.DisplayNames | Intl.NumberFormat | Intl.DateTimeFormat>();

function memoised<T extends Intl.DisplayNames | Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

export function displayNames(locale: string, type: 'language' | 'region'): Intl.DisplayNames {
  return memoised(`names|${locale}|${type}`, () => new Intl.DisplayNames([locale], { type }));
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return memoised(`number|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return memoised(`date|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/** A calendar day (YYYY-MM-DD) in the reader's language; days have no time zone. */
export function dayText(locale: string, on: string): string {
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${on}T00:00:00Z`));
}
