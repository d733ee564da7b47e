import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import { CONTENT_LANGUAGES } from '../../lib/languages.ts';
import { createSearchEngine, facetCodec, headline, type RawQuery } from '../../search/index.ts';
import { TOPIC_KIND } from './kind.ts';

/**
 * Search over forum posts in any language (the shared engine: every word in every content
 * language), with the forum and the language as facets. Removed and held posts have no search row.
 */

export const FORUM_POST_SEARCH_KIND = 'forum_post';

export const forumPostFacets = facetCodec([
  { param: 'forum', key: 'forum' },
  { param: 'language', key: 'language' },
] as const);

export interface ForumPostResult {
  id: number;
  topic_slug: string;
  topic_title: string;
  forum_slug: string;
  forum_name: string;
  author_name: string | null;
  created_at: Date;
  language: string;
  marked_title: string;
  snippet: string;
}

export function forumSearch(db: Db) {
  const engine = createSearchEngine({
    db,
    kind: FORUM_POST_SEARCH_KIND,
    facets: forumPostFacets,
    async loadPage(executor, page, plan) {
      const title = plan.tsquery ? headline(sql`t.language`, sql`t.title`, plan.tsquery, 'whole') : sql<string>`t.title`;
      const snippet = plan.tsquery ? headline(sql`coalesce(c.language, t.language)`, sql`c.body`, plan.tsquery, 'fragments') : sql<string>`left(c.body, 240)`;
      const { rows } = await sql<ForumPostResult>`
        WITH page AS MATERIALIZED (${page})
        SELECT c.id, t.slug AS topic_slug, t.title AS topic_title, f.slug AS forum_slug, f.name AS forum_name,
          CASE WHEN u.deleted_at IS NULL THEN u.name END AS author_name, c.created_at, coalesce(c.language, t.language) AS language,
          ${title} AS marked_title, ${snippet} AS snippet
        FROM page
        JOIN comments c ON c.id = page.subject_id AND c.kind = ${TOPIC_KIND}
        JOIN forum_topics t ON t.id = c.subject_id
        JOIN forums f ON f.id = t.forum_id
        LEFT JOIN users u ON u.id = c.author_id
        ORDER BY page.position`.execute(executor);
      return rows;
    },
  });

  return {
    engine,
    search(query: RawQuery, page: number) {
      const request = forumPostFacets.readSearchRequest(
        query,
        (facet, value) => (facet.param === 'language' ? (CONTENT_LANGUAGES as readonly string[]).includes(value) : /^[a-z0-9-]{1,100}$/.test(value)),
        page,
      );
      return engine.search(request);
    },
  };
}

export type ForumSearch = ReturnType<typeof forumSearch>;
