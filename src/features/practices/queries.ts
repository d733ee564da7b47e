import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../../db/client.ts';
import type { Vocabulary } from '../../db/schema/taxonomies.ts';
import type { Insertable, Updateable } from 'kysely';
import type { PracticesTable } from '../../db/schema/practices.ts';
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

export async function slugsStartingWith(db: Executor, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('practices')
    .select('slug')
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base.replace(/[%_\\]/g, '\\$&')}-%`)]))
    .execute();
  return new Set(rows.map((row) => row.slug));
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
  await sql`SELECT refresh_practice_search(${practiceId})`.execute(db);
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

export function findAttachments(db: Executor, practiceId: number) {
  return db
    .selectFrom('practice_attachments')
    .select(['id', 'filename', 'media_type', 'byte_size', 'storage_key'])
    .where('practice_id', '=', practiceId)
    .orderBy('id')
    .execute();
}
