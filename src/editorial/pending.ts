import type { Transaction } from 'kysely';
import type { ContentStatus, Executor } from '../content/kinds.ts';
import type { Database } from '../db/client.ts';
import { diffWords } from '../lib/diff.ts';
import type { CurrentUser } from '../platform/context.ts';
import type { AppDeps } from '../platform/deps.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../platform/errors.ts';
import { isLocale, translator } from '../platform/i18n.ts';
import { can } from '../platform/permissions.ts';
import { insertRevision } from './revisions.ts';
import { tellReviewers } from './tell-editors.ts';

/**
 * Edits to published content go through review: an author's edit of a published item is kept
 * as its one pending change while the published version stays on every public surface, until an
 * editor approves it (it becomes the published version, with a revision) or returns it with a
 * note. Editors may allow an item's authors to publish small corrections directly.
 *
 * Every step locks the item's row, then the pending change's, and checks the versions the person
 * saw, so that an edit, an approval and a withdrawal made at the same moment never lose anything.
 */

/**
 * A small correction changes at most this many characters (counted in the words removed and
 * added) across the kind's correctable text fields, and nothing else: see `isSmallCorrection`.
 */
export const SMALL_CORRECTION_MAX_CHANGED_CHARACTERS = 80;
export const EDITOR_NOTE_MAX = 5000;
/** The queue's name for items whose published version has a change waiting. */
export const CHANGES_PENDING = 'changes_pending';

export type PendingState = 'pending' | 'returned';

/** The published version changed after the pending change was made on it: approving would lose that change. */
export class OutdatedChangeError extends ConflictError {
  constructor() {
    super('The published version changed since the change was proposed');
  }
}

export interface PendingChange<R> {
  authorId: number | null;
  authorName: string | null;
  /** The published version the change was made on. */
  baseVersion: number;
  record: R;
  note: string;
  state: PendingState;
  editorNote: string;
  /** Moves on with every write; steps name the one they saw. */
  version: number;
  updatedAt: Date;
}

/** An item as a step on its pending change reads it, under a row lock. */
export interface LockedItem {
  id: number;
  slug: string;
  title: string;
  status: ContentStatus;
  version: number;
  authorId: number | null;
}

/** What a reviewed kind tells the shared machinery to hold its edits for review. */
export interface PendingKind<R extends object> {
  kind: string;
  /** The editors' page of an item, the item's page and its edit form, without the locale prefix. */
  reviewPath(slug: string): string;
  itemPath(slug: string): string;
  editPath(slug: string): string;
  /** Reads the item and locks its row until the transaction ends. */
  lock(trx: Transaction<Database>, slug: string): Promise<LockedItem | undefined>;
  /** Who may edit the item at all (its author, editors): who may propose and withdraw a change. */
  mayEdit(actor: CurrentUser, item: LockedItem): boolean;
  /**
   * Writes `record` as the item's published version, one version on, with its search rows, and
   * returns the snapshot to keep as the revision.
   */
  publish(trx: Transaction<Database>, item: LockedItem, record: R): Promise<object>;
  toRecord(snapshot: Record<string, unknown>): R;
  /** Text fields where a small correction may change a few characters; a change anywhere else needs an editor. */
  correctableFields: readonly (keyof R & string)[];
}

/** Editors' own edits go live at once; everyone else's edits of a published item are reviewed. */
export function editsNeedReview(actor: CurrentUser): boolean {
  return !can(actor, 'content.editAny');
}

/** JSON with object keys sorted, so that two records built in different orders compare equal. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** How many characters an edit changes in one text: the words removed plus the words added. */
export function changedCharacters(before: string, after: string): number {
  return diffWords(before, after).reduce((total, segment) => (segment.kind === 'same' ? total : total + segment.text.length), 0);
}

/**
 * A small correction: only the correctable text fields changed (never the title, places, themes
 * or anything else), by at most SMALL_CORRECTION_MAX_CHANGED_CHARACTERS characters in all, and
 * no file was added or removed. A typo or a wrong figure, not a new paragraph.
 */
export function isSmallCorrection<R extends object>(
  published: R,
  edited: R,
  correctable: readonly (keyof R & string)[],
  filesChanged: boolean,
): boolean {
  if (filesChanged) return false;
  const fixed = (record: R) => stableJson(Object.fromEntries(Object.entries(record).filter(([key]) => !(correctable as readonly string[]).includes(key))));
  if (fixed(published) !== fixed(edited)) return false;
  const text = (record: R, field: keyof R & string) => {
    const value = record[field];
    return typeof value === 'string' ? value : '';
  };
  let changed = 0;
  for (const field of correctable) {
    changed += changedCharacters(text(published, field), text(edited, field));
    if (changed > SMALL_CORRECTION_MAX_CHANGED_CHARACTERS) return false;
  }
  return true;
}

function pendingRow(executor: Executor, kind: string, subjectId: number) {
  return executor
    .selectFrom('pending_changes as p')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .select(['p.author_id', 'p.base_version', 'p.snapshot', 'p.note', 'p.state', 'p.editor_note', 'p.version', 'p.updated_at'])
    .select((eb) => eb.case().when('u.deleted_at', 'is', null).then(eb.ref('u.name')).else(null).end().as('author_name'))
    .where('p.kind', '=', kind)
    .where('p.subject_id', '=', subjectId)
    .executeTakeFirst();
}

/** Locks the pending change's row (the item's row is locked first, always in that order). */
function lockPendingRow(trx: Transaction<Database>, kind: string, subjectId: number) {
  return trx
    .selectFrom('pending_changes')
    .select(['author_id', 'base_version', 'snapshot', 'note', 'state', 'version'])
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .forUpdate()
    .executeTakeFirst();
}

export interface ProposedEdit<R> {
  /** The published record and the edited one, both as the kind's form would save them. */
  published: R;
  edited: R;
  filesChanged: boolean;
  /** The pending change's version the author's form was opened on; 0 when there was none. */
  pendingVersion: number;
  note: string;
}

export type MailOutcome = 'approved' | 'returned';

export function pendingChanges<R extends object>(deps: Pick<AppDeps, 'db' | 'mailer' | 'config'>, spec: PendingKind<R>) {
  const { db, mailer, config } = deps;

  async function find(executor: Executor, subjectId: number): Promise<PendingChange<R> | undefined> {
    const row = await pendingRow(executor, spec.kind, subjectId);
    if (!row) return undefined;
    return {
      authorId: row.author_id,
      authorName: row.author_name,
      baseVersion: row.base_version,
      record: spec.toRecord(row.snapshot),
      note: row.note,
      state: row.state,
      editorNote: row.editor_note,
      version: row.version,
      updatedAt: row.updated_at,
    };
  }

  async function smallCorrectionsAllowed(executor: Executor, subjectId: number): Promise<boolean> {
    const row = await executor
      .selectFrom('small_corrections')
      .select('subject_id')
      .where('kind', '=', spec.kind)
      .where('subject_id', '=', subjectId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The item under lock, for editors; a step on a missing item is a 404. */
  async function lockForEditors(trx: Transaction<Database>, actor: CurrentUser, slug: string): Promise<LockedItem> {
    if (!can(actor, 'content.review')) throw new ForbiddenError();
    const item = await spec.lock(trx, slug);
    if (!item) throw new NotFoundError();
    return item;
  }

  /** The pending change an editor decides on, provided it is the one they saw and still waits for them. */
  async function waitingChange(trx: Transaction<Database>, item: LockedItem, pendingVersion: number) {
    const change = await lockPendingRow(trx, spec.kind, item.id);
    if (!change || change.version !== pendingVersion || change.state !== 'pending') throw new ConflictError('The pending change moved on since it was read');
    return change;
  }

  async function tellAuthor(authorId: number | null, outcome: MailOutcome, item: LockedItem, editorNote: string): Promise<void> {
    if (authorId === null) return;
    const author = await db.selectFrom('users').select(['email', 'name', 'locale']).where('id', '=', authorId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!author?.email) return;
    const locale = isLocale(author.locale) ? author.locale : 'en';
    const t = translator(locale);
    const path = outcome === 'approved' ? spec.itemPath(item.slug) : spec.editPath(item.slug);
    try {
      await mailer.send({
        to: author.email,
        subject: t(`editorial.pending.mail.${outcome}.subject`, { title: item.title }),
        text: t(`editorial.pending.mail.${outcome}.body`, {
          name: author.name ?? '',
          title: item.title,
          note: editorNote,
          link: new URL(`/${locale}${path}`, config.baseUrl).href,
        }),
      });
    } catch {
      // The decision stands whether or not the mail went out; the author sees it on their edit page.
    }
  }

  return {
    find,
    smallCorrectionsAllowed,

    /**
     * Whether an edit of this item goes live at once or waits for an editor. Editors' edits and
     * edits of unpublished items go live; so does a small correction where an editor allowed
     * them, unless a change already waits (the edit then updates it).
     */
    async needsReview(trx: Transaction<Database>, actor: CurrentUser, item: LockedItem, edit: Pick<ProposedEdit<R>, 'published' | 'edited' | 'filesChanged'>): Promise<boolean> {
      if (item.status !== 'published' || !editsNeedReview(actor)) return false;
      if (await lockPendingRow(trx, spec.kind, item.id)) return true;
      if (!(await smallCorrectionsAllowed(trx, item.id))) return true;
      return !isSmallCorrection(edit.published, edit.edited, spec.correctableFields, edit.filesChanged);
    },

    /**
     * Keeps the edit as the item's pending change (a second edit updates it, and a returned one
     * waits for the editors again). The caller holds the item's lock and checked its version.
     */
    async propose(trx: Transaction<Database>, actor: CurrentUser, item: LockedItem, edit: ProposedEdit<R>): Promise<void> {
      if (edit.filesChanged) throw new ValidationError({ attachments: 'editorial.pending.errors.filesNeedEditor' });
      const current = await lockPendingRow(trx, spec.kind, item.id);
      if ((current?.version ?? 0) !== edit.pendingVersion) throw new ConflictError('The pending change moved on since it was read');
      const values = {
        author_id: actor.id,
        base_version: item.version,
        snapshot: JSON.stringify(edit.edited),
        note: edit.note.trim(),
        state: 'pending' as const,
        editor_note: '',
        updated_at: new Date(),
      };
      if (current) {
        await trx.updateTable('pending_changes').set({ ...values, version: current.version + 1 }).where('kind', '=', spec.kind).where('subject_id', '=', item.id).execute();
      } else {
        await trx.insertInto('pending_changes').values({ ...values, kind: spec.kind, subject_id: item.id }).execute();
      }
    },

    /** Tells the editors, as for a submission, that a change to a published item waits for them. */
    announce(actor: CurrentUser, item: Pick<LockedItem, 'slug' | 'title'>): Promise<void> {
      return tellReviewers(deps, {
        submitter: actor,
        title: item.title,
        reviewPath: spec.reviewPath(item.slug),
        subjectKey: 'editorial.pending.mail.proposed.subject',
        bodyKey: 'editorial.pending.mail.proposed.body',
      });
    },

    /**
     * An editor approves the change: it becomes the published version, recorded as a revision by
     * its author with their note. A change made on an older published version is refused: the
     * editor returns it so that the author brings it up to date, and nothing is overwritten.
     */
    async approve(actor: CurrentUser, slug: string, pendingVersion: number): Promise<void> {
      const { item, authorId } = await db.transaction().execute(async (trx) => {
        const locked = await lockForEditors(trx, actor, slug);
        const change = await waitingChange(trx, locked, pendingVersion);
        if (locked.status !== 'published' || locked.version !== change.base_version) {
          throw new OutdatedChangeError();
        }
        const snapshot = await spec.publish(trx, locked, spec.toRecord(change.snapshot));
        await insertRevision(trx, { kind: spec.kind, id: locked.id }, { version: locked.version + 1, editorId: change.author_id, snapshot, note: change.note });
        await trx.deleteFrom('pending_changes').where('kind', '=', spec.kind).where('subject_id', '=', locked.id).execute();
        return { item: locked, authorId: change.author_id };
      });
      await tellAuthor(authorId, 'approved', item, '');
    },

    /** An editor sends the change back with a note; the author edits it again or withdraws it. */
    async returnToAuthor(actor: CurrentUser, slug: string, pendingVersion: number, rawNote: string): Promise<void> {
      if (!can(actor, 'content.review')) throw new ForbiddenError();
      const note = rawNote.trim();
      if (!note) throw new ValidationError({ editorNote: 'editorial.pending.errors.noteRequired' });
      if (note.length > EDITOR_NOTE_MAX) throw new ValidationError({ editorNote: 'editorial.pending.errors.noteTooLong' });
      const { item, authorId } = await db.transaction().execute(async (trx) => {
        const locked = await lockForEditors(trx, actor, slug);
        const change = await waitingChange(trx, locked, pendingVersion);
        await trx
          .updateTable('pending_changes')
          .set({ state: 'returned', editor_note: note, version: change.version + 1, updated_at: new Date() })
          .where('kind', '=', spec.kind)
          .where('subject_id', '=', locked.id)
          .execute();
        return { item: locked, authorId: change.author_id };
      });
      await tellAuthor(authorId, 'returned', item, note);
    },

    /** Whoever may edit the item drops its pending change; the published version stays as it is. */
    async withdraw(actor: CurrentUser, slug: string, pendingVersion: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const item = await spec.lock(trx, slug);
        if (!item) throw new NotFoundError();
        if (!spec.mayEdit(actor, item)) throw new ForbiddenError();
        const change = await lockPendingRow(trx, spec.kind, item.id);
        if (!change || change.version !== pendingVersion) throw new ConflictError('The pending change moved on since it was read');
        await trx.deleteFrom('pending_changes').where('kind', '=', spec.kind).where('subject_id', '=', item.id).execute();
      });
    },

    /** An editor lets the item's authors publish small corrections directly, or stops it. */
    async allowSmallCorrections(actor: CurrentUser, slug: string, allowed: boolean): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const item = await lockForEditors(trx, actor, slug);
        if (allowed) {
          await trx
            .insertInto('small_corrections')
            .values({ kind: spec.kind, subject_id: item.id, allowed_by: actor.id })
            .onConflict((conflict) => conflict.columns(['kind', 'subject_id']).doNothing())
            .execute();
        } else {
          await trx.deleteFrom('small_corrections').where('kind', '=', spec.kind).where('subject_id', '=', item.id).execute();
        }
      });
    },
  };
}

export type PendingChanges<R extends object> = ReturnType<typeof pendingChanges<R>>;
