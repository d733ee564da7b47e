import { sql } from 'kysely';
import { pathOf, type ContentKind, type ContentRef } from '../../content/kinds.ts';

/**
 * Campaigns as a content kind: every campaign is public from the start (its managers answer for
 * it, and reports reach the moderators), so followers, notifications and digests find one like any
 * other item. The page-cache generation is moved by every campaign table (migration 039).
 */

export const CAMPAIGN_KIND = 'campaign';
export const CAMPAIGN_GENERATION = 'campaign';
export const CAMPAIGNS_PATH = '/campaigns';
export const campaignPath = (slug: string): string => pathOf(CAMPAIGNS_PATH, slug);

interface CampaignRefRow {
  id: number;
  slug: string;
  name: string;
  language: string;
  author_id: number | null;
}

const refOf = (row: CampaignRefRow): ContentRef => ({
  kind: CAMPAIGN_KIND,
  id: row.id,
  slug: row.slug,
  title: row.name,
  language: row.language,
  status: 'published',
  authorId: row.author_id,
  path: campaignPath(row.slug),
});

/** A campaign row as shared machinery (comments, ratings, reports) refers to it. */
export const campaignRef = refOf;

export const campaignKind: ContentKind = {
  name: CAMPAIGN_KIND,
  basePath: CAMPAIGNS_PATH,
  async findBySlug(db, slug) {
    const { rows } = await sql<CampaignRefRow>`SELECT id, slug, name, language, author_id FROM campaigns WHERE slug = ${slug}`.execute(db);
    return rows[0] ? refOf(rows[0]) : undefined;
  },
  async findByIds(db, ids) {
    if (ids.length === 0) return [];
    const { rows } = await sql<CampaignRefRow>`SELECT id, slug, name, language, author_id FROM campaigns WHERE id = ANY (${sql.val([...ids])}::integer[])`.execute(db);
    return rows.map(refOf);
  },
};
