import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { loadPage, pageCountOf, type Page } from '../../platform/pagination.ts';
import { canEdit, canView, isEditor } from './policies.ts';
import { mayNoLongerRun } from './running.ts';
import { commentSubject, practiceSubject, resolveOpenFlagsOn } from './moderation-queries.ts';
import { insertAuditEntry } from '../../platform/audit.ts';
import { COMMENT_REMOVED } from './moderation-actions.ts';
import * as pageQueries from './page-queries.ts';
import type { CommentRow, PracticeLink, SimilarPractice } from './page-queries.ts';
import { practiceService, type PracticeDetail } from './service.ts';

/**
 * The practice page's use cases: everything the page shows around the record, and what signed-in
 * members do there (rate, comment, flag) and editors (remove comments).
 */

export const RATING_SCORES = [1, 2, 3, 4, 5] as const;
export const FLAG_REASONS = ['spam', 'offensive', 'personal_data', 'inaccurate', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];
export const COMMENT_MAX_LENGTH = 5000;
export const FLAG_NOTE_MAX_LENGTH = 1000;
export const COMMENTS_PAGE_SIZE = 50;

interface RunningFacts {
  last_confirmed_at: Date | null;
  published_at: Date | null;
  created_at: Date;
  ongoing: boolean;
  end_date: Date | null;
}

/**
 * Whether the page should warn that the practice may no longer be running: nobody confirmed it
 * (or, never confirmed, published it) for two years, by the rule of the yearly confirmation
 * (`running.ts`), and it has not simply ended as planned.
 */
export function mayNoLongerBeRunning(practice: RunningFacts, now: Date = new Date()): boolean {
  if (!practice.ongoing && practice.end_date && practice.end_date.getTime() < now.getTime()) return false;
  return mayNoLongerRun(practice.last_confirmed_at ?? practice.published_at ?? practice.created_at, now);
}

/** The stored totals as readers see them: an average with one decimal, or none yet. */
export function ratingSummary(count: number, sum: number): { count: number; average: number | null } {
  return { count, average: count > 0 ? Math.round((sum / count) * 10) / 10 : null };
}

export type FlagSubject = { kind: 'practice' } | { kind: 'comment'; commentId: number };

export interface PracticePage {
  detail: PracticeDetail;
  adaptedIn: PracticeLink[];
  similar: SimilarPractice[];
  previous: PracticeLink | undefined;
  next: PracticeLink | undefined;
  comments: Page<CommentRow>;
  myRating: number | null;
  /** The viewer may change the record (edit, history). */
  canEdit: boolean;
  /** The viewer may remove comments. */
  canModerate: boolean;
  /** Rating, comments and flags are open: the practice is published. */
  isPublic: boolean;
  mayNoLongerBeRunning: boolean;
}

/**
 * Dimensions and pillars are so broad that nearly every practice shares one: they add to the
 * overlap but do not make a practice a candidate, unless the practice has nothing more specific.
 */
const BROAD_VOCABULARIES: ReadonlySet<string> = new Set(['dimension', 'pillar']);

export function similarityTerms(terms: readonly { id: number; vocabulary: string }[]): { all: number[]; candidates: number[] } {
  const all = terms.map((term) => term.id);
  const specific = terms.filter((term) => !BROAD_VOCABULARIES.has(term.vocabulary)).map((term) => term.id);
  return { all, candidates: specific.length > 0 ? specific : all };
}

function parseScore(raw: string): number | undefined {
  if (!/^[1-5]$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

export function practicePageService(deps: AppDeps) {
  const { db } = deps;
  const practices = practiceService(deps);

  /** The practice the viewer acts on: hidden ones do not exist for them; only published ones take part. */
  async function publishedPracticeFor(viewer: CurrentUser, slug: string) {
    const practice = await db
      .selectFrom('practices')
      .select(['id', 'status', 'author_id'])
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!practice || !canView(viewer, practice)) throw new NotFoundError();
    if (practice.status !== 'published') throw new ConflictError('Only published practices take ratings, comments and flags');
    return practice;
  }

  return {
    /** Everything on the page. A practice the viewer may not see is "not found", so drafts do not leak. */
    async load(slug: string, viewer: CurrentUser | null, commentPage = 1): Promise<PracticePage> {
      const detail = await practices.find(slug);
      if (!detail || !canView(viewer, detail.row)) throw new NotFoundError();
      const { row } = detail;
      const isPublic = row.status === 'published';
      const [adaptedIn, similar, previous, next, comments, myRating] = await Promise.all([
        pageQueries.adaptedIn(db, row.id),
        pageQueries.similarPractices(db, row.id, similarityTerms(detail.terms)),
        isPublic ? pageQueries.neighbour(db, row.id, 'previous') : undefined,
        isPublic ? pageQueries.neighbour(db, row.id, 'next') : undefined,
        loadPage(
          commentPage,
          {
            count: () => pageQueries.countComments(db, row.id),
            rows: (window) => pageQueries.listComments(db, row.id, window),
          },
          COMMENTS_PAGE_SIZE,
        ),
        viewer ? pageQueries.ratingOf(db, row.id, viewer.id) : null,
      ]);
      return {
        detail,
        adaptedIn,
        similar,
        previous,
        next,
        comments,
        myRating,
        canEdit: canEdit(viewer, row),
        canModerate: isEditor(viewer),
        isPublic,
        mayNoLongerBeRunning: mayNoLongerBeRunning(row),
      };
    },

    /**
     * Records the member's rating, or changes it. The practice row is locked while the totals
     * move, so concurrent raters queue and the count and sum stay exact.
     */
    async rate(viewer: CurrentUser, slug: string, rawScore: string): Promise<void> {
      const score = parseScore(rawScore);
      const practice = await publishedPracticeFor(viewer, slug);
      if (score === undefined) throw new ValidationError({ score: 'practicePage.errors.scoreRequired' });
      await db.transaction().execute(async (trx) => {
        await pageQueries.lockForRating(trx, practice.id);
        const previous = await pageQueries.ratingOf(trx, practice.id, viewer.id);
        if (previous === score) return;
        await pageQueries.upsertRating(trx, practice.id, viewer.id, score);
        await pageQueries.addToRatingTotals(trx, practice.id, previous === null ? 1 : 0, score - (previous ?? 0));
      });
    },

    /** Adds a comment; returns its id and the page of comments it appears on. */
    async comment(viewer: CurrentUser, slug: string, rawBody: string): Promise<{ id: number; page: number }> {
      const practice = await publishedPracticeFor(viewer, slug);
      const body = rawBody.trim();
      if (body === '') throw new ValidationError({ comment: 'practicePage.errors.commentRequired' });
      if (body.length > COMMENT_MAX_LENGTH) throw new ValidationError({ comment: 'practicePage.errors.commentTooLong' });
      const id = await pageQueries.insertComment(db, practice.id, viewer.id, body);
      const before = await pageQueries.commentsBefore(db, practice.id, id);
      return { id, page: pageCountOf(before + 1, COMMENTS_PAGE_SIZE) };
    },

    /** Editors hide a comment; it keeps its place with a note. Returns the page it is on. */
    /**
     * Removes a comment, settles every open report about it and records both in the audit log,
     * in one transaction: from the practice page or from the moderation queue alike.
     */
    async removeComment(viewer: CurrentUser, slug: string, commentId: number): Promise<{ page: number; resolvedFlagIds: number[] }> {
      if (!isEditor(viewer)) throw new ForbiddenError();
      const practice = await publishedPracticeFor(viewer, slug);
      const comment = await pageQueries.findComment(db, practice.id, commentId);
      if (!comment) throw new NotFoundError();
      const subject = commentSubject(comment.id);
      const resolvedFlagIds = await db.transaction().execute(async (trx) => {
        const removed = await pageQueries.removeComment(trx, comment.id, viewer.id);
        const resolved = await resolveOpenFlagsOn(trx, subject, viewer.id);
        if (removed || resolved.length > 0) {
          await insertAuditEntry(trx, {
            actorId: viewer.id,
            action: COMMENT_REMOVED,
            subject,
            details: { practice: slug, flagsResolved: resolved.length },
          });
        }
        return resolved;
      });
      const before = await pageQueries.commentsBefore(db, practice.id, comment.id);
      return { page: pageCountOf(before + 1, COMMENTS_PAGE_SIZE), resolvedFlagIds };
    },

    /** Whether the comment exists on this practice: the flag form is only offered for real ones. */
    async commentExists(viewer: CurrentUser, slug: string, commentId: number): Promise<boolean> {
      const practice = await publishedPracticeFor(viewer, slug);
      return (await pageQueries.findComment(db, practice.id, commentId)) !== undefined;
    },

    /** Reports the practice or one of its comments to the editors; a repeated report is not stored twice. */
    async flag(viewer: CurrentUser, slug: string, subject: FlagSubject, rawReason: string, rawNote: string): Promise<void> {
      const practice = await publishedPracticeFor(viewer, slug);
      const errors: Record<string, string> = {};
      const reason = FLAG_REASONS.find((candidate) => candidate === rawReason);
      if (!reason) errors.reason = 'practicePage.errors.reasonRequired';
      const note = rawNote.trim();
      if (note.length > FLAG_NOTE_MAX_LENGTH) errors.note = 'practicePage.errors.noteTooLong';
      if (subject.kind === 'comment' && !(await pageQueries.findComment(db, practice.id, subject.commentId))) {
        throw new NotFoundError();
      }
      if (!reason || Object.keys(errors).length > 0) throw new ValidationError(errors);
      await pageQueries.insertFlag(db, {
        subject: subject.kind === 'practice' ? practiceSubject(practice.id) : commentSubject(subject.commentId),
        reporterId: viewer.id,
        reason,
        note,
      });
    },
  };
}

export type PracticePageService = ReturnType<typeof practicePageService>;
