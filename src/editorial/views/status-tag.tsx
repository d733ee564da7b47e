import type { QueueState } from '../queue.ts';
import type { ViewContext } from '../../platform/context.ts';
import { Tag, type TagVariant } from '../../ui/tag.tsx';

const STATUS_VARIANTS: Record<QueueState, TagVariant> = {
  draft: 'muted',
  submitted: 'default',
  in_review: 'default',
  changes_requested: 'warning',
  changes_pending: 'warning',
  published: 'success',
  declined: 'danger',
  archived: 'muted',
};

/** Where a submission stands in the workflow (or that a change to it waits), the same for every kind. */
export function StatusTag({ ctx, status }: { ctx: ViewContext; status: QueueState }) {
  return <Tag variant={STATUS_VARIANTS[status]}>{ctx.t(`editorial.status.${status}`)}</Tag>;
}
