import { publishedNeighbour } from '../../content/kinds.ts';
import type { Engagement, EngagementService } from '../../engagement/index.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { practiceRef } from './kind.ts';
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

export function practicePageService(deps: AppDeps, engagement: EngagementService) {
  const { db } = deps;
  const practices = practiceService(deps);

  return {
    /** Everything on the page. A practice the viewer may not see is "not found", so drafts do not leak. */
    async load(slug: string, viewer: CurrentUser | null, commentPage = 1): Promise<PracticePage> {
      const detail = await practices.find(slug);
      if (!detail || !canView(viewer, detail.row)) throw new NotFoundError();
      const { row } = detail;
      const isPublic = row.status === 'published';
      const [adaptedIn, similar, previous, next, community] = await Promise.all([
        pageQueries.adaptedIn(db, row.id),
        pageQueries.similarPractices(db, row.id, similarityTerms(detail.terms)),
        isPublic ? publishedNeighbour(db, 'practices', row.id, 'previous') : undefined,
        isPublic ? publishedNeighbour(db, 'practices', row.id, 'next') : undefined,
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
