import type { ContentStatus } from '../../content/kinds.ts';
import type { ViewContext } from '../../platform/context.ts';
import { Tag, type TagVariant } from '../../ui/tag.tsx';

const STATUS_VARIANTS: Record<ContentStatus, TagVariant> = {
  draft: 'muted',
  submitted: 'default',
  in_review: 'default',
  changes_requested: 'warning',
  published: 'success',
  declined: 'danger',
  archived: 'muted',
};

/** Where a submission stands in the workflow, the same for every kind. */
export function StatusTag({ ctx, status }: { ctx: ViewContext; status: ContentStatus }) {
  return <Tag variant={STATUS_VARIANTS[status]}>{ctx.t(`editorial.status.${status}`)}</Tag>;
}
