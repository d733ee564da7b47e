import type { CurrentUser } from '../../../platform/context.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { resourceService } from '../service.ts';
import { DEMO_RESOURCES } from './resources.ts';

/**
 * Adds the demo resources, each by its demo author, published or waiting for review as the demo
 * data says. Publication goes through the editor's door (`publish`), as an editor would.
 */
export async function loadDemoResources(
  deps: AppDeps,
  members: ReadonlyMap<string, CurrentUser>,
  editor: CurrentUser,
): Promise<number> {
  const service = resourceService(deps);
  for (const { slug, authorEmail, status, publishedAt, relatedPractices, url, year, ...input } of DEMO_RESOURCES) {
    const author = members.get(authorEmail);
    if (!author) throw new Error(`Demo resource ${slug}: no demo member ${authorEmail}`);
    const form = {
      ...input,
      url: url ?? '',
      year: String(year),
      relatedPractices: relatedPractices.join('\n'),
    };
    // Published ones are published by the editor; the member stays their author.
    await service.create(status === 'published' ? editor : author, form, status === 'published' ? 'publish' : 'submit', {
      publishedAt: new Date(publishedAt),
      slug,
      authorId: author.id,
    });
  }
  return DEMO_RESOURCES.length;
}
