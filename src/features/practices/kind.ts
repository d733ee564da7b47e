import { pathOf, type ContentKind, type ContentRef, type Executor } from '../../content/kinds.ts';
import type { PracticeStatus } from '../../db/schema/practices.ts';

/** Practices as a content kind: how shared machinery (engagement, moderation, review) finds one. */

export const PRACTICE_KIND = 'practice';
export const PRACTICES_PATH = '/practices';

interface PracticeRefRow {
  id: number;
  slug: string;
  title: string;
  language: string;
  status: PracticeStatus;
  author_id: number | null;
}

export function practiceRef(row: PracticeRefRow): ContentRef {
  return {
    kind: PRACTICE_KIND,
    id: row.id,
    slug: row.slug,
    title: row.title,
    language: row.language,
    status: row.status,
    authorId: row.author_id,
    path: pathOf(PRACTICES_PATH, row.slug),
  };
}

const REF_COLUMNS = ['id', 'slug', 'title', 'language', 'status', 'author_id'] as const;

export const practiceKind: ContentKind = {
  name: PRACTICE_KIND,
  basePath: PRACTICES_PATH,
  review: { table: 'practices', path: (slug: string) => `/review/${encodeURIComponent(slug)}` },
  async findBySlug(db: Executor, slug: string) {
    const row = await db.selectFrom('practices').select(REF_COLUMNS).where('slug', '=', slug).executeTakeFirst();
    return row ? practiceRef(row) : undefined;
  },
  async findByIds(db: Executor, ids: readonly number[]) {
    if (ids.length === 0) return [];
    const rows = await db.selectFrom('practices').select(REF_COLUMNS).where('id', 'in', [...ids]).execute();
    return rows.map(practiceRef);
  },
};
