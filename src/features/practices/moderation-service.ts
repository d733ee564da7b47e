import { insertAuditEntry } from '../../platform/audit.ts';
import { FLAG_DISMISSED } from './moderation-actions.ts';

export { COMMENT_REMOVED, FLAG_DISMISSED } from './moderation-actions.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { loadPage, type Page } from '../../platform/pagination.ts';
import * as moderationQueries from './moderation-queries.ts';
import { COMMENT_SUBJECT, EXCERPT_LENGTH, type OpenFlagRow } from './moderation-queries.ts';
import { FLAG_REASONS, practicePageService, type FlagReason } from './page-service.ts';
import { isEditor } from './policies.ts';

/**
 * The editors' moderation queue: what members reported on practices and comments, and the two
 * ways to settle a report, keeping the content (dismiss) or removing the comment. Every
 * settlement is written to the audit log with who did it.
 */


const flagAuditSubject = (id: number): string => `flag:${id}`;

/** What a flag is about, as the queue shows it. */
export type FlaggedContent =
  | { kind: 'practice'; practice: FlaggedPractice }
  | { kind: 'comment'; practice: FlaggedPractice; commentId: number; excerpt: string; removed: boolean; authorName: string | null }
  /** The practice or comment no longer exists: only dismissing is left. */
  | { kind: 'gone' };

export interface FlaggedPractice {
  slug: string;
  title: string;
  language: string;
  /** Comments can be removed only while the practice is published (`page-service.ts`). */
  published: boolean;
}

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

function flaggedContent(row: OpenFlagRow): FlaggedContent {
  if (row.practice_slug === null || row.practice_title === null || row.practice_language === null) return { kind: 'gone' };
  const practice = { slug: row.practice_slug, title: row.practice_title, language: row.practice_language, published: row.practice_status === 'published' };
  if (!COMMENT_SUBJECT.test(row.subject)) return { kind: 'practice', practice };
  if (row.comment_id === null) return { kind: 'gone' };
  return {
    kind: 'comment',
    practice,
    commentId: row.comment_id,
    excerpt: excerptOf(row.comment_excerpt ?? ''),
    removed: row.comment_removed_at !== null,
    authorName: row.comment_author_name,
  };
}

function openFlagOf(row: OpenFlagRow): OpenFlag {
  return {
    id: row.id,
    reason: FLAG_REASONS.find((reason) => reason === row.reason) ?? null,
    rawReason: row.reason,
    note: row.note,
    reportedAt: row.created_at,
    reporterName: row.reporter_name,
    content: flaggedContent(row),
  };
}

/** What a settlement did: false when the report had already been settled (nothing changed). */
export interface Settlement {
  resolved: boolean;
}

export function moderationService(deps: AppDeps) {
  const { db } = deps;
  const pages = practicePageService(deps);

  function checkEditor(actor: CurrentUser): void {
    if (!isEditor(actor)) throw new ForbiddenError();
  }

  async function existingFlag(flagId: number) {
    const flag = await moderationQueries.findFlag(db, flagId);
    if (!flag) throw new NotFoundError(`No flag ${flagId}`);
    return flag;
  }

  return {
    /** How many reports wait for an editor: shown on the review queue. */
    openCount(): Promise<number> {
      return moderationQueries.countOpenFlags(db);
    },

    /** One page of open reports, newest first. */
    async queue(actor: CurrentUser, page: number): Promise<Page<OpenFlag>> {
      checkEditor(actor);
      const list = await loadPage(page, {
        count: () => moderationQueries.countOpenFlags(db),
        rows: (window) => moderationQueries.openFlagsPage(db, window),
      });
      return { ...list, items: list.items.map(openFlagOf) };
    },

    /**
     * Settles a report and keeps the content as it is. Settling a report someone already settled
     * changes nothing: two editors working the queue at once both end up where they wanted.
     */
    async dismiss(actor: CurrentUser, flagId: number): Promise<Settlement> {
      checkEditor(actor);
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
     * Removes the reported comment (the practice page's own removal: it keeps its place with a
     * note) and settles every open report on it, since they are all answered at once. A report
     * already settled changes nothing, so a second click does not remove or log anything again.
     */
    async removeComment(actor: CurrentUser, flagId: number): Promise<Settlement> {
      checkEditor(actor);
      const flag = await existingFlag(flagId);
      const commentId = COMMENT_SUBJECT.exec(flag.subject)?.[1];
      if (commentId === undefined) throw new ConflictError(`Flag ${flag.id} is not about a comment`);
      if (flag.resolved_at !== null) return { resolved: false };
      const comment = await moderationQueries.commentWithPractice(db, Number(commentId));
      if (!comment) throw new NotFoundError(`No comment ${commentId}`);
      const { resolvedFlagIds } = await pages.removeComment(actor, comment.slug, comment.id);
      // Another editor settled this report between our read and now: their action stands alone.
      const resolved = resolvedFlagIds.includes(flag.id);
      return { resolved };
    },
  };
}

export type ModerationService = ReturnType<typeof moderationService>;
