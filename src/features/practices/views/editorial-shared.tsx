import type { PracticeStatus } from '../../../db/schema/practices.ts';
import type { ViewContext } from '../../../platform/context.ts';
import type { Locale } from '../../../platform/i18n.ts';
import { Tag, type TagVariant } from '../../../ui/tag.tsx';
import { numberFormat } from '../../../lib/intl.ts';

const STATUS_VARIANTS: Record<PracticeStatus, TagVariant> = {
  draft: 'muted',
  submitted: 'default',
  in_review: 'default',
  changes_requested: 'warning',
  published: 'success',
  declined: 'danger',
  archived: 'muted',
};

export function StatusTag({ ctx, status }: { ctx: ViewContext; status: PracticeStatus }) {
  return <Tag variant={STATUS_VARIANTS[status]}>{ctx.t(`practices.status.${status}`)}</Tag>;
}

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
