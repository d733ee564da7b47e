import { slugsStartingWith } from '../../content/kinds.ts';
import type { EngagementService } from '../../engagement/index.ts';
import type { Db } from '../../db/client.ts';
import { detectLanguage } from '../../lib/language-detection.ts';
import { CONTENT_LANGUAGES } from '../../lib/languages.ts';
import { nextFreeSlug, slugify } from '../../lib/text.ts';
import { insertAuditEntry } from '../../platform/audit.ts';
import type { CurrentUser } from '../../platform/context.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { loadPage, pageCountOf, type Page } from '../../platform/pagination.ts';
import { can } from '../../platform/permissions.ts';
import * as queries from './forum-queries.ts';
import { TOPIC_KIND, questionPath, topicPath } from './kind.ts';
import { windowState, type TimedWindow } from './windows.ts';

/**
 * Forums: topics and their posts, quotes, edits with a visible history, removal with a reason,
 * locking, pinning and moving, read state, and posts held for a moderator. Guiding questions of a
 * dialogue are topics too; they take posts only while the dialogue is open.
 */

export const POSTS_PAGE_SIZE = 25;
export const TOPICS_PAGE_SIZE = 30;
export const POST_MAX_LENGTH = 20_000;
export const TITLE_MAX_LENGTH = 200;
/** Words that name pages under a forum, never a topic. */
const RESERVED_SLUGS: ReadonlySet<string> = new Set(['new', 'search', 'posts', 'held', 'topics', 'download']);
/** A link in Markdown or bare: what a new member's first post may not carry unseen. */
const LINK = /https?:\/\/|www\.|\]\(/i;

export const TOPIC_AUDIT = { pinned: 'topic.pinned', unpinned: 'topic.unpinned', locked: 'topic.locked', unlocked: 'topic.unlocked', moved: 'topic.moved' } as const;
export const POST_APPROVED = 'post.approved';

export type TopicAction = 'pin' | 'unpin' | 'lock' | 'unlock';
export const TOPIC_ACTIONS: readonly TopicAction[] = ['pin', 'unpin', 'lock', 'unlock'];
const AUDITED_AS = { pin: 'pinned', unpin: 'unpinned', lock: 'locked', unlock: 'unlocked' } as const satisfies Record<TopicAction, keyof typeof TOPIC_AUDIT>;

export interface ThreadView {
  topic: queries.TopicRow;
  posts: Page<queries.PostRow>;
  /** The dialogue the thread belongs to, and whether it takes posts now. */
  window: TimedWindow | null;
  canModerate: boolean;
}

/** Where a thread's page is, for links: a forum topic or a dialogue question. */
export function threadPath(topic: Pick<queries.TopicRow, 'slug' | 'forum_slug' | 'dialogue_slug'>): string {
  return topic.forum_slug !== null ? topicPath(topic.forum_slug, topic.slug) : questionPath(topic.dialogue_slug ?? '', topic.slug);
}

function languageOf(body: string, fallback: string): string {
  return detectLanguage(body, CONTENT_LANGUAGES) ?? fallback;
}

function checkBody(raw: string, field = 'body'): string {
  const body = raw.trim();
  if (body === '') throw new ValidationError({ [field]: 'discuss.errors.bodyRequired' });
  if (body.length > POST_MAX_LENGTH) throw new ValidationError({ [field]: 'discuss.errors.bodyTooLong' });
  return body;
}

export function forumsService({ db, engagement, windowOf }: { db: Db; engagement: EngagementService; windowOf(dialogueId: number): Promise<TimedWindow> }) {
  const isModerator = (viewer: CurrentUser | null) => can(viewer, 'content.moderate');

  async function existingForum(slug: string) {
    const forum = await queries.forumBySlug(db, slug);
    if (!forum) throw new NotFoundError(`No forum ${slug}`);
    return forum;
  }

  async function existingTopic(slug: string) {
    const topic = await queries.topicBySlug(db, slug);
    if (!topic) throw new NotFoundError(`No topic ${slug}`);
    return topic;
  }

  /** Why the thread takes no post now, as a translation key, or undefined when it does. */
  async function closedReason(topic: queries.TopicRow): Promise<string | undefined> {
    if (topic.locked_at !== null) return 'discuss.errors.locked';
    if (topic.dialogue_id === null) return undefined;
    const state = windowState(await windowOf(topic.dialogue_id), new Date());
    if (state === 'scheduled') return 'discuss.errors.notOpenYet';
    if (state === 'closed') return 'discuss.errors.closed';
    return undefined;
  }

  async function pageOfPost(topicId: number, postId: number, withHeld: boolean): Promise<number> {
    return pageCountOf((await queries.postsBefore(db, topicId, postId, withHeld)) + 1, POSTS_PAGE_SIZE);
  }

  async function audit(actor: CurrentUser, action: string, topic: queries.TopicRow, details: Record<string, string | number> = {}) {
    await insertAuditEntry(db, { actorId: actor.id, action, subject: `${TOPIC_KIND}:${topic.id}`, details: { topic: topic.slug, ...details } });
  }

  return {
    closedReason,

    forums(): Promise<queries.ForumRow[]> {
      return queries.listForums(db);
    },

    async forumPage(slug: string, page: number) {
      const forum = await existingForum(slug);
      const topics = await loadPage(page, { count: () => queries.countTopics(db, forum.id), rows: (window) => queries.topicsPage(db, forum.id, window) }, TOPICS_PAGE_SIZE);
      return { forum, topics };
    },

    /** Unread posts per topic for this member. */
    unread(member: CurrentUser, topicIds: readonly number[]): Promise<Map<number, number>> {
      return queries.unreadCounts(db, member.id, topicIds);
    },

    /** One page of a thread; held posts are listed to moderators only. */
    async thread(viewer: CurrentUser | null, slug: string, page: number): Promise<ThreadView> {
      const topic = await existingTopic(slug);
      const withHeld = isModerator(viewer);
      const posts = await loadPage(page, { count: () => queries.countPosts(db, topic.id, withHeld), rows: (window) => queries.postsPage(db, topic.id, withHeld, window) }, POSTS_PAGE_SIZE);
      return { topic, posts, window: topic.dialogue_id === null ? null : await windowOf(topic.dialogue_id), canModerate: withHeld };
    },

    topic: existingTopic,

    /** Where the member's first unread post of a thread is: its page and anchor, or the last page. */
    async firstUnread(member: CurrentUser, slug: string): Promise<{ topic: queries.TopicRow; page: number; postId: number | null }> {
      const topic = await existingTopic(slug);
      const postId = await queries.firstUnreadPost(db, member.id, topic.id);
      if (postId === undefined) return { topic, page: pageCountOf(await queries.countPosts(db, topic.id, isModerator(member)), POSTS_PAGE_SIZE), postId: null };
      return { topic, page: await pageOfPost(topic.id, postId, isModerator(member)), postId };
    },

    /** Records that the member has read the thread up to this post. */
    markRead(member: CurrentUser, topicId: number, lastPostId: number): Promise<void> {
      return queries.markRead(db, member.id, topicId, lastPostId);
    },

    /** A post's thread, page and anchor: its permalink. Held posts are found only by moderators. */
    async locate(viewer: CurrentUser | null, postId: number): Promise<{ path: string; page: number }> {
      const post = await queries.postById(db, postId);
      if (!post || (post.held_at !== null && !isModerator(viewer))) throw new NotFoundError();
      const topic = await queries.topicById(db, post.topic_id);
      if (!topic) throw new NotFoundError();
      return { path: threadPath(topic), page: await pageOfPost(topic.id, post.id, isModerator(viewer)) };
    },

    /** A post readers may see, for a quote or the history page; removed and held posts are not quoted. */
    async visiblePost(postId: number): Promise<queries.PostRow | undefined> {
      const post = await queries.postById(db, postId);
      return post && post.removed_at === null && post.held_at === null ? post : undefined;
    },

    async history(postId: number) {
      const post = await queries.postById(db, postId);
      if (!post || post.held_at !== null) throw new NotFoundError();
      const topic = await queries.topicById(db, post.topic_id);
      if (!topic) throw new NotFoundError();
      // A removed post's earlier words are as gone as its last ones.
      const edits = post.removed_at === null ? await queries.editsOf(db, postId) : [];
      return { post, topic, edits };
    },

    async createForum(actor: CurrentUser, input: { name: string; description: string; position: string }): Promise<string> {
      if (!can(actor, 'site.administer')) throw new ForbiddenError();
      const name = input.name.trim();
      const errors: Record<string, string> = {};
      if (name === '' || name.length > TITLE_MAX_LENGTH) errors.name = 'discuss.errors.forumNameRequired';
      const position = input.position.trim() === '' ? 0 : Number(input.position);
      if (!Number.isInteger(position) || Math.abs(position) > 10_000) errors.position = 'discuss.errors.positionInvalid';
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      const base = slugify(name, 60) || 'forum';
      return db.transaction().execute(async (trx) => {
        const slug = nextFreeSlug(base, await slugsStartingWith(trx, 'forums', base), new Set(['posts', 'search', 'held']));
        await queries.insertForum(trx, { slug, name, description: input.description.trim().slice(0, 2000), position });
        return slug;
      });
    },

    /** A new topic with its first post. */
    async createTopic(member: CurrentUser, forumSlug: string, input: { title: string; body: string }, locale: string): Promise<{ slug: string; held: boolean }> {
      const forum = await existingForum(forumSlug);
      const title = input.title.trim();
      const errors: Record<string, string> = {};
      if (title === '') errors.title = 'discuss.errors.titleRequired';
      else if (title.length > TITLE_MAX_LENGTH) errors.title = 'discuss.errors.titleTooLong';
      let body = '';
      try {
        body = checkBody(input.body);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        Object.assign(errors, error.errors);
      }
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      const held = await holdsFor(member, body);
      const language = languageOf(`${title}\n${body}`, locale);
      const base = slugify(title, 60) || 'topic';
      const slug = await db.transaction().execute(async (trx) => {
        const free = nextFreeSlug(base, await slugsStartingWith(trx, 'forum_topics', base), RESERVED_SLUGS);
        const topicId = await queries.insertTopic(trx, { slug: free, title, language, forumId: forum.id, dialogueId: null, position: 0, authorId: member.id });
        const postId = await queries.insertPost(trx, { topicId, authorId: member.id, body, language, quoteOf: null, held });
        await queries.markRead(trx, member.id, topicId, postId);
        return free;
      });
      return { slug, held };
    },

    /** A reply, perhaps quoting a post of the same thread. Returns the post and the page it is on. */
    async reply(member: CurrentUser, topicSlug: string, input: { body: string; quote: number | null }): Promise<{ postId: number; page: number; held: boolean; topic: queries.TopicRow }> {
      const body = checkBody(input.body);
      const held = await holdsFor(member, body);
      const outcome = await db.transaction().execute(async (trx) => {
        // The topic's row lock orders replies against a moderator locking it.
        const found = await queries.topicBySlug(trx, topicSlug);
        const topic = found ? await queries.topicById(trx, found.id, true) : undefined;
        if (!topic) throw new NotFoundError();
        const closed = await closedReason(topic);
        if (closed) throw new ValidationError({ body: closed });
        let quoteOf: number | null = null;
        if (input.quote !== null) {
          const quoted = await queries.postById(trx, input.quote);
          // A quote of another thread, or of a post readers cannot see, quotes nothing.
          if (quoted && quoted.topic_id === topic.id && quoted.removed_at === null && quoted.held_at === null) quoteOf = quoted.id;
        }
        const postId = await queries.insertPost(trx, { topicId: topic.id, authorId: member.id, body, language: languageOf(body, topic.language), quoteOf, held });
        if (!held) await queries.markRead(trx, member.id, topic.id, postId);
        return { postId, topic };
      });
      return { ...outcome, held, page: await pageOfPost(outcome.topic.id, outcome.postId, held || isModerator(member)) };
    },

    /** The author changes their post; what it said before stays in its history. */
    async edit(member: CurrentUser, postId: number, rawBody: string): Promise<{ topic: queries.TopicRow; page: number }> {
      const body = checkBody(rawBody);
      const topic = await db.transaction().execute(async (trx) => {
        const post = await queries.lockPost(trx, postId);
        if (!post || post.removed_at !== null) throw new NotFoundError();
        if (post.author_id !== member.id) throw new ForbiddenError();
        const found = await queries.topicById(trx, post.subject_id, true);
        if (!found) throw new NotFoundError();
        const closed = await closedReason(found);
        if (closed) throw new ValidationError({ body: closed });
        await queries.editPost(trx, postId, body, languageOf(body, found.language));
        return found;
      });
      return { topic, page: await pageOfPost(topic.id, postId, isModerator(member)) };
    },

    /** The post as its author may edit it. */
    async editable(member: CurrentUser, postId: number) {
      const post = await queries.postById(db, postId);
      if (!post || post.removed_at !== null) throw new NotFoundError();
      if (post.author_id !== member.id) throw new ForbiddenError();
      const topic = await queries.topicById(db, post.topic_id);
      if (!topic) throw new NotFoundError();
      return { post, topic };
    },

    /** A moderator removes a post; a placeholder with the reason keeps its place. */
    async remove(moderator: CurrentUser, postId: number, reason: string): Promise<{ topic: queries.TopicRow; page: number }> {
      if (!isModerator(moderator)) throw new ForbiddenError();
      const post = await queries.postById(db, postId);
      if (!post) throw new NotFoundError();
      const topic = await queries.topicById(db, post.topic_id);
      if (!topic) throw new NotFoundError();
      await engagement.removeComment(moderator, TOPIC_KIND, topic.slug, postId, reason);
      return { topic, page: await pageOfPost(topic.id, postId, true) };
    },

    /** A moderator lets a held post through: readers see it from now on. */
    async approve(moderator: CurrentUser, postId: number): Promise<void> {
      if (!isModerator(moderator)) throw new ForbiddenError();
      const approved = await db.transaction().execute(async (trx) => {
        if (!(await queries.approvePost(trx, postId))) return false;
        await insertAuditEntry(trx, { actorId: moderator.id, action: POST_APPROVED, subject: `comment:${postId}`, details: {} });
        return true;
      });
      if (!approved) throw new ConflictError('Not a held post');
    },

    /** A post and its thread, for the removal form: held posts too. */
    async forRemoval(moderator: CurrentUser, postId: number) {
      if (!isModerator(moderator)) throw new ForbiddenError();
      const post = await queries.postById(db, postId);
      const topic = post ? await queries.topicById(db, post.topic_id) : undefined;
      if (!post || !topic) throw new NotFoundError();
      return { post, topic };
    },

    async topicOf(post: Pick<queries.PostRow, 'topic_id'>): Promise<queries.TopicRow> {
      const topic = await queries.topicById(db, post.topic_id);
      if (!topic) throw new NotFoundError();
      return topic;
    },

    heldPosts(moderator: CurrentUser) {
      if (!isModerator(moderator)) throw new ForbiddenError();
      return queries.heldPosts(db, 100);
    },

    async setTopicState(moderator: CurrentUser, slug: string, action: TopicAction): Promise<queries.TopicRow> {
      if (!isModerator(moderator)) throw new ForbiddenError();
      const topic = await existingTopic(slug);
      const change = action === 'pin' || action === 'unpin' ? { pinned: action === 'pin' } : { locked: action === 'lock' };
      await queries.setTopicState(db, topic.id, change);
      await audit(moderator, TOPIC_AUDIT[AUDITED_AS[action]], topic);
      return topic;
    },

    async move(moderator: CurrentUser, slug: string, forumSlug: string): Promise<queries.TopicRow> {
      if (!isModerator(moderator)) throw new ForbiddenError();
      const topic = await existingTopic(slug);
      if (topic.forum_id === null) throw new ConflictError('A dialogue question stays in its dialogue');
      const forum = await queries.forumBySlug(db, forumSlug);
      if (!forum) throw new ValidationError({ forum: 'discuss.errors.forumRequired' });
      await queries.setTopicState(db, topic.id, { forumId: forum.id });
      await audit(moderator, TOPIC_AUDIT.moved, topic, { from: topic.forum_slug ?? '', to: forum.slug });
      return { ...topic, forum_id: forum.id, forum_slug: forum.slug, forum_name: forum.name };
    },
  };

  /** A new member's first post with a link waits for a moderator: the way spam arrives. */
  async function holdsFor(member: CurrentUser, body: string): Promise<boolean> {
    if (isModerator(member) || !LINK.test(body)) return false;
    return (await queries.visiblePostsBy(db, member.id)) === 0;
  }
}

export type ForumsService = ReturnType<typeof forumsService>;
