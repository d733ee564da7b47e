import { PRACTICE_KIND } from './kind.ts';
import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../../db/client.ts';
import type { Vocabulary } from '../../db/schema/taxonomies.ts';
import type { Insertable, Updateable } from 'kysely';
import type { PracticesTable, RubricEntry } from '../../db/schema/practices.ts';
import type { CityInput, OrganisationInput } from './model.ts';

export type Executor = Db | Transaction<Database>;
export type PracticeColumns = Omit<Insertable<PracticesTable>, 'slug' | 'author_id'>;

export async function termIdsByCode(db: Executor, vocabulary: Vocabulary, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('taxonomy_terms')
    .select(['id', 'code'])
    .where('vocabulary', '=', vocabulary)
    .where('code', 'in', codes)
    .where('retired_at', 'is', null)
    .execute();
  return new Map(rows.map((row) => [row.code, row.id]));
}

/** The id of the city with this slug, creating it from the input when it is new. */
export async function upsertCity(db: Executor, slug: string, city: CityInput): Promise<number> {
  const row = await db
    .insertInto('cities')
    .values({ slug, name: city.name.trim(), country: city.country, latitude: city.latitude, longitude: city.longitude })
    .onConflict((conflict) => conflict.column('slug').doUpdateSet({ slug }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function practiceIdBySlug(db: Executor, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom('practices').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}


export async function insertPractice(
  db: Executor,
  values: PracticeColumns & { slug: string; author_id: number | null },
): Promise<number> {
  const row = await db.insertInto('practices').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Updates the practice only if nobody changed it since `expectedVersion` was read, and bumps the
 * version; returns false on a lost race so the caller can refuse instead of overwriting.
 */
export async function updatePracticeAtVersion(
  db: Executor,
  id: number,
  expectedVersion: number,
  values: Updateable<PracticesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('practices')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function replaceOrganisations(db: Executor, practiceId: number, organisations: readonly OrganisationInput[]) {
  await db.deleteFrom('practice_organisations').where('practice_id', '=', practiceId).execute();
  if (organisations.length === 0) return;
  await db
    .insertInto('practice_organisations')
    .values(
      organisations.map((organisation, position) => ({
        practice_id: practiceId,
        role: organisation.role,
        name: organisation.name.trim(),
        stakeholder_type: organisation.stakeholderType,
        position,
      })),
    )
    .execute();
}

export async function replaceLinks(db: Executor, practiceId: number, links: readonly { url: string; label: string }[]) {
  await db.deleteFrom('practice_links').where('practice_id', '=', practiceId).execute();
  if (links.length === 0) return;
  await db
    .insertInto('practice_links')
    .values(links.map((link, position) => ({ practice_id: practiceId, url: link.url, label: link.label.trim(), position })))
    .execute();
}

export async function refreshSearchVector(db: Executor, practiceId: number): Promise<void> {
  await sql`SELECT refresh_practice_search(${practiceId}::integer)`.execute(db);
}

/** The practice's workflow columns, its row locked until the transaction ends (see editorial/pending.ts). */
export async function lockPractice(trx: Transaction<Database>, slug: string) {
  const row = await trx
    .selectFrom('practices')
    .select(['id', 'slug', 'title', 'status', 'version', 'author_id'])
    .where('slug', '=', slug)
    .forUpdate()
    .executeTakeFirst();
  return row ? { id: row.id, slug: row.slug, title: row.title, status: row.status, version: row.version, authorId: row.author_id } : undefined;
}

/** The practice row with its city and author, by slug. */
export function findPracticeRow(db: Executor, slug: string) {
  return db
    .selectFrom('practices as p')
    .leftJoin('cities as c', 'c.id', 'p.city_id')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .leftJoin('practices as origin', 'origin.id', 'p.adapted_from_id')
    .selectAll('p')
    .select([
      'c.name as city_name',
      'c.slug as city_slug',
      'c.country as city_country',
      'c.latitude as city_latitude',
      'c.longitude as city_longitude',
      'u.name as author_name',
      'u.handle as author_handle',
      'u.deleted_at as author_deleted_at',
      'origin.slug as adapted_from_slug',
      'origin.title as adapted_from_title',
      'origin.status as adapted_from_status',
    ])
    .where('p.slug', '=', slug)
    .executeTakeFirst();
}

export function findOrganisations(db: Executor, practiceId: number) {
  return db
    .selectFrom('practice_organisations')
    .select(['role', 'name', 'stakeholder_type'])
    .where('practice_id', '=', practiceId)
    .orderBy('position')
    .execute();
}

export function findLinks(db: Executor, practiceId: number) {
  return db.selectFrom('practice_links').select(['url', 'label']).where('practice_id', '=', practiceId).orderBy('position').execute();
}

// ── Editorial workflow: revisions, reviews, queue, featuring ─────────────────────────────────

export async function insertReview(
  db: Executor,
  review: { practiceId: number; reviewerId: number; decision: 'request_changes' | 'publish' | 'decline'; rubric: RubricEntry[]; message: string; version: number },
): Promise<void> {
  await db
    .insertInto('practice_reviews')
    .values({
      practice_id: review.practiceId,
      reviewer_id: review.reviewerId,
      decision: review.decision,
      rubric: JSON.stringify(review.rubric),
      message: review.message,
      version: review.version,
    })
    .execute();
}

/** Decisions on a practice, newest first, with the reviewer's name. */
export function reviewsOf(db: Executor, practiceId: number, limit: number) {
  return db
    .selectFrom('practice_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.reviewer_id')
    .select(['r.id', 'r.decision', 'r.rubric', 'r.message', 'r.version', 'r.created_at', 'u.name as reviewer_name'])
    .where('r.practice_id', '=', practiceId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

/** The address, name and language of a practice's author, to tell them about a decision. */
export function authorOf(db: Executor, practiceId: number) {
  return db
    .selectFrom('practices as p')
    .innerJoin('users as u', 'u.id', 'p.author_id')
    .select(['u.email', 'u.name', 'u.locale'])
    .where('p.id', '=', practiceId)
    .where('u.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function countByAuthor(db: Executor, authorId: number): Promise<number> {
  const row = await db
    .selectFrom('practices')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('author_id', '=', authorId)
    .executeTakeFirstOrThrow();
  return row.count;
}

/** An author's practices, last changed first, each with the latest editor's decision. */
export function pageByAuthor(db: Executor, authorId: number, window: { limit: number; offset: number }) {
  return db
    .selectFrom('practices as p')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('practice_reviews as r')
          .select(['r.decision', 'r.message', 'r.created_at'])
          .whereRef('r.practice_id', '=', 'p.id')
          .orderBy('r.created_at', 'desc')
          .orderBy('r.id', 'desc')
          .limit(1)
          .as('latest'),
      (join) => join.onTrue(),
    )
    .leftJoin('pending_changes as pending', (join) => join.onRef('pending.subject_id', '=', 'p.id').on('pending.kind', '=', PRACTICE_KIND))
    .select(['p.slug', 'p.title', 'p.status', 'p.updated_at', 'latest.decision', 'latest.message', 'latest.created_at as decided_at', 'pending.state as pending_state'])
    .where('p.author_id', '=', authorId)
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

// Any constant works, as long as every process uses the same one for featuring.
const FEATURE_LOCK_ID = 4_210_012;

/**
 * Makes this practice the featured one. The transaction-scoped lock makes concurrent swaps
 * wait for each other, so the unique index never sees two featured rows mid-swap.
 */
export async function swapFeatured(trx: Transaction<Database>, practiceId: number): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${FEATURE_LOCK_ID})`.execute(trx);
  await trx.updateTable('practices').set({ featured_at: null }).where('featured_at', 'is not', null).where('id', '!=', practiceId).execute();
  await trx.updateTable('practices').set({ featured_at: new Date() }).where('id', '=', practiceId).execute();
}

export async function clearFeatured(db: Executor, practiceId: number): Promise<void> {
  await db.updateTable('practices').set({ featured_at: null }).where('id', '=', practiceId).execute();
}

/** The featured practice, if it is still published. */
export function featuredPractice(db: Executor) {
  return db
    .selectFrom('practices')
    .select(['slug', 'title', 'summary', 'language', 'countries'])
    .where('featured_at', 'is not', null)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

// ── "Is it still running?" confirmations ─────────────────────────────────────────────────────

/**
 * Published practices with a contact, not confirmed since `confirmedBefore` and not asked since
 * `askedBefore`, that have not ended: one batch after `afterId`, in id order.
 */
export function practicesDueForConfirmation(
  db: Executor,
  criteria: { confirmedBefore: string; askedBefore: Date; today: string; afterId: number; limit: number },
) {
  return db
    .selectFrom('practices as p')
    .select(['p.id', 'p.slug', 'p.title', 'p.language', 'p.contact_name', 'p.contact_email'])
    .where('p.status', '=', 'published')
    .where('p.contact_email', 'is not', null)
    .where('p.id', '>', criteria.afterId)
    .where((eb) =>
      eb.or([eb('p.last_confirmed_at', 'is', null), eb('p.last_confirmed_at', '<=', sql<Date>`${criteria.confirmedBefore}::date`)]),
    )
    .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', sql<Date>`${criteria.today}::date`)]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('single_use_links as q')
            .select('q.token_hash')
            .where('q.subject_kind', '=', PRACTICE_KIND)
            .whereRef('q.subject_id', '=', 'p.id')
            .where('q.purpose', '=', CONFIRM_RUNNING)
            .where('q.created_at', '>', criteria.askedBefore),
        ),
      ),
    )
    .orderBy('p.id')
    .limit(criteria.limit)
    .execute();
}

/** The purpose of the yearly "does it still run?" links (platform/single-use-links.ts). */
export const CONFIRM_RUNNING = 'confirm_running';

/** A published practice by id, with its slug and title: the page a confirmation link shows. */
export function practiceTitleById(db: Executor, practiceId: number) {
  return db.selectFrom('practices').select(['id', 'slug', 'title']).where('id', '=', practiceId).executeTakeFirst();
}

/** Confirmation is bookkeeping, not an edit: the version stays, so nobody's open form goes stale. */
export async function setLastConfirmed(db: Executor, practiceId: number, day: string): Promise<void> {
  await db.updateTable('practices').set({ last_confirmed_at: day }).where('id', '=', practiceId).execute();
}

