import { LRUCache } from 'lru-cache';
import { publishedNeighbour } from '../../content/kinds.ts';
import { contentGenerations } from '../../search/index.ts';
import type { Engagement, EngagementService } from '../../engagement/index.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { PRACTICE_KIND, practiceRef } from './kind.ts';
import { canEdit, canView } from './policies.ts';
import { mayNoLongerRun } from './running.ts';
import * as pageQueries from './page-queries.ts';
import type { PracticeLink, SimilarPractice } from './page-queries.ts';
import { practiceService, type PracticeDetail } from './service.ts';

/**
 * The practice page: everything the page shows around the record. Ratings, comments and reports
 * are the shared engagement's (engagement/); this adds what is particular to practices.
 */

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

export interface PracticePage {
  detail: PracticeDetail;
  adaptedIn: PracticeLink[];
  similar: SimilarPractice[];
  previous: PracticeLink | undefined;
  next: PracticeLink | undefined;
  /** Rating and comments, with what the viewer may do there. */
  engagement: Engagement;
  /** The viewer may change the record (edit, history). */
  canEdit: boolean;
  /** Published: found by search, linked to its neighbours. */
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

/** What a published practice's page shows of the other practices: the same for every viewer. */
interface Surroundings {
  adaptedIn: PracticeLink[];
  similar: SimilarPractice[];
  previous: PracticeLink | undefined;
  next: PracticeLink | undefined;
}

/** One entry per published practice that was viewed since the practices last changed. */
const SURROUNDINGS_KEPT = 5_000;

export function practicePageService(deps: AppDeps, engagement: EngagementService) {
  const { db } = deps;
  const practices = practiceService(deps);
  /**
   * Similar practices and neighbours take four queries, a third of a signed-in member's page
   * (anonymous readers are served by the page cache). They change only when a published practice
   * does, which moves the practice generation (migration 024): kept per practice and generation,
   * they cost one small query until then, in every process.
   */
  const surroundingsKept = new LRUCache<string, Promise<Surroundings>>({ max: SURROUNDINGS_KEPT });

  /** Unpublished practices have no neighbours: search does not find them either. */
  function surroundingsOf(practiceId: number, terms: PracticeDetail['terms'], isPublic: boolean): Promise<Surroundings> {
    return Promise.all([
      pageQueries.adaptedIn(db, practiceId),
      pageQueries.similarPractices(db, practiceId, similarityTerms(terms)),
      isPublic ? publishedNeighbour(db, 'practices', practiceId, 'previous') : undefined,
      isPublic ? publishedNeighbour(db, 'practices', practiceId, 'next') : undefined,
    ]).then(([adaptedIn, similar, previous, next]) => ({ adaptedIn, similar, previous, next }));
  }

  async function keptSurroundings(practiceId: number, terms: PracticeDetail['terms']): Promise<Surroundings> {
    const [generation] = await contentGenerations(db, [PRACTICE_KIND]);
    const key = `${practiceId}:${generation}`;
    const kept = surroundingsKept.get(key);
    if (kept) return kept;
    const computed = surroundingsOf(practiceId, terms, true);
    surroundingsKept.set(key, computed);
    // A failed read is not kept: the next view tries again.
    computed.catch(() => surroundingsKept.delete(key));
    return computed;
  }

  return {
    /** Everything on the page. A practice the viewer may not see is "not found", so drafts do not leak. */
    async load(slug: string, viewer: CurrentUser | null, commentPage = 1): Promise<PracticePage> {
      const detail = await practices.find(slug);
      if (!detail || !canView(viewer, detail.row)) throw new NotFoundError();
      const { row } = detail;
      const isPublic = row.status === 'published';
      // A draft's own tags change without moving any generation: it is never kept.
      const [{ adaptedIn, similar, previous, next }, community] = await Promise.all([
        isPublic ? keptSurroundings(row.id, detail.terms) : surroundingsOf(row.id, detail.terms, false),
        engagement.load(practiceRef(row), viewer, commentPage),
      ]);
      return {
        detail,
        adaptedIn,
        similar,
        previous,
        next,
        engagement: community,
        canEdit: canEdit(viewer, row),
        isPublic,
        mayNoLongerBeRunning: mayNoLongerBeRunning(row),
      };
    },
  };
}

export type PracticePageService = ReturnType<typeof practicePageService>;
