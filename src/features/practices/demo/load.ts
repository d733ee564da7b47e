import type { AppDeps } from '../../../platform/deps.ts';
import { practiceService } from '../service.ts';
import { DEMO_PRACTICES } from './practices.ts';

/**
 * Adds the demo practices, each by its demo author. The list is ordered so that a practice is
 * created before any practice adapted from it.
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
  return DEMO_PRACTICES.length;
}
