import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/client.ts';
import type { ProfileColumns } from './profile.ts';

/** The member's own profile, private fields included: for their settings page only. */
export function profileOf(db: Executor, userId: number) {
  return db
    .selectFrom('users')
    .select([
      'organisation', 'stakeholder_type', 'job_title', 'country', 'city_id', 'expertise_ids', 'languages_spoken', 'bio',
      'website', 'public_fields', 'listed', 'time_zone', 'locale',
    ])
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Saves a profile with what the directory may match: lower-cased and unaccented, as searches are. */
export async function saveProfile(db: Executor, userId: number, columns: ProfileColumns, directory: { text: string; facets: string[] }) {
  await db
    .updateTable('users')
    .set({
      ...columns,
      directory_text: sql<string>`lower(unaccent(${directory.text}))`,
      directory_facets: directory.facets,
      updated_at: new Date(),
    })
    .where('id', '=', userId)
    .where('deleted_at', 'is', null)
    .execute();
}

export function allCities(db: Executor) {
  return db.selectFrom('cities').select(['id', 'name', 'country']).orderBy('name').orderBy('country').execute();
}

export function cityById(db: Executor, id: number) {
  return db.selectFrom('cities').select(['id', 'slug', 'name', 'country']).where('id', '=', id).executeTakeFirst();
}

/** What a public profile is made from; which of it shows is the member's choice (see service.ts). */
const PROFILE_COLUMNS = [
  'users.id', 'users.handle', 'users.name', 'users.organisation', 'users.stakeholder_type', 'users.job_title', 'users.country',
  'users.expertise_ids', 'users.languages_spoken', 'users.bio', 'users.website', 'users.public_fields', 'users.listed',
  'cities.slug as city_slug', 'cities.name as city_name',
] as const;

/**
 * A member whose profile shows something: listed in the directory, or with a field made public.
 * Deleted members and those who chose nothing are nobody's business.
 */
export function visibleMember(db: Executor, handle: string) {
  return db
    .selectFrom('users')
    .leftJoin('cities', 'cities.id', 'users.city_id')
    .select(PROFILE_COLUMNS)
    .where('users.handle', '=', handle)
    .where('users.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('users.listed', '=', true), eb(sql`cardinality(users.public_fields)`, '>', 0)]))
    .executeTakeFirst();
}

export type VisibleMemberRow = NonNullable<Awaited<ReturnType<typeof visibleMember>>>;

export interface DirectoryFilter {
  /** Words, each of which must appear (unaccented, any case) in what the member made public. */
  words: readonly string[];
  /** Facet groups: a member matches a group when they have any of its values (`country:FR`). */
  groups: readonly (readonly string[])[];
}

/**
 * Conditions on listed, living members; written as the partial indexes' predicate
 * (`listed AND deleted_at IS NULL`) so the planner can use them.
 */
function directoryConditions(filter: DirectoryFilter): Expression<SqlBool>[] {
  return [
    sql<SqlBool>`users.listed AND users.deleted_at IS NULL`,
    ...filter.words.map((word) => {
      const pattern = `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      return sql<SqlBool>`users.directory_text LIKE lower(unaccent(${pattern})) ESCAPE '\\'`;
    }),
    ...filter.groups.map((values) => sql<SqlBool>`users.directory_facets && ${sql.val([...values])}::text[]`),
  ];
}

export async function countDirectory(db: Executor, filter: DirectoryFilter): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where((eb) => eb.and(directoryConditions(filter)))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function directoryPage(db: Executor, filter: DirectoryFilter, window: { limit: number; offset: number }) {
  return db
    .selectFrom('users')
    .leftJoin('cities', 'cities.id', 'users.city_id')
    .select(PROFILE_COLUMNS)
    .where((eb) => eb.and(directoryConditions(filter)))
    .orderBy(sql`lower(users.name)`)
    .orderBy('users.id')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

/** What the member published, newest first: their profile lists it. */
export async function publishedBy(db: Executor, userId: number, limit: number) {
  const [practices, resources, practiceCount, resourceCount] = await Promise.all([
    db.selectFrom('practices').select(['slug', 'title', 'published_at']).where('author_id', '=', userId).where('status', '=', 'published')
      .orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
    db.selectFrom('resources').select(['slug', 'title', 'published_at']).where('author_id', '=', userId).where('status', '=', 'published')
      .orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
    db.selectFrom('practices').select((eb) => eb.fn.countAll<string>().as('count')).where('author_id', '=', userId).where('status', '=', 'published').executeTakeFirstOrThrow(),
    db.selectFrom('resources').select((eb) => eb.fn.countAll<string>().as('count')).where('author_id', '=', userId).where('status', '=', 'published').executeTakeFirstOrThrow(),
  ]);
  return { practices, resources, practiceCount: Number(practiceCount.count), resourceCount: Number(resourceCount.count) };
}
