import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/client.ts';
import type { OrganisationRole } from '../../db/schema/organisations.ts';

export interface OrganisationColumns {
  name: string;
  description: string;
  stakeholder_type: string | null;
  countries: string[];
  website: string | null;
}

export function bySlug(db: Executor, slug: string) {
  return db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
  return (await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

export async function insert(db: Executor, slug: string, columns: OrganisationColumns, createdBy: number): Promise<number> {
  const row = await db
    .insertInto('organisations')
    .values({ slug, ...columns, search_text: sql<string>`lower(unaccent(${`${columns.name} ${columns.description}`}))`, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function update(db: Executor, id: number, columns: OrganisationColumns): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ ...columns, search_text: sql<string>`lower(unaccent(${`${columns.name} ${columns.description}`}))`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function membershipOf(db: Executor, organisationId: number, userId: number) {
  return db.selectFrom('organisation_members').select(['role', 'status']).where('organisation_id', '=', organisationId).where('user_id', '=', userId).executeTakeFirst();
}

export async function addMember(db: Executor, organisationId: number, userId: number, role: OrganisationRole, status: 'requested' | 'active'): Promise<void> {
  await db
    .insertInto('organisation_members')
    .values({ organisation_id: organisationId, user_id: userId, role, status })
    .onConflict((conflict) => conflict.columns(['organisation_id', 'user_id']).doUpdateSet({ status: sql`CASE WHEN organisation_members.status = 'active' THEN 'active' ELSE excluded.status END` }))
    .execute();
}

export async function setMembership(db: Executor, organisationId: number, userId: number, values: { role?: OrganisationRole; status?: 'active' }): Promise<number> {
  const result = await db.updateTable('organisation_members').set(values).where('organisation_id', '=', organisationId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function removeMember(db: Executor, organisationId: number, userId: number): Promise<void> {
  await db.deleteFrom('organisation_members').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute();
}

export async function activeManagers(db: Executor, organisationId: number): Promise<number> {
  const row = await db
    .selectFrom('organisation_members')
    .innerJoin('users', 'users.id', 'organisation_members.user_id')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('organisation_members.organisation_id', '=', organisationId)
    .where('organisation_members.role', '=', 'manager')
    .where('organisation_members.status', '=', 'active')
    .where('users.deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Members of an organisation, living accounts only: names and handles, never addresses. */
export function membersOf(db: Executor, organisationId: number, status: 'requested' | 'active') {
  return db
    .selectFrom('organisation_members')
    .innerJoin('users', 'users.id', 'organisation_members.user_id')
    .select(['users.id', 'users.handle', 'users.name', 'organisation_members.role', 'organisation_members.created_at'])
    .where('organisation_members.organisation_id', '=', organisationId)
    .where('organisation_members.status', '=', status)
    .where('users.deleted_at', 'is', null)
    .orderBy('organisation_members.role')
    .orderBy(sql`lower(users.name)`)
    .execute();
}

export function organisationsOfMember(db: Executor, userId: number) {
  return db
    .selectFrom('organisation_members')
    .innerJoin('organisations', 'organisations.id', 'organisation_members.organisation_id')
    .select(['organisations.id', 'organisations.slug', 'organisations.name', 'organisation_members.role'])
    .where('organisation_members.user_id', '=', userId)
    .where('organisation_members.status', '=', 'active')
    .orderBy('organisations.name')
    .execute();
}

export async function addItem(db: Executor, organisationId: number, kind: string, subjectId: number, addedBy: number): Promise<void> {
  await db.insertInto('organisation_items').values({ organisation_id: organisationId, kind, subject_id: subjectId, added_by: addedBy }).onConflict((conflict) => conflict.doNothing()).execute();
}

export async function removeItem(db: Executor, organisationId: number, kind: string, subjectId: number): Promise<void> {
  await db.deleteFrom('organisation_items').where('organisation_id', '=', organisationId).where('kind', '=', kind).where('subject_id', '=', subjectId).execute();
}

export function itemsOf(db: Executor, organisationId: number) {
  return db.selectFrom('organisation_items').select(['kind', 'subject_id']).where('organisation_id', '=', organisationId).orderBy('added_at', 'desc').limit(100).execute();
}

/** The organisation pages that name an item as theirs. */
export function implementersOf(db: Executor, kind: string, subjectId: number) {
  return db
    .selectFrom('organisation_items')
    .innerJoin('organisations', 'organisations.id', 'organisation_items.organisation_id')
    .select(['organisations.slug', 'organisations.name'])
    .where('organisation_items.kind', '=', kind)
    .where('organisation_items.subject_id', '=', subjectId)
    .orderBy('organisations.name')
    .execute();
}

export interface OrganisationFilter {
  words: readonly string[];
  stakeholderTypes: readonly string[];
  countries: readonly string[];
}

function conditions(filter: OrganisationFilter): Expression<SqlBool>[] {
  return [
    sql<SqlBool>`true`,
    ...filter.words.map((word) => sql<SqlBool>`search_text LIKE lower(unaccent(${`%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`})) ESCAPE '\\'`),
    ...(filter.stakeholderTypes.length > 0 ? [sql<SqlBool>`stakeholder_type = ANY (${sql.val([...filter.stakeholderTypes])}::text[])`] : []),
    ...(filter.countries.length > 0 ? [sql<SqlBool>`countries && ${sql.val([...filter.countries])}::text[]`] : []),
  ];
}

export async function countOrganisations(db: Executor, filter: OrganisationFilter): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where((eb) => eb.and(conditions(filter)))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function organisationsPage(db: Executor, filter: OrganisationFilter, window: { limit: number; offset: number }) {
  return db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'description', 'stakeholder_type', 'countries'])
    .where((eb) => eb.and(conditions(filter)))
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

export async function countsByCountry(db: Executor): Promise<{ country: string; count: number }[]> {
  const result = await sql<{ country: string; count: string }>`SELECT unnest(countries) AS country, count(*) AS count FROM organisations GROUP BY 1`.execute(db);
  return result.rows.map((row) => ({ country: row.country, count: Number(row.count) }));
}
