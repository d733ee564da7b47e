import type { ContentStatus } from '../../content/kinds.ts';
import { personalPart, type PersonalPart } from '../../platform/personal-parts.tsx';

/** What an authored item's edit link needs: its author and state decide who may edit it. */
export interface EditLinkData {
  slug: string;
  /** Whether this member may edit: filled per member by the route's personalise step. */
  canEdit: boolean;
  row: { status: ContentStatus; author_id: number | null };
}

/**
 * The "Edit" link of an item's page, rendered apart for each member (platform/personal-parts.tsx):
 * the shared page shows it to nobody, each member's copy to those who may edit.
 */
export function editLinkPart(name: string, editPath: (slug: string) => string, labelKey: string): PersonalPart<EditLinkData> {
  return personalPart<EditLinkData>(name, (ctx, { slug, canEdit }) =>
    canEdit ? (
      <p>
        <a href={ctx.href(editPath(slug))}>{ctx.t(labelKey)}</a>
      </p>
    ) : null,
  );
}
