import { canViewContent, publishedNeighbour, slugsStartingWith, type ContentStatus, type Executor } from '../../content/kinds.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Vocabulary } from '../../db/schema/taxonomies.ts';
import {
  insertRevision,
  readDecision,
  nextStatus,
  pendingChanges,
  revisionHistory,
  tellReviewers,
  type Decision,
  type LockedItem,
} from '../../editorial/index.ts';
import { nextFreeSlug, slugify } from '../../lib/text.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { isLocale, translator } from '../../platform/i18n.ts';
import { loadPage } from '../../platform/pagination.ts';
import { can } from '../../platform/permissions.ts';
import { kindAttachments, type KindAttachments, type PreparedAttachment } from '../../platform/uploads/index.ts';
import { taxonomyService, type Term } from '../taxonomies/index.ts';
import { RESOURCE_KIND, RESOURCES_PATH, resourceRef, resourceReviewPath } from './kind.ts';
import { checkResourceForm, formValuesOf, LIMITS, type ResourceFormValues, type ResourceInput, type TermCodes } from './model.ts';
import * as queries from './queries.ts';

/**
 * Resources: members submit them, editors publish them (from the shared review queue or directly),
 * and everyone reads the published ones. Every write checks the version the writer saw, so a
 * concurrent edit or decision is refused rather than overwritten.
 */

/** Path segments that fixed routes use next to `/resources/{slug}`: a resource may not take them. */
const RESERVED_SLUGS: ReadonlySet<string> = new Set(['new', 'mine', 'links', 'export']);
/** What a member's form post asks for. */
export const SAVE_ACTIONS = ['draft', 'submit', 'publish'] as const;
export type SaveAction = (typeof SAVE_ACTIONS)[number];
/** States in which the author may change the resource (a published one through review, see editorial/pending.ts). */
const AUTHOR_EDITABLE: ReadonlySet<ContentStatus> = new Set(['draft', 'changes_requested', 'published']);
const HISTORY_PAGE_SIZE = 10;

export interface ResourceDetail {
  row: queries.ResourceRow;
  terms: Term[];
  related: Awaited<ReturnType<typeof queries.relatedPractices>>;
  attachments: Awaited<ReturnType<KindAttachments['list']>>;
  input: ResourceInput;
}

/** Files sent with a form post, already checked and stripped, and attached ones to remove. */
export interface ResourceFiles {
  attachments: readonly PreparedAttachment[];
  removeIds: readonly number[];
}

const NO_FILES: ResourceFiles = { attachments: [], removeIds: [] };

/** Who may change a resource: editors always; its author while it is a draft, sent back or published. */
export function canEditResource(viewer: CurrentUser | null, row: { status: ContentStatus; author_id: number | null }): boolean {
  if (!viewer) return false;
  if (can(viewer, 'content.editAny')) return true;
  return row.author_id === viewer.id && AUTHOR_EDITABLE.has(row.status);
}

export function resourceService(deps: AppDeps) {
  const { db, mailer, config } = deps;
  const taxonomy = taxonomyService(deps);
  const files = kindAttachments(db, config.dataDir, RESOURCE_KIND, { tooManyError: 'resources.errors.tooManyAttachments' });

  async function termCodes(): Promise<TermCodes & { byCode: Map<string, number>; terms: Map<Vocabulary, Term[]> }> {
    const terms = await taxonomy.all();
    const codes = (vocabulary: Vocabulary) => new Set((terms.get(vocabulary) ?? []).map((term) => term.code));
    const byCode = new Map<string, number>();
    for (const [vocabulary, list] of terms) for (const term of list) byCode.set(`${vocabulary}:${term.code}`, term.id);
    return { topics: codes('topic'), targetGroups: codes('target_group'), byCode, terms };
  }

  /** The checked input, or a ValidationError with every problem; related practices must exist and be published. */
  async function checked(form: ResourceFormValues, hasAttachment: boolean) {
    const codes = await termCodes();
    const { input, errors } = checkResourceForm(form, codes, new Date().getUTCFullYear(), hasAttachment);
    const practiceIds = input ? await queries.publishedPracticeIds(db, input.relatedPractices) : new Map<string, number>();
    if (input && practiceIds.size < input.relatedPractices.length) {
      throw new ValidationError({ ...errors, relatedPractices: 'resources.errors.practiceNotFound' });
    }
    if (!input) throw new ValidationError(errors);
    const termIds = [
      ...input.topics.map((code) => codes.byCode.get(`topic:${code}`)),
      ...input.targetGroups.map((code) => codes.byCode.get(`target_group:${code}`)),
    ].filter((id): id is number => id !== undefined);
    return { input, termIds, practiceIds: input.relatedPractices.flatMap((slug) => practiceIds.get(slug) ?? []) };
  }

  function columnsOf(input: ResourceInput, termIds: number[]) {
    return {
      type: input.type,
      title: input.title,
      summary: input.summary,
      body: input.body,
      url: input.url,
      publisher: input.publisher,
      year: input.year,
      language: input.language,
      countries: input.countries,
      term_ids: termIds,
    };
  }

  function statusAfter(actor: CurrentUser, action: SaveAction, current: ContentStatus | null): ContentStatus {
    if (action === 'publish') {
      if (!can(actor, 'content.review')) throw new ForbiddenError();
      return 'published';
    }
    // An editor correcting a published resource keeps it published; the change is a revision.
    if (current === 'published') return 'published';
    return action === 'submit' ? 'submitted' : (current ?? 'draft');
  }

  async function detailOf(row: queries.ResourceRow): Promise<ResourceDetail> {
    const [terms, related, attachments] = await Promise.all([taxonomy.byIds(row.term_ids), queries.relatedPractices(db, row.id), files.list(db, row.id)]);
    const codes = (vocabulary: Vocabulary) => terms.filter((term) => term.vocabulary === vocabulary).map((term) => term.code);
    return {
      row,
      terms,
      related,
      attachments,
      input: {
        type: row.type,
        title: row.title,
        summary: row.summary,
        body: row.body,
        url: row.url,
        publisher: row.publisher,
        year: row.year,
        language: row.language as ResourceInput['language'],
        countries: row.countries,
        topics: codes('topic'),
        targetGroups: codes('target_group'),
        relatedPractices: related.map((practice) => practice.slug),
      },
    };
  }

  /** A resource as its viewer may see it: drafts and submissions only to their author and the editors. */
  async function findVisible(viewer: CurrentUser | null, slug: string): Promise<ResourceDetail> {
    const row = await queries.findBySlug(db, slug);
    if (!row || !canViewContent(viewer, resourceRef(row))) throw new NotFoundError();
    return detailOf(row);
  }

  async function tellAuthor(row: queries.ResourceRow, decision: Decision, message: string): Promise<void> {
    if (!row.author_email) return;
    const locale = row.author_locale && isLocale(row.author_locale) ? row.author_locale : 'en';
    const t = translator(locale);
    const path = decision === 'publish' ? `/resources/${row.slug}` : `/resources/${row.slug}/edit`;
    await mailer.send({
      to: row.author_email,
      subject: t(`resources.mail.${decision}.subject`, { title: row.title }),
      text: t(`resources.mail.${decision}.body`, {
        name: row.author_name ?? '',
        title: row.title,
        message: message || t('resources.mail.noMessage'),
        link: new URL(`/${locale}${path}`, config.baseUrl).href,
      }),
    });
  }

  /** A resource's locked row as the pending-change machinery reads it. */
  async function lockItem(trx: Executor, slug: string): Promise<LockedItem | undefined> {
    const row = await queries.lockBySlug(trx, slug);
    return row ? { id: row.id, slug: row.slug, title: row.title, status: row.status, version: row.version, authorId: row.author_id } : undefined;
  }

  /** Authors' edits of a published resource wait for an editor (editorial/pending.ts). */
  const pending = pendingChanges<ResourceInput>(deps, {
    kind: RESOURCE_KIND,
    reviewPath: resourceReviewPath,
    itemPath: (slug) => `${RESOURCES_PATH}/${encodeURIComponent(slug)}`,
    editPath: (slug) => `${RESOURCES_PATH}/${encodeURIComponent(slug)}/edit`,
    lock: lockItem,
    mayEdit: (actor, item) => canEditResource(actor, { status: item.status, author_id: item.authorId }),
    async publish(trx, item, record) {
      const hasAttachment = (await files.list(trx, item.id)).length > 0;
      const { input, termIds, practiceIds } = await checked(formValuesOf(record), hasAttachment);
      await queries.updateResource(trx, item.id, { ...columnsOf(input, termIds), version: item.version + 1 });
      await queries.replaceRelatedPractices(trx, item.id, practiceIds);
      return input;
    },
    // Revisions and pending changes are written by this service from a checked ResourceInput.
    toRecord: (snapshot) => snapshot as unknown as ResourceInput,
    correctableFields: ['summary', 'body', 'publisher'],
  });

  function tellReviewersOf(submitter: CurrentUser, slug: string, title: string): Promise<void> {
    return tellReviewers(deps, {
      submitter,
      title,
      reviewPath: resourceReviewPath(slug),
      subjectKey: 'resources.mail.submitted.subject',
      bodyKey: 'resources.mail.submitted.body',
    });
  }

  return {
    termCodes,

    /** A new resource by `actor`: a draft, a submission, or (editors) published at once. Returns its slug. */
    async create(
      actor: CurrentUser,
      form: ResourceFormValues,
      action: SaveAction,
      /** The demo loader and imports name the original author and date; members never do. */
      options: { publishedAt?: Date; slug?: string; authorId?: number } = {},
      sent: ResourceFiles = NO_FILES,
    ): Promise<string> {
      const status = statusAfter(actor, action, null);
      const { input, termIds, practiceIds } = await checked(form, sent.attachments.length > 0);
      for (let attempt = 0; ; attempt += 1) {
        try {
          const created = await files.withStoredFiles(sent.attachments, (stored) => db.transaction().execute(async (trx) => {
            const base = options.slug ?? (slugify(input.title, 80) || 'resource');
            const slug = options.slug ?? nextFreeSlug(base, await slugsStartingWith(trx, 'resources', base), RESERVED_SLUGS);
            const now = new Date();
            const id = await queries.insertResource(trx, {
              ...columnsOf(input, termIds),
              slug,
              author_id: options.authorId ?? actor.id,
              status,
              submitted_at: status === 'draft' ? null : (options.publishedAt ?? now),
              published_at: status === 'published' ? (options.publishedAt ?? now) : null,
            });
            await queries.replaceRelatedPractices(trx, id, practiceIds);
            await files.insert(trx, id, stored);
            if (status === 'published') await insertRevision(trx, { kind: RESOURCE_KIND, id }, { version: 1, editorId: actor.id, snapshot: input, note: '' });
            return slug;
          }));
          // The demo loader dates what it loads in the past: nobody needs mail about it.
          if (status === 'submitted' && !options.publishedAt) await tellReviewersOf(actor, created, input.title);
          return created;
        } catch (error) {
          // Two members choosing the same title at once: the loser takes the next free slug.
          if (isUniqueViolation(error) && !options.slug && attempt < 3) continue;
          throw error;
        }
      }
    },

    /**
     * Saves an edit made on the version the writer saw; returns the new status, and whether the
     * edit was kept as a change to the published resource for the editors to review. A concurrent
     * change raised the version and the edit is refused with a conflict, nothing overwritten.
     */
    async update(
      actor: CurrentUser,
      slug: string,
      version: number,
      form: ResourceFormValues,
      action: SaveAction,
      sent: ResourceFiles = NO_FILES,
      /** The version of the resource's pending change the form was opened on (0: none). */
      pendingVersion = 0,
    ): Promise<{ status: ContentStatus; pending: boolean }> {
      const current = await queries.findBySlug(db, slug);
      if (!current || !canViewContent(actor, resourceRef(current))) throw new NotFoundError();
      if (!canEditResource(actor, current)) throw new ForbiddenError();
      const status = statusAfter(actor, action, current.status);
      const kept = (await files.list(db, current.id)).filter((file) => !sent.removeIds.includes(file.id));
      const { input, termIds, practiceIds } = await checked(form, kept.length + sent.attachments.length > 0);
      const filesChanged = sent.attachments.length > 0 || sent.removeIds.length > 0;
      const { status: saved, removedKeys, held } = await files.withStoredFiles(sent.attachments, (stored) => db.transaction().execute(async (trx) => {
        const locked = await lockItem(trx, slug);
        if (!locked || locked.version !== version) throw new ConflictError('The resource changed since it was read');
        const edit = { published: (await detailOf(current)).input, edited: input, filesChanged };
        if (await pending.needsReview(trx, actor, locked, edit)) {
          await pending.propose(trx, actor, locked, { ...edit, pendingVersion, note: '' });
          return { status: locked.status, removedKeys: [], held: locked };
        }
        const publishing = status === 'published';
        await queries.updateResource(trx, locked.id, {
          ...columnsOf(input, termIds),
          status,
          version: version + 1,
          submitted_at: status === 'submitted' ? new Date() : current.submitted_at,
          published_at: publishing ? (current.published_at ?? new Date()) : current.published_at,
        });
        await queries.replaceRelatedPractices(trx, locked.id, practiceIds);
        const removed = await files.replace(trx, locked.id, stored, sent.removeIds);
        if (publishing) await insertRevision(trx, { kind: RESOURCE_KIND, id: locked.id }, { version: version + 1, editorId: actor.id, snapshot: input, note: '' });
        return { status, removedKeys: removed, held: undefined };
      }));
      // Only once the rows are gone for good: a rolled-back removal must still find its file.
      await files.removeFiles(removedKeys);
      if (held) await pending.announce(actor, held);
      if (saved === 'submitted') await tellReviewersOf(actor, slug, input.title);
      return { status: saved, pending: held !== undefined };
    },

    /** The steps on a resource's pending change: approve, return, withdraw, small corrections. */
    pending,

    /** A resource's pending change, if any, and whether its authors' small corrections go live at once. */
    async pendingOf(resourceId: number) {
      const [change, smallCorrections] = await Promise.all([pending.find(db, resourceId), pending.smallCorrectionsAllowed(db, resourceId)]);
      return { change, smallCorrections };
    },

    /** The field errors a form would get, for a post refused for its files before it is saved. */
    async problems(form: ResourceFormValues, hasAttachment: boolean): Promise<Record<string, string>> {
      try {
        await checked(form, hasAttachment);
        return {};
      } catch (error) {
        if (error instanceof ValidationError) return { ...error.errors };
        throw error;
      }
    },

    /** An attached file to download, for people who may see the resource. */
    async attachment(viewer: CurrentUser | null, slug: string, attachmentId: number) {
      const row = await queries.findBySlug(db, slug);
      if (!row || !canViewContent(viewer, resourceRef(row))) throw new NotFoundError();
      return { ...(await files.open(row.id, attachmentId)), isPublic: row.status === 'published' };
    },

    /** A resource as its viewer may see it: drafts and submissions only to their author and the editors. */
    find: findVisible,

    /** Published versions of a resource, newest first, for everyone who may see it. */
    async history(viewer: CurrentUser | null, slug: string, page: number) {
      const detail = await findVisible(viewer, slug);
      const revisions = await revisionHistory(db, { kind: RESOURCE_KIND, id: detail.row.id }, page, {
        pageSize: HISTORY_PAGE_SIZE,
        // Revisions are written by this service from a checked ResourceInput (create, update, decide).
        toRecord: (snapshot) => snapshot as unknown as ResourceInput,
      });
      return { detail, revisions };
    },

    async neighbours(resourceId: number) {
      const [previous, next] = await Promise.all([publishedNeighbour(db, 'resources', resourceId, 'previous'), publishedNeighbour(db, 'resources', resourceId, 'next')]);
      return { previous, next };
    },

    /** Editors' decision on a submission: publish, ask for changes or decline; the author is mailed. */
    async decide(actor: CurrentUser, slug: string, version: number, rawDecision: string, rawMessage: string): Promise<Decision> {
      if (!can(actor, 'content.review')) throw new ForbiddenError();
      const { decision, message } = readDecision(rawDecision, rawMessage, 'resources');
      const row = await queries.findBySlug(db, slug);
      if (!row) throw new NotFoundError();
      const status = nextStatus(row.status, decision);
      if (!status) throw new ConflictError(`A ${row.status} resource cannot be decided on`);
      await db.transaction().execute(async (trx) => {
        const locked = await queries.lockBySlug(trx, slug);
        if (!locked || locked.version !== version || locked.status !== row.status) throw new ConflictError('The resource changed since it was read');
        await queries.updateResource(trx, locked.id, {
          status,
          version: version + 1,
          decision_message: message,
          published_at: status === 'published' ? (row.published_at ?? new Date()) : row.published_at,
        });
        if (status === 'published') {
          const { input } = await detailOf(row);
          await insertRevision(trx, { kind: RESOURCE_KIND, id: locked.id }, { version: version + 1, editorId: actor.id, snapshot: input, note: '' });
        }
      });
      await tellAuthor(row, decision, message);
      return decision;
    },

    /** The signed-in member's own resources, last changed first. */
    mine(actor: CurrentUser, page: number) {
      return loadPage(page, { count: () => queries.countByAuthor(db, actor.id), rows: (window) => queries.pageByAuthor(db, actor.id, window) });
    },

    /** Published resources whose link failed its last check, for editors. */
    brokenLinks(actor: CurrentUser, page: number) {
      if (!can(actor, 'content.curate')) throw new ForbiddenError();
      return loadPage(page, { count: () => queries.countBrokenLinks(db), rows: (window) => queries.brokenLinks(db, window) });
    },

    limits: LIMITS,
  };
}

export type ResourceService = ReturnType<typeof resourceService>;
