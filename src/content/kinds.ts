import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/client.ts';
import type { CurrentUser } from '../platform/context.ts';
import { can } from '../platform/permissions.ts';

/**
 * The registry of content kinds: practices, resources and every area after them register here how
 * one of their items is found, shown and linked, so that shared machinery (comments, ratings,
 * reports, the moderation and review queues) works on any kind without knowing its tables.
 */

export type Executor = Db | Transaction<Database>;

/** The states every reviewed kind goes through (see editorial/workflow.ts). */
export type ContentStatus = 'draft' | 'submitted' | 'in_review' | 'changes_requested' | 'published' | 'declined' | 'archived';

/** What shared machinery needs to know of one item. */
export interface ContentRef {
  kind: string;
  id: number;
  slug: string;
  title: string;
  /** ISO 639-1 code of the language the item is written in. */
  language: string;
  status: ContentStatus;
  authorId: number | null;
  /** The item's page without the locale prefix, e.g. `/practices/{slug}`. */
  path: string;
}

export interface ContentKind {
  /** Stable name, stored in the engagement tables' `kind` column: never rename one. */
  readonly name: string;
  /** Where its pages live under the locale prefix, e.g. `/practices`. */
  readonly basePath: string;
  findBySlug(db: Executor, slug: string): Promise<ContentRef | undefined>;
  findByIds(db: Executor, ids: readonly number[]): Promise<ContentRef[]>;
  /**
   * Kinds that editors review before publishing: the table whose rows the shared review queue
   * lists (it has id, slug, title, status, language, author_id, submitted_at and updated_at) and
   * the editors' page of one submission, without the locale prefix.
   */
  readonly review?: { table: ReviewedTable; path(slug: string): string };
}

/** Tables of reviewed kinds, named to the queue as SQL identifiers (never user input). */
export type ReviewedTable = 'practices' | 'resources' | 'events' | 'myths';

/**
 * Who may see an item: everyone once published; before that its author and the editors. Kinds
 * share the rule so that no page, queue or report shows a draft to someone else.
 */
export function canViewContent(viewer: CurrentUser | null, item: Pick<ContentRef, 'status' | 'authorId'>): boolean {
  if (item.status === 'published') return true;
  if (!viewer) return false;
  return can(viewer, 'content.editAny') || item.authorId === viewer.id;
}

export interface ContentKinds {
  get(name: string): ContentKind | undefined;
  all(): readonly ContentKind[];
  /** Items by kind and id, for lists that mix kinds (the moderation queue); unknown kinds are skipped. */
  resolve(db: Executor, refs: readonly { kind: string; id: number }[]): Promise<Map<string, ContentRef>>;
}

export const refKey = (kind: string, id: number): string => `${kind}:${id}`;

export function contentKinds(kinds: readonly ContentKind[]): ContentKinds {
  const byName = new Map(kinds.map((kind) => [kind.name, kind]));
  if (byName.size !== kinds.length) throw new Error('Two content kinds share a name');
  return {
    get: (name) => byName.get(name),
    all: () => kinds,
    async resolve(db, refs) {
      const idsByKind = new Map<string, number[]>();
      for (const ref of refs) idsByKind.set(ref.kind, [...(idsByKind.get(ref.kind) ?? []), ref.id]);
      const found = await Promise.all(
        [...idsByKind].map(([name, ids]) => byName.get(name)?.findByIds(db, [...new Set(ids)]) ?? Promise.resolve([])),
      );
      return new Map(found.flat().map((item) => [refKey(item.kind, item.id), item]));
    },
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every kind of content the app serves, registered once in app.ts. */
    contentKinds: ContentKinds;
  }
}


/** The page of an item in a collection: `/practices` + slug → `/practices/{slug}`. */
export function pathOf(basePath: string, slug: string): string {
  return `${basePath}/${encodeURIComponent(slug)}`;
}

/** The columns every kind's table has that a reference is made of. */
export interface ContentRefRow {
  id: number;
  slug: string;
  title: string;
  language: string;
  status: ContentStatus;
  author_id: number | null;
}

/**
 * A kind whose items are rows of one table with the reference columns (`ContentRefRow`): how it
 * is found and shown follows from its name, base path and table.
 */
export function tableKind(spec: { name: string; basePath: string; table: ReviewedTable; reviewPath?: (slug: string) => string }): ContentKind & {
  refOf(row: ContentRefRow): ContentRef;
} {
  const refOf = (row: ContentRefRow): ContentRef => ({
    kind: spec.name,
    id: row.id,
    slug: row.slug,
    title: row.title,
    language: row.language,
    status: row.status,
    authorId: row.author_id,
    path: pathOf(spec.basePath, row.slug),
  });
  const columns = sql`id, slug, title, language, status, author_id`;
  return {
    name: spec.name,
    basePath: spec.basePath,
    ...(spec.reviewPath ? { review: { table: spec.table, path: spec.reviewPath } } : {}),
    refOf,
    async findBySlug(db, slug) {
      const { rows } = await sql<ContentRefRow>`SELECT ${columns} FROM ${sql.table(spec.table)} WHERE slug = ${slug}`.execute(db);
      return rows[0] ? refOf(rows[0]) : undefined;
    },
    async findByIds(db, ids) {
      if (ids.length === 0) return [];
      const { rows } = await sql<ContentRefRow>`SELECT ${columns} FROM ${sql.table(spec.table)} WHERE id = ANY (${sql.val([...ids])}::integer[])`.execute(db);
      return rows.map(refOf);
    },
  };
}

/** Tables whose rows have a unique slug, named to queries as SQL identifiers (never user input). */
export type SluggedTable = ReviewedTable | 'forums' | 'forum_topics' | 'dialogues' | 'consultations' | 'campaigns' | 'labs';

/**
 * The slugs of a table that are `base` or `base-…`: what a new item's slug must
 * avoid (lib/text.ts `nextFreeSlug`).
 */
export async function slugsStartingWith(db: Executor, table: SluggedTable, base: string): Promise<Set<string>> {
  const { rows } = await sql<{ slug: string }>`
    SELECT slug FROM ${sql.table(table)} WHERE slug = ${base} OR slug LIKE ${`${base.replace(/[%_\\]/g, '\\$&')}-%`}`.execute(db);
  return new Set(rows.map((row) => row.slug));
}

export interface ItemLink {
  slug: string;
  title: string;
  language: string;
}

/**
 * The published item just before (older) or after (newer) this one by publication date, for the
 * previous/next links of an item's page. The position is read in SQL: JavaScript dates would
 * lose the microseconds.
 */
export async function publishedNeighbour(db: Executor, table: ReviewedTable, id: number, direction: 'previous' | 'next'): Promise<ItemLink | undefined> {
  const older = direction === 'previous';
  const here = sql`(SELECT published_at, id FROM ${sql.table(table)} WHERE id = ${id})`;
  const { rows } = await sql<ItemLink>`
    SELECT slug, title, language FROM ${sql.table(table)}
    WHERE status = 'published' AND (published_at, id) ${older ? sql`<` : sql`>`} ${here}
    ORDER BY published_at ${older ? sql`DESC` : sql`ASC`}, id ${older ? sql`DESC` : sql`ASC`}
    LIMIT 1`.execute(db);
  return rows[0];
}
