import type { RubricEntry } from '../../db/schema/practices.ts';
import type { Vocabulary } from '../../db/schema/taxonomies.ts';
import type { CurrentUser } from '../../platform/context.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { isLocale, translator, type Locale } from '../../platform/i18n.ts';
import { loadPage, type Page } from '../../platform/pagination.ts';
import { taxonomyService, type Term } from '../taxonomies/index.ts';
import { kindAttachments } from '../../platform/uploads/index.ts';
import type { PracticeInput } from './model.ts';
import { canEdit, canReadFeedback, canReview, canSeeContact, canSubmit, canView } from './policies.ts';
import * as queries from './queries.ts';
import { canonicalRecord, recordFromSnapshot, snapshotOf } from './record.ts';
import type { CheckedRubric } from './rubric.ts';
import { isoDay } from './running.ts';
import { practiceService, type PracticeDetail } from './service.ts';
import { practiceErrors } from './validation.ts';
import { insertRevision, revisionHistory, type RevisionEntry as GenericRevisionEntry } from '../../editorial/revisions.ts';
import { nextStatus, type Decision, type WorkflowStep } from '../../editorial/workflow.ts';
import { PRACTICE_KIND } from './kind.ts';
import { editsNeedReview, tellReviewers, type PendingChange } from '../../editorial/index.ts';

/**
 * The editorial workflow around a practice record: submitting, the editors' queue and
 * decisions, featuring and archiving, the author's list, revisions and attachment downloads.
 * Every step checks who is asking and the version they saw, so that a decision and an edit made
 * at the same moment cannot silently overwrite each other.
 */

export interface Review {
  id: number;
  decision: Decision;
  rubric: RubricEntry[];
  message: string;
  version: number;
  created_at: Date;
  reviewer_name: string | null;
}

export interface DecisionOutcome {
  decision: Decision;
  /** False when the decision was saved but the mail to the author could not be sent. */
  mailed: boolean;
}

/** A practice's revision with the version before it. */
export type RevisionEntry = GenericRevisionEntry<PracticeInput>;

/** What decisions leave in the author's inbox, by decision: where the link points. */
const DECISION_LINKS: Record<Decision, (slug: string) => string> = {
  request_changes: (slug) => `/practices/${slug}/edit#feedback`,
  publish: (slug) => `/practices/${slug}`,
  decline: (slug) => `/practices/${slug}/feedback`,
};

const HISTORY_PAGE_SIZE = 10;
const REVIEWS_SHOWN = 20;

export function editorialService(deps: AppDeps) {
  const { db, mailer, config } = deps;
  const practices = practiceService(deps);
  const attachments = kindAttachments(db, config.dataDir, PRACTICE_KIND, { tooManyError: 'practices.errors.tooManyAttachments' });
  const link = (locale: Locale, path: string) => new URL(`/${locale}${path}`, config.baseUrl).toString();

  /** The practice for someone who may see it; anyone else learns nothing, not even that it exists. */
  async function visible(actor: CurrentUser | null, slug: string): Promise<PracticeDetail> {
    const detail = await practices.find(slug);
    if (!detail || !canView(actor, detail.row)) throw new NotFoundError();
    return detail;
  }

  async function forEditors(actor: CurrentUser, slug: string): Promise<PracticeDetail> {
    if (!canReview(actor)) throw new ForbiddenError();
    const detail = await practices.find(slug);
    if (!detail) throw new NotFoundError();
    return detail;
  }

  /** Moves the practice one step on, provided nobody changed it since `version` was read. */
  async function step(executor: queries.Executor, detail: PracticeDetail, version: number, to: WorkflowStep, extra: Parameters<typeof queries.updatePracticeAtVersion>[3] = {}) {
    const status = nextStatus(detail.row.status, to);
    if (!status) throw new ConflictError(`Cannot ${to} a practice that is ${detail.row.status}`);
    const moved = await queries.updatePracticeAtVersion(executor, detail.row.id, version, { ...extra, status });
    if (!moved) throw new ConflictError('The practice changed since it was opened');
  }

  async function tellAuthor(detail: PracticeDetail, decision: Decision, message: string): Promise<boolean> {
    const author = await queries.authorOf(db, detail.row.id);
    if (!author?.email) return false;
    const locale = isLocale(author.locale) ? author.locale : 'en';
    const t = translator(locale);
    try {
      await mailer.send({
        to: author.email,
        subject: t(`practices.mail.decision.${decision}.subject`, { title: detail.row.title }),
        text: t(`practices.mail.decision.${decision}.body`, {
          name: author.name ?? '',
          title: detail.row.title,
          message: message || t('practices.mail.decision.noMessage'),
          link: link(locale, DECISION_LINKS[decision](detail.row.slug)),
        }),
      });
      return true;
    } catch {
      // The decision stands whether or not the mail went out; the author also sees it on the site.
      return false;
    }
  }

  /**
   * Tells every editor and admin, each in their own language, that a practice waits for review.
   * The one who submitted is left out: they know, and an editor submitting for a member would
   * otherwise mail themselves. A practice the editors reviewed before is a revision coming
   * back, which they read against their earlier decisions.
   */
  async function tellEditors(submitter: CurrentUser, detail: PracticeDetail): Promise<void> {
    // A practice the editors reviewed before is a revision coming back, read against earlier decisions.
    const kind = (await queries.reviewsOf(db, detail.row.id, 1)).length > 0 ? 'resubmitted' : 'submitted';
    await tellReviewers(deps, {
      submitter,
      title: detail.row.title,
      reviewPath: `/review/${detail.row.slug}`,
      subjectKey: `moderation.mail.${kind}.subject`,
      bodyKey: `moderation.mail.${kind}.body`,
    });
  }

  return {
    /**
     * The record for its edit form, with the editors' latest word on it. An author whose change to
     * the published practice waits (or came back) edits that change, not the published version.
     */
    async forEditing(actor: CurrentUser, slug: string): Promise<{
      detail: PracticeDetail;
      record: PracticeInput;
      latestReview: Review | undefined;
      pending: PendingChange<PracticeInput> | undefined;
    }> {
      // Editing someone else's practice is refused outright, whether or not they could read it.
      const detail = await practices.find(slug);
      if (!detail) throw new NotFoundError();
      if (!canEdit(actor, detail.row)) throw new ForbiddenError();
      const [[latestReview], pending] = await Promise.all([queries.reviewsOf(db, detail.row.id, 1), practices.pending.find(db, detail.row.id)]);
      const editsPending = pending !== undefined && editsNeedReview(actor);
      return { detail, record: editsPending ? pending.record : snapshotOf(detail), latestReview, pending: editsPending ? pending : undefined };
    },

    /**
     * Sends the stored record to the editors. It must be complete: what a draft may lack is
     * reported as field errors, as the form would.
     */
    async submit(actor: CurrentUser, slug: string): Promise<void> {
      const detail = await visible(actor, slug);
      if (!canEdit(actor, detail.row)) throw new ForbiddenError();
      if (!canSubmit(actor, detail.row)) throw new ConflictError(`A ${detail.row.status} practice cannot be submitted`);
      const errors = practiceErrors(snapshotOf(detail), { forSubmission: true });
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      await step(db, detail, detail.row.version, 'submit', { submitted_at: new Date() });
      await tellEditors(actor, detail);
    },

    /**
     * For submissions made by saving the form with "submit" (`service.ts` create and update):
     * tells the editors, as `submit` does. Nothing happens unless the practice now waits for
     * them and the actor is its author or an editor, so that nobody can mail editors at will.
     */
    async announceSubmission(actor: CurrentUser, slug: string): Promise<void> {
      const detail = await visible(actor, slug);
      if (detail.row.status !== 'submitted' || (detail.row.author_id !== actor.id && !canReview(actor))) return;
      await tellEditors(actor, detail);
    },

    /** Every decision on a practice, for its author (whatever its state) and the editors. */
    async feedback(actor: CurrentUser, slug: string): Promise<{ detail: PracticeDetail; reviews: Review[]; editable: boolean }> {
      const detail = await visible(actor, slug);
      if (!canReadFeedback(actor, detail.row)) throw new ForbiddenError();
      const reviews = await queries.reviewsOf(db, detail.row.id, REVIEWS_SHOWN);
      return { detail, reviews, editable: canEdit(actor, detail.row) };
    },

    /** An editor takes a submission: the queue shows it as in review. */
    async take(actor: CurrentUser, slug: string, version: number): Promise<void> {
      await step(db, await forEditors(actor, slug), version, 'take');
    },

    /**
     * The submission with what editors need beside it: earlier decisions, contact, attachments,
     * and for a published practice its pending change and whether small corrections go live.
     */
    async forReview(actor: CurrentUser, slug: string): Promise<{
      detail: PracticeDetail;
      record: PracticeInput;
      reviews: Review[];
      pending: PendingChange<PracticeInput> | undefined;
      smallCorrections: boolean;
    }> {
      const detail = await forEditors(actor, slug);
      const [reviews, pending, smallCorrections] = await Promise.all([
        queries.reviewsOf(db, detail.row.id, REVIEWS_SHOWN),
        practices.pending.find(db, detail.row.id),
        practices.pending.smallCorrectionsAllowed(db, detail.row.id),
      ]);
      return { detail, record: snapshotOf(detail), reviews, pending, smallCorrections };
    },

    /**
     * Records the editor's rubric and decision on the version they reviewed, and mails the
     * author. A practice changed meanwhile is a conflict: the editor must look again.
     */
    async decide(actor: CurrentUser, slug: string, version: number, checked: CheckedRubric): Promise<DecisionOutcome> {
      const detail = await forEditors(actor, slug);
      if (!checked.ok) throw new ValidationError(checked.errors);
      const { decision, rubric, message } = checked;
      await db.transaction().execute(async (trx) => {
        const publishing = decision === 'publish';
        const extra = publishing
          ? {
              published_at: detail.row.published_at ?? new Date(),
              // Publication is when the practice was last known to run, unless someone said so since.
              last_confirmed_at: detail.row.last_confirmed_at ?? isoDay(new Date()),
            }
          : {};
        await step(trx, detail, version, decision, extra);
        await queries.insertReview(trx, { practiceId: detail.row.id, reviewerId: actor.id, decision, rubric, message, version });
        if (publishing) {
          const snapshot = { ...canonicalRecord({ ...snapshotOf(detail), lastConfirmedAt: isoDay(extra.last_confirmed_at) }) };
          await insertRevision(trx, { kind: PRACTICE_KIND, id: detail.row.id }, { version: version + 1, editorId: actor.id, snapshot, note: '' });
        }
      });
      return { decision, mailed: await tellAuthor(detail, decision, message) };
    },

    /** Unpublishes a published practice, or shelves any other; it leaves the home page too. */
    async archive(actor: CurrentUser, slug: string, version: number): Promise<void> {
      const detail = await forEditors(actor, slug);
      await db.transaction().execute(async (trx) => {
        await step(trx, detail, version, 'archive');
        await queries.clearFeatured(trx, detail.row.id);
      });
    },

    /** Puts a published practice on the home page in place of the one there. */
    async feature(actor: CurrentUser, slug: string): Promise<void> {
      const detail = await forEditors(actor, slug);
      if (detail.row.status !== 'published') throw new ConflictError('Only a published practice can be featured');
      await db.transaction().execute((trx) => queries.swapFeatured(trx, detail.row.id));
    },

    /** The editors' queue: counts per state and one page of the chosen state and language. */
    /** The signed-in member's own practices with the editors' latest decision on each. */
    async mine(actor: CurrentUser, page: number) {
      return loadPage(page, {
        count: () => queries.countByAuthor(db, actor.id),
        rows: (window) => queries.pageByAuthor(db, actor.id, window),
      });
    },

    /**
     * Revisions of a practice newest first, each with the version before it, so the page can
     * show what changed. The contact person is left out for readers who may not see them.
     */
    async history(actor: CurrentUser | null, slug: string, page: number): Promise<{
      detail: PracticeDetail;
      revisions: Page<RevisionEntry>;
      taxonomy: Map<Vocabulary, Term[]>;
      showContact: boolean;
    }> {
      const detail = await visible(actor, slug);
      const revisions = await revisionHistory(db, { kind: PRACTICE_KIND, id: detail.row.id }, page, {
        pageSize: HISTORY_PAGE_SIZE,
        toRecord: recordFromSnapshot,
      });
      const taxonomy = await taxonomyService(deps).all();
      return { detail, revisions, taxonomy, showContact: canSeeContact(actor, detail.row) };
    },

    /** An attachment to download, for people who may see the practice. */
    async attachment(actor: CurrentUser | null, slug: string, attachmentId: number) {
      const detail = await visible(actor, slug);
      const attachment = await attachments.open(detail.row.id, attachmentId);
      return { ...attachment, isPublic: detail.row.status === 'published' };
    },
  };
}

export type EditorialService = ReturnType<typeof editorialService>;
