import { sql } from 'kysely';
import type { Db } from '../db/client.ts';

/** Database access for searches that found nothing (see misses.ts for the rules). */

/** Today's salt, made by the first search of the day; concurrent first searches agree on one. */
export async function saltOfToday(db: Db, candidate: string): Promise<string> {
  await db
    .insertInto('search_miss_salts')
    .values({ day: sql<string>`current_date`, salt: candidate })
    .onConflict((conflict) => conflict.column('day').doNothing())
    .execute();
  const row = await db.selectFrom('search_miss_salts').select('salt').where('day', '=', sql<string>`current_date`).executeTakeFirstOrThrow();
  return row.salt;
}

/** One row per query, locale and visitor: the same visitor searching again only moves the date. */
export async function recordMiss(db: Db, miss: { query: string; locale: string; visitorHash: string }): Promise<void> {
  await db
    .insertInto('search_misses')
    .values({ query: miss.query, locale: miss.locale, visitor_hash: miss.visitorHash })
    .onConflict((conflict) => conflict.columns(['query', 'locale', 'visitor_hash']).doUpdateSet({ last_at: new Date() }))
    .execute();
}

/** The queries that enough different visitors made, from `since` on. */
function sharedMisses(db: Db, minVisitors: number, since: Date) {
  return db
    .selectFrom('search_misses')
    .select((eb) => ['query', 'locale', eb.fn.count<string>('visitor_hash').distinct().as('visitors'), eb.fn.max('last_at').as('last_at')])
    .where('last_at', '>=', since)
    .groupBy(['query', 'locale'])
    .having((eb) => eb.fn.count('visitor_hash').distinct(), '>=', minVisitors);
}

export async function countSharedMisses(db: Db, minVisitors: number, since: Date): Promise<number> {
  const row = await db
    .selectFrom(sharedMisses(db, minVisitors, since).as('shared'))
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export async function pageOfSharedMisses(db: Db, minVisitors: number, since: Date, window: { limit: number; offset: number }) {
  const rows = await sharedMisses(db, minVisitors, since)
    .orderBy('visitors', 'desc')
    .orderBy('last_at', 'desc')
    .orderBy('query')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
  return rows.map((row) => ({ query: row.query, locale: row.locale, visitors: Number(row.visitors), last_at: new Date(row.last_at) }));
}

/** Deletes rows last seen before `before`, and every salt but today's. */
export async function forgetMissesBefore(db: Db, before: Date): Promise<{ misses: number }> {
  const deleted = await db.deleteFrom('search_misses').where('last_at', '<', before).executeTakeFirst();
  await db.deleteFrom('search_miss_salts').where('day', '<', sql<string>`current_date`).execute();
  return { misses: Number(deleted.numDeletedRows) };
}
