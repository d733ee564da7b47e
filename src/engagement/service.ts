import { canViewContent, type ContentKind, type ContentKinds, type ContentRef } from '../content/kinds.ts';
import { insertAuditEntry } from '../platform/audit.ts';
import type { CurrentUser } from '../platform/context.ts';
import type { Db } from '../db/client.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../platform/errors.ts';
import { loadPage, pageCountOf, type Page } from '../platform/pagination.ts';
import { can } from '../platform/permissions.ts';
import * as queries from './queries.ts';
import type { CommentRow } from './queries.ts';

/**
 * What members do on the page of any published item (rate it, comment, report it or a comment)
 * and what moderators do there (remove a comment). The item's kind says where to find it; the
 * rules are the same for every kind.
 */

export const RATING_SCORES = [1, 2, 3, 4, 5] as const;
export const FLAG_REASONS = ['spam', 'offensive', 'personal_data', 'inaccurate', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
export const COMMENT_MAX_LENGTH = 5000;
export const FLAG_NOTE_MAX_LENGTH = 1000;
export const COMMENTS_PAGE_SIZE = 50;
/** The reason a moderator gives for a removal, shown in the removed comment's place. */
export const REMOVAL_REASON_MAX_LENGTH = 500;

/** Audit actions of moderation; the admin pages label them (`admin.audit.actions.<action>`). */
export const FLAG_DISMISSED = 'flag.dismissed';
export const COMMENT_REMOVED = 'comment.removed';

/** A report is about the item itself or one of its comments. */
export type FlagSubject = { kind: 'item' } | { kind: 'comment'; commentId: number };

export interface RatingSummary {
  count: number;
  /** With one decimal; null before the first rating. */
  average: number | null;
}

/** The stored totals as readers see them: an average with one decimal, or none yet. */
export function ratingSummary(totals: queries.RatingTotals): RatingSummary {
  return { count: totals.count, average: totals.count > 0 ? Math.round((totals.sum / totals.count) * 10) / 10 : null };
}

/** schema.org's `aggregateRating` of an item's JSON-LD, once it has ratings. */
export function aggregateRatingJsonLd(summary: RatingSummary): { aggregateRating?: Record<string, string | number> } {
  if (summary.average === null) return {};
  return { aggregateRating: { '@type': 'AggregateRating', ratingValue: summary.average, ratingCount: summary.count, bestRating: 5, worstRating: 1 } };
}

/** Everything the community part of a page shows. */
export interface Engagement {
  item: ContentRef;
  rating: RatingSummary;
  myRating: number | null;
  comments: Page<CommentRow>;
  /** The viewer may remove comments. */
  canModerate: boolean;
  /** Ratings, comments and reports are open: the item is published. */
  isOpen: boolean;
}

function parseScore(raw: string): number | undefined {
  const trimmed = raw.trim();
  return /^[1-5]$/.test(trimmed) ? Number(trimmed) : undefined;
}

export function engagementService({ db, kinds }: { db: Db; kinds: ContentKinds }) {
  function kindOf(name: string): ContentKind {
    const kind = kinds.get(name);
    if (!kind) throw new NotFoundError(`No content kind ${name}`);
    return kind;
  }

  /** The item the viewer acts on: hidden ones do not exist for them; only published ones take part. */
  async function openItem(viewer: CurrentUser, kindName: string, slug: string): Promise<ContentRef> {
    const item = await kindOf(kindName).findBySlug(db, slug);
    if (!item || !canViewContent(viewer, item)) throw new NotFoundError();
    if (item.status !== 'published') throw new ConflictError('Only published items take ratings, comments and reports');
    return item;
  }

  async function pageOfComment(item: ContentRef, commentId: number): Promise<number> {
    const before = await queries.commentsBefore(db, item, commentId);
    return pageCountOf(before + 1, COMMENTS_PAGE_SIZE);
  }

  return {
    /** The community part of an item's page, for a viewer who may see the item. */
    async load(item: ContentRef, viewer: CurrentUser | null, commentPage = 1): Promise<Engagement> {
      const [totals, myRating, comments] = await Promise.all([
        queries.ratingTotals(db, item),
        viewer ? queries.ratingOf(db, item, viewer.id) : null,
        loadPage(
          commentPage,
          { count: () => queries.countComments(db, item), rows: (window) => queries.listComments(db, item, window) },
          COMMENTS_PAGE_SIZE,
        ),
      ]);
      return {
        item,
        rating: ratingSummary(totals),
        myRating,
        comments,
        canModerate: can(viewer, 'content.moderate'),
        isOpen: item.status === 'published',
      };
    },

    /** The member's own rating of the item, if they gave one. */
    myRating(item: ContentRef, member: CurrentUser): Promise<number | null> {
      return queries.ratingOf(db, item, member.id);
    },

    /** Rating totals of many items of one kind, for lists, exports and the API. */
    async summaries(kindName: string, ids: readonly number[]): Promise<Map<number, RatingSummary>> {
      const totals = await queries.ratingTotalsOf(db, kindName, ids);
      return new Map(ids.map((id) => [id, ratingSummary(totals.get(id) ?? { count: 0, sum: 0 })]));
    },

    /**
     * Records the member's rating, or changes it. The item's totals row is locked while they
     * move, so concurrent raters queue and the count and sum stay exact.
     */
    async rate(viewer: CurrentUser, kindName: string, slug: string, rawScore: string): Promise<void> {
      const score = parseScore(rawScore);
      const item = await openItem(viewer, kindName, slug);
      if (score === undefined) throw new ValidationError({ score: 'engagement.errors.scoreRequired' });
      await db.transaction().execute(async (trx) => {
        await queries.lockTotals(trx, item);
        const previous = await queries.ratingOf(trx, item, viewer.id);
        if (previous === score) return;
        await queries.upsertRating(trx, item, viewer.id, score);
        await queries.addToTotals(trx, item, previous === null ? 1 : 0, score - (previous ?? 0));
      });
    },

    /** Adds a comment; returns its id and the page of comments it appears on. */
    async comment(viewer: CurrentUser, kindName: string, slug: string, rawBody: string): Promise<{ id: number; page: number }> {
      const item = await openItem(viewer, kindName, slug);
      const body = rawBody.trim();
      if (body === '') throw new ValidationError({ comment: 'engagement.errors.commentRequired' });
      if (body.length > COMMENT_MAX_LENGTH) throw new ValidationError({ comment: 'engagement.errors.commentTooLong' });
      const id = await queries.insertComment(db, item, viewer.id, body);
      return { id, page: await pageOfComment(item, id) };
    },

    /**
     * Removes a comment, settles every open report about it and records both in the audit log,
     * in one transaction: from the item's page or from the moderation queue alike. Returns the
     * page it is on and the reports this call settled.
     */
    async removeComment(viewer: CurrentUser, kindName: string, slug: string, commentId: number, reason = ''): Promise<{ page: number; resolvedFlagIds: number[] }> {
      if (!can(viewer, 'content.moderate')) throw new ForbiddenError();
      const item = await openItem(viewer, kindName, slug);
      const comment = await queries.findComment(db, item, commentId);
      if (!comment) throw new NotFoundError();
      const target = { kind: 'comment', id: comment.id };
      const resolvedFlagIds = await db.transaction().execute(async (trx) => {
        const removed = await queries.removeComment(trx, comment.id, viewer.id, reason.trim().slice(0, REMOVAL_REASON_MAX_LENGTH));
        const resolved = await queries.resolveOpenFlagsOn(trx, target, viewer.id);
        if (removed || resolved.length > 0) {
          await insertAuditEntry(trx, {
            actorId: viewer.id,
            action: COMMENT_REMOVED,
            subject: queries.flagSubjectOf(target),
            details: { [item.kind]: item.slug, flagsResolved: resolved.length },
          });
        }
        return resolved;
      });
      return { page: await pageOfComment(item, comment.id), resolvedFlagIds };
    },

    /** Whether the comment exists on this item: the report form is only offered for real ones. */
    async commentExists(viewer: CurrentUser, kindName: string, slug: string, commentId: number): Promise<boolean> {
      const item = await openItem(viewer, kindName, slug);
      return (await queries.findComment(db, item, commentId)) !== undefined;
    },

    /** The item a report form is about, for its heading. */
    reportedItem(viewer: CurrentUser, kindName: string, slug: string): Promise<ContentRef> {
      return openItem(viewer, kindName, slug);
    },

    /**
     * Reports the item or one of its comments to the moderators; a repeated report is not stored
     * twice. A comment id that is not on this item is refused, so nobody reports what they
     * cannot see through a forged form.
     */
    async flag(viewer: CurrentUser, kindName: string, slug: string, subject: FlagSubject, rawReason: string, rawNote: string): Promise<void> {
      const item = await openItem(viewer, kindName, slug);
      if (subject.kind === 'comment' && !(await queries.findComment(db, item, subject.commentId))) throw new NotFoundError();
      const errors: Record<string, string> = {};
      const reason = FLAG_REASONS.find((candidate) => candidate === rawReason);
      if (!reason) errors.reason = 'engagement.errors.reasonRequired';
      const note = rawNote.trim();
      if (note.length > FLAG_NOTE_MAX_LENGTH) errors.note = 'engagement.errors.noteTooLong';
      if (!reason || Object.keys(errors).length > 0) throw new ValidationError(errors);
      await queries.insertFlag(db, {
        target: subject.kind === 'item' ? { kind: item.kind, id: item.id } : { kind: 'comment', id: subject.commentId },
        reporterId: viewer.id,
        reason,
        note,
      });
    },
  };
}

export type EngagementService = ReturnType<typeof engagementService>;
