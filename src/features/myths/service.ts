import { canViewContent, slugsStartingWith, type ContentStatus } from '../../content/kinds.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { nextStatus, readDecision, tellReviewers, type Decision } from '../../editorial/index.ts';
import { nextFreeSlug, slugify } from '../../lib/text.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { isLocale, translator } from '../../platform/i18n.ts';
import { can } from '../../platform/permissions.ts';
import { taxonomyService, type Term } from '../taxonomies/index.ts';
import { mythPath, mythReviewPath } from './kind.ts';
import { checkMythForm, type MythFormValues, type MythInput } from './model.ts';
import * as queries from './queries.ts';

/**
 * Myths: members propose them, editors publish them (from the shared review queue or directly),
 * and everyone reads the published ones. Every write checks the version the writer saw, so a
 * concurrent edit or decision is refused rather than overwritten.
 */

/** Path segments that fixed routes use next to `/myths/{slug}`: a myth may not take them. */
const RESERVED_SLUGS: ReadonlySet<string> = new Set(['new', 'mine']);
export const SAVE_ACTIONS = ['draft', 'submit', 'publish'] as const;
export type SaveAction = (typeof SAVE_ACTIONS)[number];
/** States in which the author may still change what they proposed; editors may change any. */
const AUTHOR_EDITABLE: ReadonlySet<ContentStatus> = new Set(['draft', 'changes_requested']);

export interface MythDetail {
  row: queries.MythRow;
  sources: queries.SourceRow[];
  terms: Term[];
  /** Other published languages of the same myth. */
  translations: { slug: string; title: string; language: string }[];
  /** The slug of the myth it translates, for the edit form. */
  translationOfSlug: string;
}

export function canEditMyth(viewer: CurrentUser | null, row: { status: ContentStatus; author_id: number | null }): boolean {
  if (!viewer) return false;
  if (can(viewer, 'content.review')) return row.status !== 'archived';
  return row.author_id === viewer.id && AUTHOR_EDITABLE.has(row.status);
}

/** The form's values for an existing myth. */
export function editValuesOf(detail: MythDetail): MythFormValues {
  const { row } = detail;
  return {
    title: row.title,
    fact: row.fact,
    explanation: row.explanation,
    language: row.language,
    translationOf: detail.translationOfSlug,
    countries: row.countries,
    topics: detail.terms.filter((term) => term.vocabulary === 'topic').map((term) => term.code),
    audiences: row.audiences,
    sources: detail.sources.map((source) => ({ title: source.title, publisher: source.publisher, year: source.year === null ? '' : String(source.year), url: source.url })),
  };
}

export function mythsService(deps: Pick<AppDeps, 'db' | 'mailer' | 'config'>) {
  const { db, mailer, config } = deps;
  const taxonomy = taxonomyService(deps);

  async function checked(form: MythFormValues): Promise<{ input: MythInput; termIds: number[]; translationOf: number | null }> {
    const topics = await taxonomy.list('topic');
    const { input, errors } = checkMythForm(form, new Set(topics.map((term) => term.code)), new Date().getUTCFullYear());
    const translationOf = input?.translationOf ? await queries.familyOf(db, input.translationOf) : null;
    if (translationOf === undefined) throw new ValidationError({ ...errors, translationOf: 'myths.errors.translationUnknown' });
    if (!input) throw new ValidationError(errors);
    const ids = new Map(topics.map((term) => [term.code, term.id]));
    return { input, termIds: input.topics.flatMap((code) => ids.get(code) ?? []), translationOf };
  }

  function statusFor(actor: CurrentUser, action: SaveAction): ContentStatus {
    if (action === 'publish') {
      if (!can(actor, 'content.review')) throw new ForbiddenError();
      return 'published';
    }
    return action === 'submit' ? 'submitted' : 'draft';
  }

  async function tellAuthor(row: queries.MythRow, decision: Decision, message: string): Promise<void> {
    if (!row.author_email) return;
    const locale = row.author_locale && isLocale(row.author_locale) ? row.author_locale : 'en';
    const t = translator(locale);
    await mailer.send({
      to: row.author_email,
      subject: t(`myths.mail.${decision}.subject`, { title: row.title }),
      text: t(`myths.mail.${decision}.body`, {
        name: row.author_name ?? '',
        title: row.title,
        message: message || t('myths.mail.noMessage'),
        link: new URL(`/${locale}${decision === 'publish' ? mythPath(row.slug) : `${mythPath(row.slug)}/edit`}`, config.baseUrl).href,
      }),
    });
  }

  async function detailOf(row: queries.MythRow): Promise<MythDetail> {
    const [sources, terms, translations, original] = await Promise.all([
      queries.sourcesOf(db, row.id),
      taxonomy.byIds(row.term_ids),
      queries.translationsOf(db, row),
      row.translation_of === null ? Promise.resolve([]) : queries.findByIds(db, [row.translation_of]),
    ]);
    return { row, sources, terms, translations, translationOfSlug: original[0]?.slug ?? '' };
  }

  return {
    async find(viewer: CurrentUser | null, slug: string): Promise<MythDetail> {
      const row = await queries.findBySlug(db, slug);
      if (!row || !canViewContent(viewer, { status: row.status, authorId: row.author_id })) throw new NotFoundError('No such myth');
      return detailOf(row);
    },

    async create(actor: CurrentUser, form: MythFormValues, action: SaveAction): Promise<string> {
      const status = statusFor(actor, action);
      const { input, termIds, translationOf } = await checked(form);
      const base = slugify(input.title) || 'myth';
      // Two members may take the same free slug at once: the loser tries the next one.
      for (let attempt = 0; ; attempt += 1) {
        const slug = nextFreeSlug(base, await slugsStartingWith(db, 'myths', base), RESERVED_SLUGS);
        try {
          await db.transaction().execute(async (trx) => {
            const id = await queries.insertMyth(trx, { slug, status, authorId: actor.id, input, termIds, translationOf });
            await queries.replaceSources(trx, id, input.sources);
            // The search row is built from the sources too: touch the myth once they are there.
            if (status === 'published') await queries.setDecision(trx, id, { version: 1, status, message: '', publishedAt: new Date() });
          });
          if (status === 'submitted') await tellReviewers(deps, { submitter: actor, title: input.title, reviewPath: mythReviewPath(slug), subjectKey: 'myths.mail.submitted.subject', bodyKey: 'myths.mail.submitted.body' });
          return slug;
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= 3) throw error;
        }
      }
    },

    async update(actor: CurrentUser, slug: string, version: number, form: MythFormValues, action: SaveAction): Promise<void> {
      const row = await queries.findBySlug(db, slug);
      if (!row) throw new NotFoundError('No such myth');
      if (!canEditMyth(actor, row)) throw new ForbiddenError();
      const { input, termIds, translationOf } = await checked(form);
      // An editor's save keeps a published myth published; an author's save is a draft or a submission.
      const status = row.status === 'published' && action !== 'draft' ? 'published' : statusFor(actor, action);
      if (translationOf === row.id) throw new ValidationError({ translationOf: 'myths.errors.translationOfItself' });
      await db.transaction().execute(async (trx) => {
        const locked = await queries.lockMyth(trx, row.id);
        if (!locked || locked.version !== version) throw new ConflictError('The myth changed since it was read');
        await queries.replaceSources(trx, row.id, input.sources);
        await queries.updateMyth(trx, row.id, {
          version: version + 1,
          status,
          input,
          termIds,
          translationOf,
          submittedAt: status === 'submitted' ? new Date() : row.submitted_at,
          publishedAt: status === 'published' ? (row.published_at ?? new Date()) : null,
        });
      });
      if (status === 'submitted') await tellReviewers(deps, { submitter: actor, title: input.title, reviewPath: mythReviewPath(slug), subjectKey: 'myths.mail.submitted.subject', bodyKey: 'myths.mail.submitted.body' });
    },

    async decide(actor: CurrentUser, slug: string, version: number, rawDecision: string, rawMessage: string): Promise<Decision> {
      if (!can(actor, 'content.review')) throw new ForbiddenError();
      const { decision, message } = readDecision(rawDecision, rawMessage, 'myths');
      const row = await queries.findBySlug(db, slug);
      if (!row) throw new NotFoundError('No such myth');
      const status = nextStatus(row.status, decision);
      if (!status) throw new ConflictError(`A ${row.status} myth cannot be decided on`);
      await db.transaction().execute(async (trx) => {
        const locked = await queries.lockMyth(trx, row.id);
        if (!locked || locked.version !== version || locked.status !== row.status) throw new ConflictError('The myth changed since it was read');
        await queries.setDecision(trx, row.id, { version: version + 1, status, message, publishedAt: status === 'published' ? (row.published_at ?? new Date()) : row.published_at });
      });
      await tellAuthor(row, decision, message);
      return decision;
    },

    mine: (actor: CurrentUser) => queries.myMyths(db, actor.id),
    newest: (limit: number) => queries.newestPublished(db, limit),
    publishedBySlugs: (slugs: readonly string[]) => queries.publishedBySlugs(db, slugs),
  };
}

export type MythsService = ReturnType<typeof mythsService>;
