import { refKey, type ContentKinds, type ContentRef } from '../../content/kinds.ts';
import type { Db } from '../../db/client.ts';
import { insertAuditEntry } from '../../platform/audit.ts';
import type { CurrentUser } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { loadPage, type Page } from '../../platform/pagination.ts';
import { can } from '../../platform/permissions.ts';
import { commentSubjectOf } from '../queries.ts';
import { FLAG_DISMISSED, FLAG_REASONS, type EngagementService, type FlagReason } from '../service.ts';
import * as moderationQueries from './queries.ts';
import { EXCERPT_LENGTH, type OpenFlagRow } from './queries.ts';

/**
 * The moderators' queue: what members reported, on items of every kind and on their comments,
 * and the two ways to settle a report, keeping the content (dismiss) or removing the comment.
 * Every settlement is written to the audit log with who did it.
 */

const flagAuditSubject = (id: number): string => `flag:${id}`;

/** What a report is about, as the queue shows it. */
export type FlaggedContent =
  | { kind: 'item'; item: ContentRef }
  | { kind: 'comment'; item: ContentRef; commentId: number; excerpt: string; removed: boolean; authorName: string | null }
  /** A private message a member received and reported: its text is the moderators' to read. */
  | { kind: 'message'; excerpt: string; authorName: string | null }
  /** The item or comment no longer exists: only dismissing is left. */
  | { kind: 'gone' };

export interface OpenFlag {
  id: number;
  /** Null for a reason the queue does not know (it then shows the stored code). */
  reason: FlagReason | null;
  rawReason: string;
  note: string;
  reportedAt: Date;
  /** Null when the reporter deleted their account. */
  reporterName: string | null;
  content: FlaggedContent;
}

/** Cuts a long comment at a word boundary when there is one near the end. */
export function excerptOf(text: string, length: number = EXCERPT_LENGTH): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > length * 0.8 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** The item a report row points at: the reported item, or the one the reported comment is on. */
function itemRefOf(row: OpenFlagRow): { kind: string; id: number } | undefined {
  if (row.subject_kind === 'message') return undefined;
  if (row.subject_kind === 'comment') {
    return row.comment_on_kind !== null && row.comment_on_id !== null ? { kind: row.comment_on_kind, id: row.comment_on_id } : undefined;
  }
  return row.subject_kind !== null && row.subject_id !== null ? { kind: row.subject_kind, id: row.subject_id } : undefined;
}

function flaggedContent(row: OpenFlagRow, items: Map<string, ContentRef>): FlaggedContent {
  if (row.subject_kind === 'message') {
    return row.message_excerpt === null ? { kind: 'gone' } : { kind: 'message', excerpt: excerptOf(row.message_excerpt), authorName: row.message_sender_name };
  }
  const ref = itemRefOf(row);
  const item = ref ? items.get(refKey(ref.kind, ref.id)) : undefined;
  if (!item) return { kind: 'gone' };
  if (row.subject_kind !== 'comment') return { kind: 'item', item };
  if (row.comment_id === null) return { kind: 'gone' };
  return {
    kind: 'comment',
    item,
    commentId: row.comment_id,
    excerpt: excerptOf(row.comment_excerpt ?? ''),
    removed: row.comment_removed_at !== null,
    authorName: row.comment_author_name,
  };
}

/** What a settlement did: false when the report had already been settled (nothing changed). */
export interface Settlement {
  resolved: boolean;
}

export function moderationService({ db, kinds, engagement }: { db: Db; kinds: ContentKinds; engagement: EngagementService }) {
  function checkModerator(actor: CurrentUser): void {
    if (!can(actor, 'content.moderate')) throw new ForbiddenError();
  }

  async function existingFlag(flagId: number) {
    const flag = await moderationQueries.findFlag(db, flagId);
    if (!flag) throw new NotFoundError(`No flag ${flagId}`);
    return flag;
  }

  return {
    /** How many reports wait for a moderator: shown on the review queue. */
    openCount(): Promise<number> {
      return moderationQueries.countOpenFlags(db);
    },

    /** One page of open reports, newest first, each with the item it concerns. */
    async queue(actor: CurrentUser, page: number): Promise<Page<OpenFlag>> {
      checkModerator(actor);
      const list = await loadPage(page, {
        count: () => moderationQueries.countOpenFlags(db),
        rows: (window) => moderationQueries.openFlagsPage(db, window),
      });
      const items = await kinds.resolve(db, list.items.flatMap((row) => itemRefOf(row) ?? []));
      return {
        ...list,
        items: list.items.map((row) => ({
          id: row.id,
          reason: FLAG_REASONS.find((reason) => reason === row.reason) ?? null,
          rawReason: row.reason,
          note: row.note,
          reportedAt: row.created_at,
          reporterName: row.reporter_name,
          content: flaggedContent(row, items),
        })),
      };
    },

    /**
     * Settles a report and keeps the content as it is. Settling a report someone already settled
     * changes nothing: two moderators working the queue at once both end up where they wanted.
     */
    async dismiss(actor: CurrentUser, flagId: number): Promise<Settlement> {
      checkModerator(actor);
      const flag = await existingFlag(flagId);
      const resolved = await db.transaction().execute(async (trx) => {
        if (!(await moderationQueries.resolveFlag(trx, flag.id, actor.id))) return false;
        await insertAuditEntry(trx, {
          actorId: actor.id,
          action: FLAG_DISMISSED,
          subject: flagAuditSubject(flag.id),
          details: { flagged: flag.subject, reason: flag.reason },
        });
        return true;
      });
      return { resolved };
    },

    /**
     * Removes the reported comment (the item page's own removal: it keeps its place with a
     * note) and settles every open report on it, since they are all answered at once. A report
     * already settled changes nothing, so a second click does not remove or log anything again.
     */
    async removeComment(actor: CurrentUser, flagId: number): Promise<Settlement> {
      checkModerator(actor);
      const flag = await existingFlag(flagId);
      if (flag.subject_kind !== 'comment' || flag.subject_id === null) throw new ConflictError(`Flag ${flag.id} is not about a comment`);
      if (flag.resolved_at !== null) return { resolved: false };
      const comment = await commentSubjectOf(db, flag.subject_id);
      const item = comment ? await kinds.get(comment.kind)?.findByIds(db, [comment.subject_id]) : undefined;
      if (!comment || !item?.[0]) throw new NotFoundError(`No comment ${flag.subject_id}`);
      // The report's reason is what the removed comment's placeholder says.
      const { resolvedFlagIds } = await engagement.removeComment(actor, comment.kind, item[0].slug, comment.id, `flag:${flag.reason}`);
      // Another moderator settled this report between our read and now: their action stands alone.
      return { resolved: resolvedFlagIds.includes(flag.id) };
    },
  };
}

export type ModerationService = ReturnType<typeof moderationService>;
