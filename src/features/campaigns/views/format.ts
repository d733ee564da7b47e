import { dateTimeFormat, numberFormat } from '../../../lib/intl.ts';

/** A calendar day (YYYY-MM-DD) in the reader's language; days have no time zone. */
export function dayText(locale: string, on: string): string {
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${on}T00:00:00Z`));
}

export function amountText(locale: string, value: number): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A budget in its currency; zero is a budget too ("€0"). */
export function budgetText(locale: string, budget: string, currency: string): string {
  return numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(Number(budget));
}
