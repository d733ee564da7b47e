import type { Db } from '../../db/client.ts';
import { isStakeholderType } from '../../lib/stakeholders.ts';
import { nextFreeSlug, slugify } from '../../lib/text.ts';
import { csvLine } from '../../open-data/index.ts';
import { insertAuditEntry } from '../../platform/audit.ts';
import type { CurrentUser } from '../../platform/context.ts';
import { ROLES, type Role } from '../../db/schema/accounts.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { isLocale, translator } from '../../platform/i18n.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import type { Mailer } from '../../platform/mail.ts';
import { can } from '../../platform/permissions.ts';
import { notifyMember } from '../follows/index.ts';
import { breakdownOf, countsBy, type Breakdown } from './breakdown.ts';
import * as queries from './consultation-queries.ts';
import { membersByHandles } from './dialogue-queries.ts';
import { slugsStartingWith } from '../../content/kinds.ts';
import { consultationPath } from './kind.ts';
import { checkTimedForm, type TimedFormValues } from './timed-form.ts';
import { scheduleWindow, windowState, type WindowState } from './windows.ts';

/**
 * Consultations: identified comments on guiding questions that stay private (their author and
 * the chair) until the chair publishes or declines them. Declined and waiting comments reach no
 * page, feed, API, export or notification; every decision is logged and the author told.
 */

export const CONSULTATION_KIND = 'consultation';
export const COMMENT_MAX_LENGTH = 10_000;
export const REASON_MAX_LENGTH = 2000;
export const SYNTHESIS_MAX_LENGTH = 60_000;
export const COMMENT_DECIDED = 'consultation.comment.decided';

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export interface Identity {
  name: string;
  organisation: string;
  stakeholderType: string;
  country: string;
  verified: boolean;
}

export interface ConsultationView {
  consultation: queries.ConsultationRow;
  state: WindowState;
  questions: queries.QuestionRow[];
  /** Published comments only. */
  comments: queries.CommentRow[];
  received: number;
  published: number;
  waiting: number;
  receivedBy: { stakeholder: Breakdown; country: Breakdown };
  publishedBy: { stakeholder: Breakdown; country: Breakdown };
}

export function consultationsService({ db, jobs, mailer, baseUrl }: { db: Db; jobs: Jobs; mailer: Mailer; baseUrl: URL }) {
  async function existing(slug: string) {
    const consultation = await queries.consultationBySlug(db, slug);
    if (!consultation) throw new NotFoundError(`No consultation ${slug}`);
    return consultation;
  }

  const isChair = (viewer: CurrentUser | null, consultation: queries.ConsultationRow) => viewer !== null && consultation.chair_id === viewer.id;

  async function chaired(actor: CurrentUser, slug: string) {
    const consultation = await existing(slug);
    if (!isChair(actor, consultation)) throw new ForbiddenError();
    return consultation;
  }

  const stateOf = (consultation: queries.ConsultationRow) => windowState({ opensAt: consultation.opens_at, closesAt: consultation.closes_at }, new Date());

  return {
    isChair,

    /** Whether the member chairs the consultation of this address (for the links only they see). */
    async chairsAt(member: CurrentUser, slug: string): Promise<boolean> {
      const consultation = await queries.consultationBySlug(db, slug);
      return consultation !== undefined && isChair(member, consultation);
    },

    list(): Promise<queries.ConsultationRow[]> {
      return queries.listConsultations(db, 100);
    },

    async find(slug: string): Promise<ConsultationView> {
      const consultation = await existing(slug);
      const [questions, comments, counts] = await Promise.all([
        queries.questionsOf(db, consultation.id),
        queries.publishedComments(db, consultation.id),
        queries.commentCounts(db, consultation.id),
      ]);
      const published = counts.filter((row) => row.status === 'published');
      const sum = (rows: readonly queries.CountRow[]) => rows.reduce((total, row) => total + row.comments, 0);
      const by = (rows: readonly queries.CountRow[]) => ({
        stakeholder: breakdownOf(countsBy(rows, (row) => row.stakeholder_type, (row) => row.comments)),
        country: breakdownOf(countsBy(rows, (row) => row.country, (row) => row.comments)),
      });
      return {
        consultation,
        state: stateOf(consultation),
        questions,
        comments,
        received: sum(counts),
        published: sum(published),
        waiting: sum(counts.filter((row) => row.status === 'pending')),
        receivedBy: by(counts),
        publishedBy: by(published),
      };
    },

    /** How the member will be identified on a comment: shown to them before they send it. */
    async identityOf(member: CurrentUser): Promise<Identity> {
      const row = await queries.memberIdentity(db, member.id);
      return {
        name: row?.name?.trim() ?? '',
        organisation: row?.organisation?.trim() ?? '',
        stakeholderType: row?.stakeholder_type && isStakeholderType(row.stakeholder_type) ? row.stakeholder_type : '',
        country: row?.country ?? '',
        verified: row?.email_verified_at != null,
      };
    },

    /** The member's own comments, with their state: what they sent, whatever the chair decided. */
    async mine(member: CurrentUser, slug: string): Promise<queries.CommentRow[]> {
      const consultation = await existing(slug);
      return queries.commentsOf(db, consultation.id, member.id);
    },

    /** An identified comment: confirmed email, a name, a stakeholder type and a country, while open. */
    async comment(member: CurrentUser, slug: string, input: { question: string; body: string }): Promise<void> {
      const consultation = await existing(slug);
      const state = stateOf(consultation);
      if (state !== 'open') throw new ValidationError({ body: state === 'scheduled' ? 'discuss.errors.notOpenYet' : 'discuss.errors.closed' });
      const identity = await this.identityOf(member);
      if (!identity.verified) throw new ValidationError({ body: 'discuss.consultation.errors.unverified' });
      if (identity.name === '' || identity.stakeholderType === '' || identity.country === '') throw new ValidationError({ body: 'discuss.consultation.errors.unidentified' });
      const questions = await queries.questionsOf(db, consultation.id);
      const question = questions.find((candidate) => String(candidate.id) === input.question);
      const errors: Record<string, string> = {};
      if (!question) errors.question = 'discuss.consultation.errors.questionRequired';
      const body = input.body.trim();
      if (body === '') errors.body = 'discuss.errors.bodyRequired';
      else if (body.length > COMMENT_MAX_LENGTH) errors.body = 'discuss.errors.bodyTooLong';
      if (!question || Object.keys(errors).length > 0) throw new ValidationError(errors);
      await queries.insertComment(db, {
        consultationId: consultation.id,
        questionId: question.id,
        authorId: member.id,
        body,
        authorName: identity.name,
        organisation: identity.organisation,
        stakeholderType: identity.stakeholderType,
        country: identity.country,
      });
    },

    /** The chair's desk: every comment, waiting ones first, and the decision log. */
    async desk(actor: CurrentUser, slug: string) {
      const consultation = await chaired(actor, slug);
      const [comments, questions] = await Promise.all([queries.commentsForChair(db, consultation.id), queries.questionsOf(db, consultation.id)]);
      return { consultation, comments, questions };
    },

    /**
     * Publishes or declines a waiting comment, logs it and tells the author by mail, in one
     * transaction; deciding a comment already decided changes nothing.
     */
    async decide(actor: CurrentUser, slug: string, commentId: number, decision: 'published' | 'declined', rawReason: string): Promise<boolean> {
      const consultation = await chaired(actor, slug);
      const reason = rawReason.trim();
      if (reason.length > REASON_MAX_LENGTH) throw new ValidationError({ [`reason-${commentId}`]: 'discuss.errors.bodyTooLong' });
      return db.transaction().execute(async (trx) => {
        const comment = await queries.decide(trx, commentId, consultation.id, decision);
        if (!comment) return false;
        await queries.logDecision(trx, { consultationId: consultation.id, commentId, decision, decidedBy: actor.id, reason });
        await insertAuditEntry(trx, { actorId: actor.id, action: COMMENT_DECIDED, subject: `consultation_comment:${commentId}`, details: { consultation: consultation.slug, decision } });
        const author = await queries.commentForMail(trx, commentId);
        if (author?.email) {
          const locale = isLocale(author.locale) ? author.locale : 'en';
          const t = translator(locale);
          const link = new URL(`/${locale}${consultationPath(consultation.slug)}${decision === 'published' ? `#comment-${commentId}` : ''}`, baseUrl).href;
          await mailer.sendWithin(trx, {
            to: author.email,
            subject: t(`discuss.consultation.mail.${decision}.subject`, { title: consultation.title }),
            text: [t(`discuss.consultation.mail.${decision}.body`, { title: consultation.title, link }), reason ? t('discuss.consultation.mail.reason', { reason }) : ''].filter(Boolean).join('\n\n'),
          });
        }
        return true;
      });
    },

    /** The decision log as CSV: which comment, what, when, by whom, why. */
    async decisionCsv(actor: CurrentUser, slug: string): Promise<{ slug: string; csv: string }> {
      const consultation = await chaired(actor, slug);
      const rows = await queries.decisionLog(db, consultation.id);
      const lines = [csvLine(['comment', 'decision', 'decided_at', 'decided_by', 'reason'])];
      for (const row of rows) lines.push(csvLine([row.comment_id === null ? '' : String(row.comment_id), row.decision, row.decided_at.toISOString(), row.decided_by_name ?? '', row.reason]));
      return { slug: consultation.slug, csv: lines.join('') };
    },

    /** The chair writes the synthesis; it is published once the consultation has closed. */
    async saveSynthesis(actor: CurrentUser, slug: string, rawSynthesis: string, publish: boolean): Promise<void> {
      const consultation = await chaired(actor, slug);
      const synthesis = rawSynthesis.trim();
      if (synthesis.length > SYNTHESIS_MAX_LENGTH) throw new ValidationError({ synthesis: 'discuss.errors.bodyTooLong' });
      if (publish && synthesis === '') throw new ValidationError({ synthesis: 'discuss.errors.summaryRequired' });
      if (publish && stateOf(consultation) !== 'closed') throw new ValidationError({ synthesis: 'discuss.errors.summaryBeforeClose' });
      await queries.saveSynthesis(db, consultation.id, synthesis, publish);
    },

    /** Chairs open consultations, and name the chair: a member who holds the chair role. */
    async create(actor: CurrentUser, values: TimedFormValues): Promise<string> {
      if (!can(actor, 'discussion.chair')) throw new ForbiddenError();
      const input = checkTimedForm(values, actor.timeZone);
      const named = input.people.length === 0 ? [{ id: actor.id, role: actor.role }] : await membersByHandles(db, input.people.slice(0, 1));
      const chair = named[0];
      if (!chair || !isRole(chair.role) || !can({ role: chair.role }, 'discussion.chair')) throw new ValidationError({ people: 'discuss.consultation.errors.chairRequired' });
      const base = slugify(input.title, 60) || 'consultation';
      const slug = await db.transaction().execute(async (trx) => {
        const free = nextFreeSlug(base, await slugsStartingWith(trx, 'consultations', base), new Set(['new']));
        const id = await queries.insertConsultation(trx, { slug: free, title: input.title, context: input.introduction, language: input.language, chairId: chair.id, opensAt: input.opensAt, closesAt: input.closesAt });
        for (const [index, question] of input.questions.entries()) await queries.insertQuestion(trx, id, index + 1, question);
        return free;
      });
      await scheduleWindow(jobs, input);
      return slug;
    },

    /**
     * Tells each chair with waiting comments, by mail and in their notifications, at most once a
     * day: the day is claimed in the transaction that queues the mail.
     */
    async noticeChairs(): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const due = await queries.claimChairNotices(trx);
        for (const item of due) {
          await notifyMember(trx, { userId: item.chair_id, contentEventId: null, event: 'waiting', kind: CONSULTATION_KIND, subjectId: item.id });
          const chair = await queries.chairForMail(trx, item.chair_id);
          if (!chair?.email) continue;
          const locale = isLocale(chair.locale) ? chair.locale : 'en';
          const t = translator(locale);
          await mailer.sendWithin(trx, {
            to: chair.email,
            subject: t('discuss.consultation.mail.waiting.subject', { title: item.title }),
            text: t('discuss.consultation.mail.waiting.body', { title: item.title, count: item.waiting, link: new URL(`/${locale}${consultationPath(item.slug)}/chair`, baseUrl).href }),
          });
        }
        return due.length;
      });
    },
  };
}

export type ConsultationsService = ReturnType<typeof consultationsService>;
