import { slugsStartingWith } from '../../content/kinds.ts';
import type { Db } from '../../db/client.ts';
import { nextFreeSlug, slugify } from '../../lib/text.ts';
import type { CurrentUser } from '../../platform/context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { Jobs } from '../../platform/jobs/index.ts';
import { can } from '../../platform/permissions.ts';
import { breakdownOf, countsBy, type Breakdown } from './breakdown.ts';
import * as queries from './dialogue-queries.ts';
import * as forumQueries from './forum-queries.ts';
import { checkTimedForm, type TimedFormValues } from './timed-form.ts';
import { scheduleWindow, windowState, type TimedWindow, type WindowState } from './windows.ts';

/**
 * Dialogues: a week-long online exchange around guiding questions, each question a thread. It can
 * be read before it opens, takes posts while open, and stays readable once closed, when a
 * moderator publishes its summary. The whole of it downloads as one document.
 */

export const SUMMARY_MAX_LENGTH = 40_000;

export interface DialogueView {
  dialogue: queries.DialogueRow;
  /** From the clock, not the stored state: exact at the instant of the request. */
  state: WindowState;
  questions: forumQueries.TopicRow[];
  moderators: queries.ModeratorRow[];
  byStakeholder: Breakdown;
  byCountry: Breakdown;
}

export const windowOfDialogue = (row: Pick<queries.DialogueRow, 'opens_at' | 'closes_at'>): TimedWindow => ({ opensAt: row.opens_at, closesAt: row.closes_at });

export function dialoguesService({ db, jobs }: { db: Db; jobs: Jobs }) {
  async function existing(slug: string) {
    const dialogue = await queries.dialogueBySlug(db, slug);
    if (!dialogue) throw new NotFoundError(`No dialogue ${slug}`);
    return dialogue;
  }

  /** Moderators of a dialogue: those named on it, and the site's moderators. */
  async function mayModerate(viewer: CurrentUser | null, dialogue: queries.DialogueRow): Promise<boolean> {
    if (!viewer) return false;
    if (can(viewer, 'content.moderate') || dialogue.created_by === viewer.id) return true;
    return queries.isModeratorOf(db, dialogue.id, viewer.id);
  }

  return {
    mayModerate,

    /** Whether the member moderates the dialogue of this address (for the links only they see). */
    async mayModerateAt(member: CurrentUser, slug: string): Promise<boolean> {
      const dialogue = await queries.dialogueBySlug(db, slug);
      return dialogue !== undefined && mayModerate(member, dialogue);
    },

    async windowOf(dialogueId: number): Promise<TimedWindow> {
      const dialogue = await queries.dialogueById(db, dialogueId);
      if (!dialogue) throw new NotFoundError();
      return windowOfDialogue(dialogue);
    },

    list(): Promise<queries.DialogueRow[]> {
      return queries.listDialogues(db, 100);
    },

    async find(slug: string): Promise<DialogueView> {
      const dialogue = await existing(slug);
      const [questions, moderators, participants] = await Promise.all([
        forumQueries.dialogueTopics(db, dialogue.id),
        queries.moderatorsOf(db, dialogue.id),
        queries.participantsBy(db, dialogue.id),
      ]);
      return {
        dialogue,
        state: windowState(windowOfDialogue(dialogue), new Date()),
        questions,
        moderators,
        byStakeholder: breakdownOf(countsBy(participants, (row) => row.stakeholder_type, (row) => row.people)),
        byCountry: breakdownOf(countsBy(participants, (row) => row.country, (row) => row.people)),
      };
    },

    /** Everything readers see of a dialogue, for its downloads: questions with their posts, the summary once published. */
    async document(slug: string) {
      const view = await this.find(slug);
      const posts = await forumQueries.visiblePosts(db, view.questions.map((question) => question.id));
      return { ...view, posts };
    },

    /** Chairs open dialogues; the moderators named must be members. */
    async create(actor: CurrentUser, values: TimedFormValues): Promise<string> {
      if (!can(actor, 'discussion.chair')) throw new ForbiddenError();
      const input = checkTimedForm(values, actor.timeZone);
      const moderators = await queries.membersByHandles(db, input.people);
      if (moderators.length < input.people.length) throw new ValidationError({ people: 'discuss.errors.unknownMembers' });
      const eventId = input.event === '' ? null : await queries.eventIdBySlug(db, input.event);
      if (eventId === undefined) throw new ValidationError({ event: 'discuss.errors.unknownEvent' });
      const base = slugify(input.title, 60) || 'dialogue';
      const slug = await db.transaction().execute(async (trx) => {
        const free = nextFreeSlug(base, await slugsStartingWith(trx, 'dialogues', base), new Set(['new']));
        const dialogueId = await queries.insertDialogue(trx, {
          slug: free,
          title: input.title,
          introduction: input.introduction,
          language: input.language,
          languages: [input.language],
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          eventId,
          createdBy: actor.id,
        });
        await queries.addModerators(trx, dialogueId, moderators.map((member) => member.id));
        const taken = await slugsStartingWith(trx, 'forum_topics', free);
        for (const [index, question] of input.questions.entries()) {
          const topicSlug = nextFreeSlug(`${free}-${index + 1}`, taken, new Set());
          taken.add(topicSlug);
          await forumQueries.insertTopic(trx, { slug: topicSlug, title: question, language: input.language, forumId: null, dialogueId, position: index + 1, authorId: actor.id });
        }
        return free;
      });
      await scheduleWindow(jobs, input);
      return slug;
    },

    /** A moderator writes the summary, and publishes it once the dialogue has closed. */
    async saveSummary(actor: CurrentUser, slug: string, rawSummary: string, publish: boolean): Promise<void> {
      const dialogue = await existing(slug);
      if (!(await mayModerate(actor, dialogue))) throw new ForbiddenError();
      const summary = rawSummary.trim();
      if (summary.length > SUMMARY_MAX_LENGTH) throw new ValidationError({ summary: 'discuss.errors.bodyTooLong' });
      if (publish && summary === '') throw new ValidationError({ summary: 'discuss.errors.summaryRequired' });
      if (publish && windowState(windowOfDialogue(dialogue), new Date()) !== 'closed') throw new ValidationError({ summary: 'discuss.errors.summaryBeforeClose' });
      await queries.saveSummary(db, dialogue.id, summary, publish);
    },
  };
}

export type DialoguesService = ReturnType<typeof dialoguesService>;
