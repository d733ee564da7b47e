import { slugsStartingWith } from '../../content/kinds.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { regionOf } from '../../lib/regions.ts';
import { nextFreeSlug, slugify } from '../../lib/text.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { PracticeStatus } from '../../db/schema/practices.ts';
import { taxonomyService, type Term } from '../taxonomies/index.ts';
import { kindAttachments, type KindAttachments, type PreparedAttachment } from '../../platform/uploads/index.ts';
import { PRACTICE_VOCABULARIES, type PracticeInput, type TermField } from './model.ts';
import { canEdit, isEditor } from './policies.ts';
import * as queries from './queries.ts';
import { isoDay } from './running.ts';
import { practiceErrors } from './validation.ts';
import { insertRevision } from '../../editorial/revisions.ts';
import { canStep } from '../../editorial/workflow.ts';
import { editsNeedReview, pendingChanges, type LockedItem } from '../../editorial/pending.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/client.ts';
import { PRACTICE_KIND, PRACTICES_PATH, practiceKind } from './kind.ts';
import { canonicalRecord, recordFromSnapshot, snapshotOf } from './record.ts';


export interface PracticeDetail {
  row: NonNullable<Awaited<ReturnType<typeof queries.findPracticeRow>>>;
  terms: Term[];
  organisations: Awaited<ReturnType<typeof queries.findOrganisations>>;
  links: Awaited<ReturnType<typeof queries.findLinks>>;
  attachments: Awaited<ReturnType<KindAttachments['list']>>;
}

/** How a record enters the database: by an author's form, or by the demo content and CSV import. */
export interface WriteOptions {
  authorId: number | null;
  status?: PracticeStatus;
  publishedAt?: Date | null;
  /** Files already checked and stripped (see platform/uploads). */
  attachments?: readonly PreparedAttachment[];
  /** Write inside the caller's transaction (the CSV import: every row or none) instead of a new one. */
  executor?: queries.Executor;
}

/** What an edit may do besides changing the record. */
export interface UpdateOptions {
  /** Send the record to the editors in the same step (draft or changes requested only). */
  submit?: boolean;
  /** Why the change was made, kept with the revision of a published practice. */
  note?: string;
  /** The version of the practice's pending change the form was opened on (0: none). */
  pendingVersion?: number;
  attachments?: readonly PreparedAttachment[];
  removeAttachmentIds?: readonly number[];
}

/** The featured practice as the home page shows it. */
export interface FeaturedPractice {
  slug: string;
  title: string;
  summary: string;
  language: string;
  countries: string[];
}

/** Path segments that fixed routes use next to `/practices/{slug}`: a practice may not take them. */
const RESERVED_SLUGS: ReadonlySet<string> = new Set(['new', 'mine', 'criteria', 'import', 'export', 'flags', 'gaps', 'feed']);


export function practiceService(deps: AppDeps) {
  const { db } = deps;
  const practiceFiles = kindAttachments(db, deps.config.dataDir, PRACTICE_KIND, { tooManyError: 'practices.errors.tooManyAttachments' });

  /**
   * Turns the record's references (term codes, city, adapted-from slug) into ids, refusing
   * unknown ones with field errors, and derives the columns stored alongside (regions).
   */
  async function resolveColumns(executor: queries.Executor, input: PracticeInput, forSubmission: boolean): Promise<queries.PracticeColumns> {
    const errors: Record<string, string> = { ...practiceErrors(input, { forSubmission }) };
    const termIds: number[] = [];
    for (const [field, vocabulary] of Object.entries(PRACTICE_VOCABULARIES) as [TermField, (typeof PRACTICE_VOCABULARIES)[TermField]][]) {
      const codes = [...new Set(input[field])];
      const found = await queries.termIdsByCode(executor, vocabulary, codes);
      if (found.size !== codes.length) errors[field] = 'practices.errors.termUnknown';
      termIds.push(...found.values());
    }
    let adaptedFromId: number | null = null;
    if (input.adaptedFromSlug) {
      adaptedFromId = (await queries.practiceIdBySlug(executor, input.adaptedFromSlug)) ?? null;
      if (adaptedFromId === null) errors.adaptedFrom = 'practices.errors.adaptedFromUnknown';
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);

    const cityId = input.city
      ? await queries.upsertCity(executor, slugify(`${input.city.name} ${input.city.country}`), input.city)
      : null;
    const countries = [...new Set(input.countries)];
    const regions = [...new Set(countries.flatMap((country) => {
      const region = regionOf(country);
      return region ? [region.region, region.subregion] : [];
    }))];
    return {
      title: input.title.trim(),
      summary: input.summary.trim(),
      background: input.background.trim(),
      activities: input.activities.trim(),
      participants: input.participants.trim(),
      people_reached: input.peopleReached,
      outcomes: input.outcomes.trim(),
      evaluation: input.evaluation.trim(),
      evidence_level: input.evidenceLevel,
      recommendations: input.recommendations.trim(),
      scale: input.scale,
      city_id: cityId,
      countries,
      regions,
      term_ids: termIds.sort((a, b) => a - b),
      start_date: input.startDate,
      end_date: input.endDate,
      ongoing: input.ongoing,
      funding_source: input.fundingSource.trim(),
      budget_amount: input.budgetAmount,
      budget_currency: input.budgetCurrency,
      contact_name: input.contact?.name.trim() ?? null,
      contact_email: input.contact?.email.trim() ?? null,
      contact_public: input.contact?.public ?? false,
      language: input.language,
      adapted_from_id: adaptedFromId,
      last_confirmed_at: input.lastConfirmedAt,
    };
  }

  async function writeRelations(executor: queries.Executor, practiceId: number, input: PracticeInput) {
    await queries.replaceOrganisations(executor, practiceId, input.organisations);
    await queries.replaceLinks(executor, practiceId, input.links);
    await queries.refreshSearchVector(executor, practiceId);
  }

  /** The published record as its form would save it, read inside the caller's transaction. */
  async function storedRecord(executor: queries.Executor, row: PracticeDetail['row']): Promise<PracticeInput> {
    const [terms, organisations, links] = await Promise.all([
      taxonomyService(deps).byIds(row.term_ids),
      queries.findOrganisations(executor, row.id),
      queries.findLinks(executor, row.id),
    ]);
    return canonicalRecord(snapshotOf({ row, terms, organisations, links }));
  }

  /** Authors' edits of a published practice wait for an editor (editorial/pending.ts). */
  const pending = pendingChanges<PracticeInput>(deps, {
    kind: PRACTICE_KIND,
    reviewPath: (slug) => practiceKind.review?.path(slug) ?? `/review/${slug}`,
    itemPath: (slug) => `${PRACTICES_PATH}/${slug}`,
    editPath: (slug) => `${PRACTICES_PATH}/${slug}/edit`,
    lock: queries.lockPractice,
    mayEdit: (actor, item) => canEdit(actor, { status: item.status, author_id: item.authorId }),
    async publish(trx: Transaction<Database>, item: LockedItem, record: PracticeInput) {
      const existing = await queries.findPracticeRow(trx, item.slug);
      if (!existing) throw new NotFoundError();
      // Confirmations that the practice still runs may have come in while the change waited.
      const input = { ...record, lastConfirmedAt: isoDay(existing.last_confirmed_at) };
      const columns = await resolveColumns(trx, input, true);
      if (!(await queries.updatePracticeAtVersion(trx, item.id, item.version, columns))) throw new ConflictError('The practice changed since it was opened');
      await writeRelations(trx, item.id, input);
      return { ...canonicalRecord(input) };
    },
    toRecord: recordFromSnapshot,
    correctableFields: ['summary', 'background', 'activities', 'participants', 'outcomes', 'evaluation', 'recommendations', 'fundingSource'],
  });

  return {
    /**
     * Creates a practice (a draft, unless the options say otherwise) and returns its slug. Two
     * records with the same title get distinct slugs, even when saved at the same moment.
     */
    async create(input: PracticeInput, options: WriteOptions, slug?: string): Promise<string> {
      const forSubmission = (options.status ?? 'draft') !== 'draft';
      for (let attempt = 0; ; attempt += 1) {
        try {
          const inTransaction = <T,>(work: (trx: queries.Executor) => Promise<T>): Promise<T> =>
            options.executor ? work(options.executor) : db.transaction().execute(work);
          return await practiceFiles.withStoredFiles(options.attachments ?? [], (stored) => inTransaction(async (trx) => {
            const columns = await resolveColumns(trx, input, forSubmission);
            const base = slug ?? (slugify(input.title, 80) || 'practice');
            const chosen = slug ?? nextFreeSlug(base, await slugsStartingWith(trx, 'practices', base), RESERVED_SLUGS);
            const status = options.status ?? 'draft';
            const id = await queries.insertPractice(trx, {
              ...columns,
              slug: chosen,
              author_id: options.authorId,
              status,
              submitted_at: status === 'draft' ? null : new Date(),
              published_at: status === 'published' ? (options.publishedAt ?? new Date()) : null,
            });
            await writeRelations(trx, id, input);
            await practiceFiles.insert(trx, id, stored);
            if (status === 'published') {
              // The first revision: later edits are compared with what was published.
              const snapshot = { ...canonicalRecord(input) };
              await insertRevision(trx, { kind: PRACTICE_KIND, id }, { version: 1, editorId: options.authorId, snapshot, note: '' });
            }
            return chosen;
          }));
        } catch (error) {
          // A failed statement ends the caller's transaction: only a transaction of our own is retried.
          if (isUniqueViolation(error) && slug === undefined && attempt < 3 && !options.executor) continue;
          if (isUniqueViolation(error)) throw new ConflictError(`A practice already uses the slug ${slug ?? ''}`);
          throw error;
        }
      }
    },

    /**
     * Saves an edit made on the version the editor saw; a concurrent change (another edit, or
     * an editor's decision) raised the version, and the edit is refused with a conflict.
     */
    async update(
      actor: CurrentUser,
      slug: string,
      expectedVersion: number,
      input: PracticeInput,
      options: UpdateOptions = {},
    ): Promise<{ submitted: boolean; pending: boolean }> {
      // `submitted` tells the caller whether this save sent the practice to the editors; `pending`,
      // whether it was kept as a change to the published practice for them to review.
      const filesChanged = (options.attachments?.length ?? 0) > 0 || (options.removeAttachmentIds?.length ?? 0) > 0;
      const { removedKeys, submitted, held } = await practiceFiles.withStoredFiles(options.attachments ?? [], (stored) =>
        db.transaction().execute(async (trx) => {
          const existing = await queries.findPracticeRow(trx, slug);
          if (!existing) throw new NotFoundError();
          if (!canEdit(actor, existing)) throw new ForbiddenError();
          const submit = options.submit === true && canStep(existing.status, 'submit');
          if (input.adaptedFromSlug === slug) throw new ValidationError({ adaptedFrom: 'practices.errors.adaptedFromSelf' });
          // The date of the last confirmation is the editors' and the contact's to set, not the author's.
          const record = isEditor(actor) ? input : { ...input, lastConfirmedAt: isoDay(existing.last_confirmed_at) };
          if (existing.status === 'published' && editsNeedReview(actor)) {
            const locked = await queries.lockPractice(trx, slug);
            if (!locked || locked.version !== expectedVersion) throw new ConflictError('The practice changed since it was opened');
            await resolveColumns(trx, record, true);
            const edit = { published: await storedRecord(trx, existing), edited: canonicalRecord(record), filesChanged };
            if (await pending.needsReview(trx, actor, locked, edit)) {
              await pending.propose(trx, actor, locked, { ...edit, pendingVersion: options.pendingVersion ?? 0, note: options.note ?? '' });
              return { removedKeys: [], submitted: false, held: locked };
            }
          }
          const columns = await resolveColumns(trx, record, submit || existing.status !== 'draft');
          const values = {
            ...columns,
            last_confirmed_at: record.lastConfirmedAt,
            ...(submit ? { status: 'submitted' as const, submitted_at: new Date() } : {}),
          };
          if (!(await queries.updatePracticeAtVersion(trx, existing.id, expectedVersion, values))) {
            throw new ConflictError('The practice changed since it was opened');
          }
          await writeRelations(trx, existing.id, input);
          const keys = await practiceFiles.replace(trx, existing.id, stored, options.removeAttachmentIds ?? []);
          if (existing.status === 'published') {
            await insertRevision(trx, { kind: PRACTICE_KIND, id: existing.id }, {
              version: expectedVersion + 1,
              editorId: actor.id,
              snapshot: { ...canonicalRecord(record) },
              note: options.note?.trim() ?? '',
            });
          }
          return { removedKeys: keys, submitted: submit, held: undefined };
        }),
      );
      // Only once the rows are gone for good: a rolled-back removal must still find its file.
      await practiceFiles.removeFiles(removedKeys);
      if (held) await pending.announce(actor, { slug: held.slug, title: held.title });
      return { submitted, pending: held !== undefined };
    },

    /** The steps on a practice's pending change: approve, return, withdraw, small corrections. */
    pending,

    /** The practice on the home page, if one is featured and still published. */
    async featured(): Promise<FeaturedPractice | undefined> {
      return queries.featuredPractice(db);
    },

    /** Everything shown on a practice page, or undefined. Visibility is the caller's policy. */
    async find(slug: string): Promise<PracticeDetail | undefined> {
      const row = await queries.findPracticeRow(db, slug);
      if (!row) return undefined;
      const [terms, organisations, links, attachments] = await Promise.all([
        taxonomyService(deps).byIds(row.term_ids),
        queries.findOrganisations(db, row.id),
        queries.findLinks(db, row.id),
        practiceFiles.list(db, row.id),
      ]);
      return { row, terms, organisations, links, attachments };
    },
  };
}

export type PracticeService = ReturnType<typeof practiceService>;
