import type { Locale } from '../../../platform/i18n.ts';
import { numberFormat } from '../../../lib/intl.ts';

export { StatusTag } from '../../../editorial/index.ts';

export { DateText } from '../../../ui/date-text.tsx';

export function fileSize(locale: Locale, bytes: number): string {
  const units = [
    { unit: 'megabyte', size: 1024 * 1024 },
    { unit: 'kilobyte', size: 1024 },
  ] as const;
  const chosen = units.find((candidate) => bytes >= candidate.size);
  if (!chosen) return numberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'short' }).format(bytes);
  return numberFormat(locale, { style: 'unit', unit: chosen.unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / chosen.size);
}
