import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../content/kinds.ts';
import type { ResourcesTable } from '../../db/schema/resources.ts';

/** Database access for resources and the practices they relate to. */

const ROW_COLUMNS = [
  'r.id', 'r.slug', 'r.status', 'r.author_id', 'r.version', 'r.type', 'r.title', 'r.summary', 'r.body', 'r.url', 'r.publisher',
  'r.year', 'r.language', 'r.countries', 'r.term_ids', 'r.decision_message', 'r.link_status', 'r.link_checked_at', 'r.created_at', 'r.updated_at',
  'r.submitted_at', 'r.published_at',
] as const;

export function findBySlug(db: Executor, slug: string) {
  return db
    .selectFrom('resources as r')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .select([...ROW_COLUMNS, sql<string | null>`CASE WHEN u.deleted_at IS NULL THEN u.name END`.as('author_name'), 'u.email as author_email', 'u.locale as author_locale'])
    .where('r.slug', '=', slug)
    .executeTakeFirst();
}
export type ResourceRow = NonNullable<Awaited<ReturnType<typeof findBySlug>>>;

/** Locks the row for a write, so two writers of one resource take turns (versions stay exact). */
export function lockBySlug(db: Executor, slug: string) {
  return db.selectFrom('resources').select(['id', 'slug', 'title', 'status', 'version', 'author_id']).where('slug', '=', slug).forUpdate().executeTakeFirst();
}


export async function insertResource(db: Executor, values: Insertable<ResourcesTable>): Promise<number> {
  const row = await db.insertInto('resources').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateResource(db: Executor, id: number, values: Updateable<ResourcesTable>): Promise<void> {
  await db.updateTable('resources').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute();
}

/** Ids of published practices by slug; unknown or unpublished slugs are left out. */
export async function publishedPracticeIds(db: Executor, slugs: readonly string[]): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map();
  const rows = await db.selectFrom('practices').select(['id', 'slug']).where('slug', 'in', [...slugs]).where('status', '=', 'published').execute();
  return new Map(rows.map((row) => [row.slug, row.id]));
}

export async function replaceRelatedPractices(db: Executor, resourceId: number, practiceIds: readonly number[]): Promise<void> {
  await db.deleteFrom('resource_practices').where('resource_id', '=', resourceId).execute();
  if (practiceIds.length === 0) return;
  await db
    .insertInto('resource_practices')
    .values(practiceIds.map((practiceId, position) => ({ resource_id: resourceId, practice_id: practiceId, position })))
    .execute();
}

/** The practices a resource relates to, published ones only, in the order they were given. */
export function relatedPractices(db: Executor, resourceId: number) {
  return db
    .selectFrom('resource_practices as rp')
    .innerJoin('practices as p', 'p.id', 'rp.practice_id')
    .select(['p.slug', 'p.title', 'p.language', 'p.status'])
    .where('rp.resource_id', '=', resourceId)
    .orderBy('rp.position')
    .execute();
}


export async function countByAuthor(db: Executor, authorId: number): Promise<number> {
  const row = await db.selectFrom('resources').select((eb) => eb.fn.countAll<number>().as('count')).where('author_id', '=', authorId).executeTakeFirstOrThrow();
  return row.count;
}

export function pageByAuthor(db: Executor, authorId: number, window: { limit: number; offset: number }) {
  return db
    .selectFrom('resources as r')
    .leftJoin('pending_changes as pending', (join) => join.onRef('pending.subject_id', '=', 'r.id').on('pending.kind', '=', 'resource'))
    .select(['r.slug', 'r.title', 'r.status', 'r.language', 'r.updated_at', 'pending.state as pending_state'])
    .where('r.author_id', '=', authorId)
    .orderBy('r.updated_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

/** Published resources in publication order, a batch after `afterId` at a time: exports stream these. */
export function publishedBatch(db: Executor, after: { id: number }, limit: number) {
  return db
    .selectFrom('resources as r')
    .leftJoin('rating_totals as t', (join) => join.onRef('t.subject_id', '=', 'r.id').on('t.kind', '=', 'resource'))
    .select([...ROW_COLUMNS, sql<number>`coalesce(t.count, 0)`.as('rating_count'), sql<number>`coalesce(t.sum, 0)`.as('rating_sum')])
    .where('r.status', '=', 'published')
    .where('r.id', '>', after.id)
    .orderBy('r.id')
    .limit(limit)
    .execute();
}

/** Published resources with a link, least recently checked first: the link checker's next batch. */
export function linksToCheck(db: Executor, limit: number) {
  return db
    .selectFrom('resources')
    .select(['id', 'url'])
    .where('status', '=', 'published')
    .where('url', 'is not', null)
    .orderBy(sql`link_checked_at NULLS FIRST`)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function recordLinkCheck(db: Executor, id: number, result: { status: number | null; error: string | null }): Promise<void> {
  // Not `updateResource`: a check is not an edit, and must not move `updated_at` or the version.
  await db.updateTable('resources').set({ link_status: result.status, link_error: result.error, link_checked_at: new Date() }).where('id', '=', id).execute();
}

/** Published resources whose link failed its last check, for the editors' page. */
export function brokenLinks(db: Executor, window: { limit: number; offset: number }) {
  return db
    .selectFrom('resources')
    .select(['slug', 'title', 'language', 'url', 'link_status', 'link_error', 'link_checked_at'])
    .where('status', '=', 'published')
    .where('link_checked_at', 'is not', null)
    .where((eb) => eb.or([eb('link_status', 'is', null), eb('link_status', '>=', 400)]))
    .orderBy('link_checked_at', 'desc')
    .orderBy('id')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export async function countBrokenLinks(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('resources')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('status', '=', 'published')
    .where('link_checked_at', 'is not', null)
    .where((eb) => eb.or([eb('link_status', 'is', null), eb('link_status', '>=', 400)]))
    .executeTakeFirstOrThrow();
  return row.count;
}
