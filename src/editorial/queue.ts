import { sql, type RawBuilder } from 'kysely';
import type { ContentKind, ContentKinds, ContentStatus, Executor } from '../content/kinds.ts';
import type { CurrentUser } from '../platform/context.ts';
import { ForbiddenError } from '../platform/errors.ts';
import { loadPage, type Page } from '../platform/pagination.ts';
import { can } from '../platform/permissions.ts';
import { CHANGES_PENDING } from './pending.ts';
import { AWAITING_EDITOR } from './workflow.ts';

/**
 * The editors' one review queue: submissions of every reviewed kind (practices, resources, …)
 * in one list, oldest submission first so that nobody waits longest by accident, filterable by
 * state, kind and language. Each kind keeps its own review page; the queue links to it.
 */

/** Where an item stands in the queue: its state, or a published item with a change waiting for review. */
export type QueueState = ContentStatus | typeof CHANGES_PENDING;

export const QUEUE_STATES: readonly QueueState[] = ['submitted', 'in_review', CHANGES_PENDING, 'changes_requested', 'published', 'declined', 'archived'];

/** The queue's default view: what waits for an editor, submissions and changes to published items alike. */
const WAITING: readonly QueueState[] = [...AWAITING_EDITOR, CHANGES_PENDING];

export interface QueueFilter {
  state: QueueState | null;
  kind: string | null;
  language: string | null;
}

export interface QueueRow {
  kind: string;
  slug: string;
  title: string;
  status: QueueState;
  language: string;
  /** When it was submitted, or when its pending change was last saved. */
  submitted_at: Date | null;
  author_name: string | null;
  /** The editors' page of this submission, without the locale prefix. */
  reviewPath: string;
}

/**
 * Every reviewed kind's rows in one relation with the same columns, or only the asked kind's: each
 * item in its state, and once more as `changes_pending` while an edit of it waits for an editor.
 */
function submissions(kinds: readonly ContentKind[]): RawBuilder<unknown> {
  const parts = kinds.flatMap((kind) =>
    kind.review
      ? [
          sql`SELECT ${kind.name}::text AS kind, id, slug, title, status, language, author_id, submitted_at FROM ${sql.table(kind.review.table)}`,
          sql`SELECT ${kind.name}::text AS kind, t.id, t.slug, t.title, ${CHANGES_PENDING}::text AS status, t.language, p.author_id, p.updated_at AS submitted_at
            FROM pending_changes p JOIN ${sql.table(kind.review.table)} t ON t.id = p.subject_id
            WHERE p.kind = ${kind.name} AND p.state = 'pending'`,
        ]
      : [],
  );
  // A registry without reviewed kinds still gives a well-formed, empty relation.
  return parts.length > 0 ? sql.join(parts, sql` UNION ALL `) : sql`SELECT NULL::text, NULL::integer, NULL, NULL, NULL, NULL, NULL::integer, NULL::timestamptz WHERE false`;
}

export function reviewQueue({ db, kinds }: { db: Executor; kinds: ContentKinds }) {
  const reviewed = () => kinds.all().filter((kind) => kind.review);

  function chosen(filter: QueueFilter): readonly ContentKind[] {
    return filter.kind ? reviewed().filter((kind) => kind.name === filter.kind) : reviewed();
  }

  function where(filter: QueueFilter): RawBuilder<boolean> {
    const statuses = filter.state ? [filter.state] : WAITING;
    const conditions = [sql`q.status = ANY(${sql.val([...statuses])}::text[])`];
    if (filter.language) conditions.push(sql`q.language = ${filter.language}`);
    return sql<boolean>`${sql.join(conditions, sql` AND `)}`;
  }

  return {
    /** Names of the kinds editors review, for the queue's filter. */
    kindNames(): string[] {
      return reviewed().map((kind) => kind.name);
    },

    /** How many submissions of the chosen kinds are in each state, drafts excepted: they are their authors' business. */
    async counts(filter: Pick<QueueFilter, 'kind'>): Promise<Map<QueueState, number>> {
      const { rows } = await sql<{ status: QueueState; count: number }>`
        SELECT q.status, count(*)::integer AS count
        FROM (${submissions(chosen({ state: null, language: null, ...filter }))}) q
        WHERE q.status <> 'draft'
        GROUP BY q.status`.execute(db);
      return new Map(rows.map((row) => [row.status, row.count]));
    },

    async page(actor: CurrentUser, filter: QueueFilter, page: number): Promise<Page<QueueRow>> {
      if (!can(actor, 'content.review')) throw new ForbiddenError();
      const from = chosen(filter);
      const byName = new Map(from.map((kind) => [kind.name, kind]));
      return loadPage(page, {
        count: async () => {
          const { rows } = await sql<{ count: number }>`
            SELECT count(*)::integer AS count FROM (${submissions(from)}) q WHERE ${where(filter)}`.execute(db);
          return rows[0]?.count ?? 0;
        },
        rows: async (window) => {
          const { rows } = await sql<Omit<QueueRow, 'reviewPath'>>`
            SELECT q.kind, q.slug, q.title, q.status, q.language, q.submitted_at,
              CASE WHEN u.deleted_at IS NULL THEN u.name END AS author_name
            FROM (${submissions(from)}) q
            LEFT JOIN users u ON u.id = q.author_id
            WHERE ${where(filter)}
            ORDER BY q.submitted_at ASC NULLS LAST, q.kind, q.id
            LIMIT ${window.limit} OFFSET ${window.offset}`.execute(db);
          return rows.map((row) => ({ ...row, reviewPath: byName.get(row.kind)?.review?.path(row.slug) ?? '/review' }));
        },
      });
    },
  };
}

export type ReviewQueue = ReturnType<typeof reviewQueue>;
