import type { AppDeps } from '../../../platform/deps.ts';
import { practiceIdBySlug, swapFeatured } from '../queries.ts';
import { practiceService } from '../service.ts';
import { DEMO_PRACTICES } from './practices.ts';

/** The demo practice on the home page: the programme the platform grew out of. */
const FEATURED_SLUG = 'migrant-integration-lab';

/**
 * Adds the demo practices, each by its demo author, and features one on the home page. The list
 * is ordered so that a practice is created before any practice adapted from it.
 */
export async function loadDemoPractices(deps: AppDeps, authorIdByEmail: ReadonlyMap<string, number>): Promise<number> {
  const service = practiceService(deps);
  for (const { slug, authorEmail, status, publishedAt, ...input } of DEMO_PRACTICES) {
    await service.create(
      input,
      { authorId: authorIdByEmail.get(authorEmail) ?? null, status, publishedAt: new Date(publishedAt) },
      slug,
    );
  }
  const featuredId = await practiceIdBySlug(deps.db, FEATURED_SLUG);
  if (featuredId !== undefined) await deps.db.transaction().execute((trx) => swapFeatured(trx, featuredId));
  return DEMO_PRACTICES.length;
}
