import { numberFormat } from '../../../lib/intl.ts';

export { dayText } from '../../../lib/intl.ts';

export function amountText(locale: string, value: number): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A budget in its currency; zero is a budget too ("€0"). */
export function budgetText(locale: string, budget: string, currency: string): string {
  return numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(Number(budget));
}
