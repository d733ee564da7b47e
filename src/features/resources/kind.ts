import { pathOf, type ContentKind, type ContentRef, type ContentStatus, type Executor } from '../../content/kinds.ts';

/** Resources as a content kind: how shared machinery (engagement, moderation, review) finds one. */

export const RESOURCE_KIND = 'resource';
export const RESOURCES_PATH = '/resources';
export const resourceReviewPath = (slug: string): string => `/review/resources/${encodeURIComponent(slug)}`;

interface ResourceRefRow {
  id: number;
  slug: string;
  title: string;
  language: string;
  status: ContentStatus;
  author_id: number | null;
}

export function resourceRef(row: ResourceRefRow): ContentRef {
  return {
    kind: RESOURCE_KIND,
    id: row.id,
    slug: row.slug,
    title: row.title,
    language: row.language,
    status: row.status,
    authorId: row.author_id,
    path: pathOf(RESOURCES_PATH, row.slug),
  };
}

const REF_COLUMNS = ['id', 'slug', 'title', 'language', 'status', 'author_id'] as const;

export const resourceKind: ContentKind = {
  name: RESOURCE_KIND,
  basePath: RESOURCES_PATH,
  review: { table: 'resources', path: resourceReviewPath },
  async findBySlug(db: Executor, slug: string) {
    const row = await db.selectFrom('resources').select(REF_COLUMNS).where('slug', '=', slug).executeTakeFirst();
    return row ? resourceRef(row) : undefined;
  },
  async findByIds(db: Executor, ids: readonly number[]) {
    if (ids.length === 0) return [];
    const rows = await db.selectFrom('resources').select(REF_COLUMNS).where('id', 'in', [...ids]).execute();
    return rows.map(resourceRef);
  },
};
