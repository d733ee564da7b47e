import { sql, type SqlBool } from 'kysely';
import type { Db, Executor } from '../../db/client.ts';
import { matchSummary } from '../../search/index.ts';
import { PRACTICE_KIND } from '../practices/index.ts';

/** A count of items per place, as every layer gives it. */
export interface CountryCount {
  country: string;
  count: number;
}

export interface CityCount {
  slug: string;
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  count: number;
}

/** Facet groups of a search (`topic:housing`), each matched by any of its values. */
export type FacetGroups = readonly (readonly string[])[];

/** Published items of a kind per country, from the counts the triggers keep (`search_facet_counts`). */
export async function countsByCountry(db: Executor, kind: string): Promise<CountryCount[]> {
  const rows = await db
    .selectFrom('search_facet_counts')
    .select([sql<string>`substr(facet, 9)`.as('country'), 'count'])
    .where('kind', '=', kind)
    .where('facet', 'like', 'country:%')
    .where('count', '>', 0)
    .execute();
  return rows.map((row) => ({ country: row.country, count: Number(row.count) }));
}

const CITIES_SHOWN = 400;

/**
 * Published practices per country and per city, filtered by the practice search's facets: the
 * search's own counts (exact, or estimated from a sample for a large match, then `approximate`).
 */
export async function practiceCounts(db: Db, groups: FacetGroups): Promise<{ countries: CountryCount[]; cities: CityCount[]; approximate: boolean }> {
  const summary = await matchSummary(db, PRACTICE_KIND, { tsquery: '', fuzzyText: null, facetGroups: groups.map((group) => [...group]) });
  const countries: CountryCount[] = [];
  const byCity = new Map<number, number>();
  for (const [facet, count] of summary.counts) {
    if (count <= 0) continue;
    if (facet.startsWith('country:')) countries.push({ country: facet.slice(8), count });
    else if (facet.startsWith('city:')) byCity.set(Number(facet.slice(5)), count);
  }
  const largest = [...byCity].sort((a, b) => b[1] - a[1]).slice(0, CITIES_SHOWN);
  const places = largest.length === 0 ? [] : await db.selectFrom('cities').select(['id', 'slug', 'name', 'country', 'latitude', 'longitude']).where('id', 'in', largest.map(([id]) => id)).execute();
  const placeById = new Map(places.map((place) => [place.id, place]));
  const cities = largest.flatMap(([id, count]) => {
    const place = placeById.get(id);
    return place ? [{ slug: place.slug, name: place.name, country: place.country, latitude: place.latitude, longitude: place.longitude, count }] : [];
  });
  return { countries, cities, approximate: summary.approximate };
}

/** Listed members per public country. */
export async function memberCountsByCountry(db: Executor): Promise<CountryCount[]> {
  const result = await sql<{ country: string; count: string }>`
    SELECT substr(f, 9) AS country, count(*) AS count
      FROM users u, unnest(u.directory_facets) AS f
     WHERE u.listed AND u.deleted_at IS NULL AND f LIKE 'country:%'
     GROUP BY 1`.execute(db);
  return result.rows.map((row) => ({ country: row.country, count: Number(row.count) }));
}

/** Listed members per city they made public. */
export async function memberCountsByCity(db: Executor, country?: string): Promise<CityCount[]> {
  const inCountry = country ? sql<SqlBool>`c.country = ${country}` : sql<SqlBool>`true`;
  const result = await sql<CityCount & { count: string }>`
    SELECT c.slug, c.name, c.country, c.latitude, c.longitude, count(*) AS count
      FROM users u JOIN cities c ON c.id = u.city_id
     WHERE u.listed AND u.deleted_at IS NULL AND 'city' = ANY (u.public_fields) AND ${inCountry}
     GROUP BY c.id ORDER BY count(*) DESC, c.name LIMIT ${CITIES_SHOWN}`.execute(db);
  return result.rows.map((row) => ({ ...row, count: Number(row.count) }));
}

export function cityBySlug(db: Executor, slug: string) {
  return db.selectFrom('cities').select(['id', 'slug', 'name', 'country', 'latitude', 'longitude']).where('slug', '=', slug).executeTakeFirst();
}

/** The newest published items of a kind in a country or city, with how many there are. */
export async function newestIn(db: Executor, table: 'practices' | 'resources', where: { country?: string; cityId?: number }, limit: number) {
  let query = db.selectFrom(table).where('status', '=', 'published');
  if (where.country) query = query.where(sql<SqlBool>`${where.country} = ANY (countries)`);
  if (where.cityId !== undefined && table === 'practices') query = query.where('city_id', '=', where.cityId);
  const [items, total] = await Promise.all([
    query.select(['slug', 'title', 'language']).orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.count) };
}

/** Listed members who made this country (or city) public. */
export async function listedMembersIn(db: Executor, where: { country?: string; cityId?: number }, limit: number) {
  let query = db.selectFrom('users').where(sql<SqlBool>`users.listed AND users.deleted_at IS NULL`);
  if (where.country) query = query.where(sql<SqlBool>`users.directory_facets @> ${sql.val([`country:${where.country}`])}::text[]`);
  if (where.cityId !== undefined) query = query.where('city_id', '=', where.cityId).where(sql<SqlBool>`'city' = ANY (users.public_fields)`);
  const [items, total] = await Promise.all([
    query.select(['handle', 'name']).orderBy(sql`lower(name)`).limit(limit).execute(),
    query.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.count) };
}
