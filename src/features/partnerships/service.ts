import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/client.ts';
import { PARTNERSHIP_KINDS, type PartnershipKind } from '../../db/schema/partnerships.ts';
import { isCountryCode } from '../../lib/countries.ts';
import type { CurrentUser } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { loadPage, type Page } from '../../platform/pagination.ts';
import { can } from '../../platform/permissions.ts';
import { taxonomyService } from '../taxonomies/index.ts';

export const PARTNERSHIP_LIMITS = { title: 200, description: 5_000, practices: 10, countries: 30 } as const;

export interface PartnershipForm {
  kind: string;
  title: string;
  description: string;
  countries: readonly string[];
  topics: readonly string[];
  practices: string;
}

export interface PartnershipQuery {
  q: string;
  kind: PartnershipKind | null;
  country: string | null;
  topic: string | null;
  status: 'open' | 'closed';
  ignored: boolean;
}

export interface ListedPartnership {
  id: number;
  kind: PartnershipKind;
  title: string;
  description: string;
  countries: string[];
  topics: string[];
  created_at: Date;
  author_name: string | null;
}

function isKind(value: string): value is PartnershipKind {
  return (PARTNERSHIP_KINDS as readonly string[]).includes(value);
}

export function partnershipsService(deps: { db: Db }) {
  const { db } = deps;
  const taxonomy = taxonomyService(deps);

  async function columnsOf(form: PartnershipForm) {
    const errors: Record<string, string> = {};
    if (!isKind(form.kind)) errors.kind = 'partnerships.errors.kind';
    const title = form.title.trim();
    if (!title) errors.title = 'partnerships.errors.titleRequired';
    else if (title.length > PARTNERSHIP_LIMITS.title) errors.title = 'partnerships.errors.titleTooLong';
    if (form.description.length > PARTNERSHIP_LIMITS.description) errors.description = 'partnerships.errors.descriptionTooLong';
    if (!form.countries.every(isCountryCode) || form.countries.length > PARTNERSHIP_LIMITS.countries) errors.countries = 'partnerships.errors.countries';
    const topicCodes = new Set((await taxonomy.list('topic')).map((term) => term.code));
    if (!form.topics.every((code) => topicCodes.has(code))) errors.topics = 'partnerships.errors.topics';
    const slugs = form.practices.split(/[\s,]+/).map((slug) => slug.replace(/^.*\/practices\//, '').trim()).filter(Boolean);
    const practices = slugs.length === 0 ? [] : await db.selectFrom('practices').select(['id', 'slug']).where('slug', 'in', slugs).where('status', '=', 'published').execute();
    if (practices.length < new Set(slugs).size || slugs.length > PARTNERSHIP_LIMITS.practices) errors.practices = 'partnerships.errors.practices';
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    return {
      kind: form.kind as PartnershipKind,
      title,
      description: form.description.trim(),
      countries: [...new Set(form.countries)],
      topics: [...new Set(form.topics)],
      practice_ids: practices.map((practice) => practice.id),
      search_text: sql<string>`lower(unaccent(${`${title} ${form.description}`}))`,
    };
  }

  async function owned(member: CurrentUser, id: number) {
    const row = await db.selectFrom('partnerships').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError();
    if (row.author_id !== member.id && !can(member, 'content.moderate')) throw new ForbiddenError();
    return row;
  }

  function conditions(query: PartnershipQuery): Expression<SqlBool>[] {
    const words = query.q.split(/\s+/).filter(Boolean).slice(0, 8);
    return [
      sql<SqlBool>`p.status = ${query.status}`,
      ...words.map((word) => sql<SqlBool>`p.search_text LIKE lower(unaccent(${`%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`})) ESCAPE '\\'`),
      ...(query.kind ? [sql<SqlBool>`p.kind = ${query.kind}`] : []),
      ...(query.country ? [sql<SqlBool>`p.countries @> ${sql.val([query.country])}::text[]`] : []),
      ...(query.topic ? [sql<SqlBool>`p.topics @> ${sql.val([query.topic])}::text[]`] : []),
    ];
  }

  /** One page of partnerships matching the query, newest first, each with its author's name. */
  function list(query: PartnershipQuery, page: number): Promise<Page<ListedPartnership>> {
    const base = () => db.selectFrom('partnerships as p').where((eb) => eb.and(conditions(query)));
    return loadPage(page, {
      count: async () => Number((await base().select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()).count),
      rows: (window) =>
        base()
          .leftJoin('users as u', 'u.id', 'p.author_id')
          .select(['p.id', 'p.kind', 'p.title', 'p.description', 'p.countries', 'p.topics', 'p.created_at', sql<string | null>`CASE WHEN u.deleted_at IS NULL THEN u.name END`.as('author_name')])
          .orderBy('p.created_at', 'desc')
          .orderBy('p.id', 'desc')
          .limit(window.limit)
          .offset(window.offset)
          .execute(),
    });
  }

  return {
    async create(member: CurrentUser, form: PartnershipForm): Promise<number> {
      const columns = await columnsOf(form);
      const row = await db.insertInto('partnerships').values({ ...columns, author_id: member.id }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    async update(member: CurrentUser, id: number, form: PartnershipForm): Promise<void> {
      await owned(member, id);
      await db.updateTable('partnerships').set({ ...(await columnsOf(form)), updated_at: new Date() }).where('id', '=', id).execute();
    },

    async close(member: CurrentUser, id: number): Promise<void> {
      await owned(member, id);
      await db.updateTable('partnerships').set({ status: 'closed', closed_at: new Date(), updated_at: new Date() }).where('id', '=', id).where('status', '=', 'open').execute();
    },

    async formOf(member: CurrentUser, id: number): Promise<PartnershipForm> {
      const row = await owned(member, id);
      const practices = row.practice_ids.length === 0 ? [] : await db.selectFrom('practices').select('slug').where('id', 'in', row.practice_ids).execute();
      return { kind: row.kind, title: row.title, description: row.description, countries: row.countries, topics: row.topics, practices: practices.map((practice) => practice.slug).join('\n') };
    },

    /** One partnership with its author's name (never their address) and its practices. */
    async find(id: number) {
      const row = await db
        .selectFrom('partnerships as p')
        .leftJoin('users as u', 'u.id', 'p.author_id')
        .select(['p.id', 'p.kind', 'p.title', 'p.description', 'p.countries', 'p.topics', 'p.practice_ids', 'p.status', 'p.author_id', 'p.created_at', 'p.closed_at', 'u.handle as author_handle', sql<string | null>`CASE WHEN u.deleted_at IS NULL THEN u.name END`.as('author_name')])
        .where('p.id', '=', id)
        .executeTakeFirst();
      if (!row) throw new NotFoundError();
      const practices = row.practice_ids.length === 0 ? [] : await db.selectFrom('practices').select(['slug', 'title', 'language']).where('id', 'in', row.practice_ids).where('status', '=', 'published').execute();
      return { ...row, practices };
    },

    /** Reads the list's filters: values we do not offer are left out, and the page says so. */
    async queryOf(raw: { q?: string; kind?: string; country?: string; topic?: string; status?: string }): Promise<PartnershipQuery> {
      const topicCodes = new Set((await taxonomy.list('topic')).map((term) => term.code));
      const kind = raw.kind && isKind(raw.kind) ? raw.kind : null;
      const country = raw.country && isCountryCode(raw.country) ? raw.country : null;
      const topic = raw.topic && topicCodes.has(raw.topic) ? raw.topic : null;
      const status = raw.status === 'closed' ? 'closed' : 'open';
      const ignored = (!!raw.kind && !kind) || (!!raw.country && !country) || (!!raw.topic && !topic) || (!!raw.status && raw.status !== 'open' && raw.status !== 'closed');
      return { q: (raw.q ?? '').trim().slice(0, 200), kind, country, topic, status, ignored };
    },

    list,

    /** Open partnerships in a country, for its page. */
    openIn: (country: string): Promise<Page<ListedPartnership>> => list({ q: '', kind: null, country, topic: null, status: 'open', ignored: false }, 1),
  };
}

export type PartnershipsService = ReturnType<typeof partnershipsService>;
