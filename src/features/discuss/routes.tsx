import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FLAG_REASONS, FlagPage, flagPageTitle } from '../../engagement/index.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import { requireCapability, requireUser, signedInUser } from '../../platform/guards.ts';
import { PAGE_GENERATIONS, keepPrivate, sharedPage } from '../../platform/page-cache.ts';
import { parsePage } from '../../platform/pagination.ts';
import { personaliser } from '../../platform/personal-parts.tsx';
import { POSTING_LIMIT } from '../../platform/rate-limit.ts';
import type { ConsultationsService } from './consultations.ts';
import type { DialoguesService } from './dialogues.ts';
import { TOPIC_ACTIONS, threadPath, type ForumsService, type TopicAction } from './forums.ts';
import { CONSULTATIONS_PATH, DIALOGUES_PATH, DISCUSS_PATH, DISCUSSION_GENERATION, consultationPath, dialoguePath, forumPath, topicPath } from './kind.ts';
import { dialogueHtml, dialogueJson } from './downloads.ts';
import type { ForumSearch } from './search.ts';
import { EMPTY_TIMED_FORM, readTimedForm } from './timed-form.ts';
import { ForumSearchPage } from './views/search-page.tsx';
import { EditPostPage, ForumPage, ForumsIndexPage, HeldPostsPage, HistoryPage, NewForumPage, NewTopicPage, RemovePostPage, TopicPage, readMarkPart, topicListPart, type ReplyFormState } from './views/forum-pages.tsx';
import { ChairDeskPage, ConsultationPage, DialoguePage, SummaryFormPage, TimedFormPage, commentBoxPart, moderatorLinksPart, type CommentBox } from './views/timed-pages.tsx';

/** The pages of forums, dialogues and consultations under every locale prefix. */

const TEXT_MAX = 60_000;
const slug = { type: 'string', minLength: 1, maxLength: 200 } as const;
const id = { type: 'string', pattern: '^[0-9]{1,9}$' } as const;
const forumParams = { type: 'object', properties: { forum: slug }, required: ['forum'] } as const;
const topicParams = { type: 'object', properties: { forum: slug, topic: slug }, required: ['forum', 'topic'] } as const;
const questionParams = { type: 'object', properties: { slug, topic: slug }, required: ['slug', 'topic'] } as const;
const slugParams = { type: 'object', properties: { slug }, required: ['slug'] } as const;
const postParams = { type: 'object', properties: { id }, required: ['id'] } as const;
const commentParams = { type: 'object', properties: { slug, id }, required: ['slug', 'id'] } as const;
const threadQuery = { type: 'object', properties: { page: { type: 'string', maxLength: 12 }, quote: { type: 'string', maxLength: 12 }, done: { type: 'string', maxLength: 40 } } } as const;
const noticeQuery = { type: 'object', properties: { done: { type: 'string', maxLength: 40 } } } as const;
const bodyOnly = { type: 'object', properties: { body: { type: 'string', maxLength: TEXT_MAX }, quote: { type: 'string', maxLength: 12 } } } as const;
const topicBody = { type: 'object', properties: { title: { type: 'string', maxLength: 1000 }, body: { type: 'string', maxLength: TEXT_MAX } } } as const;
const forumBody = { type: 'object', properties: { name: { type: 'string', maxLength: 1000 }, description: { type: 'string', maxLength: 5000 }, position: { type: 'string', maxLength: 12 } } } as const;
const reasonBody = { type: 'object', properties: { reason: { type: 'string', maxLength: 2000 } } } as const;
const stateBody = { type: 'object', properties: { action: { type: 'string', enum: TOPIC_ACTIONS } }, required: ['action'] } as const;
const moveBody = { type: 'object', properties: { forum: { type: 'string', maxLength: 200 } } } as const;
const flagBody = { type: 'object', properties: { subject: { type: 'string', maxLength: 20 }, comment: { type: 'string', maxLength: 12 }, reason: { type: 'string', maxLength: 40 }, note: { type: 'string', maxLength: 5000 } } } as const;
const timedBody = { type: 'object', additionalProperties: { type: 'string', maxLength: TEXT_MAX } } as const;
const summaryBody = { type: 'object', properties: { summary: { type: 'string', maxLength: TEXT_MAX }, synthesis: { type: 'string', maxLength: TEXT_MAX }, action: { type: 'string', enum: ['save', 'publish'] } } } as const;
const commentBody = { type: 'object', properties: { question: { type: 'string', maxLength: 12 }, body: { type: 'string', maxLength: TEXT_MAX } } } as const;
const decisionBody = { type: 'object', properties: { decision: { type: 'string', enum: ['published', 'declined'] } }, required: ['decision'], additionalProperties: { type: 'string', maxLength: 5000 } } as const;

const posting = { config: { rateLimit: POSTING_LIMIT } };
const memberPosting = { preHandler: requireUser, ...posting };
const THREAD_SHOWS = [DISCUSSION_GENERATION, PAGE_GENERATIONS.engagement, PAGE_GENERATIONS.account];
const NOTICES = ['replied', 'held', 'edited', 'removed', 'approved', 'pinned', 'unpinned', 'locked', 'unlocked', 'moved', 'flagged', 'created', 'commented', 'decided', 'saved', 'published'] as const;
const noticeOf = (raw: string | undefined) => NOTICES.find((notice) => notice === raw);
const quoteIdOf = (raw: string | undefined): number | null => (raw !== undefined && /^[0-9]{1,9}$/.test(raw) ? Number(raw) : null);

export function discussRoutes({ forums, dialogues, consultations, search }: { forums: ForumsService; dialogues: DialoguesService; consultations: ConsultationsService; search: ForumSearch }) {
  return async function discussRoutesPlugin(app: FastifyInstance) {
    // Forums.
    app.get(DISCUSS_PATH, { config: sharedPage([DISCUSSION_GENERATION]) }, async (request, reply) => {
      const [forumList, dialogueList, consultationList] = await Promise.all([forums.forums(), dialogues.list(), consultations.list()]);
      return reply.page(request.t('discuss.index.title'), (ctx) => <ForumsIndexPage ctx={ctx} forums={forumList} dialogues={dialogueList} consultations={consultationList} />);
    });

    app.get(`${DISCUSS_PATH}/new`, { preHandler: requireCapability('site.administer') }, async (request, reply) =>
      reply.page(request.t('discuss.forumForm.title'), (ctx) => <NewForumPage ctx={ctx} values={{ name: '', description: '', position: '' }} errors={{}} />),
    );

    app.post(DISCUSS_PATH, { preHandler: requireCapability('site.administer'), schema: { body: forumBody } }, async (request, reply) => {
      const body = request.body as { name?: string; description?: string; position?: string };
      const values = { name: body.name ?? '', description: body.description ?? '', position: body.position ?? '' };
      try {
        const created = await forums.createForum(signedInUser(request), values);
        return reply.seeOther(forumPath(created));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return reply.page(`${request.t('common.errorPrefix')} ${request.t('discuss.forumForm.title')}`, (ctx) => <NewForumPage ctx={ctx} values={values} errors={error.errors} />, 422);
      }
    });

    app.get(`${DISCUSS_PATH}/held`, { preHandler: requireCapability('content.moderate') }, async (request, reply) => {
      const posts = await forums.heldPosts(signedInUser(request));
      return reply.page(request.t('discuss.held.title'), (ctx) => <HeldPostsPage ctx={ctx} posts={posts} />);
    });

    // A post's permalink: the page of its thread that shows it.
    app.get(`${DISCUSS_PATH}/posts/:id`, { schema: { params: postParams } }, async (request, reply) => {
      const postId = Number((request.params as { id: string }).id);
      const { path, page } = await forums.locate(request.currentUser, postId);
      return reply.seeOther(`${path}${page > 1 ? `?page=${page}` : ''}#post-${postId}`);
    });

    app.get(`${DISCUSS_PATH}/posts/:id/history`, { schema: { params: postParams } }, async (request, reply) => {
      const { post, topic, edits } = await forums.history(Number((request.params as { id: string }).id));
      return reply.page(request.t('discuss.history.title'), (ctx) => <HistoryPage ctx={ctx} post={post} topic={topic} edits={edits} />);
    });

    app.get(`${DISCUSS_PATH}/posts/:id/edit`, { preHandler: requireUser, schema: { params: postParams } }, async (request, reply) => {
      const { post, topic } = await forums.editable(signedInUser(request), Number((request.params as { id: string }).id));
      return reply.page(request.t('discuss.edit.title', { topic: topic.title }), (ctx) => <EditPostPage ctx={ctx} post={post} topic={topic} body={post.body} errors={{}} />);
    });

    app.post(`${DISCUSS_PATH}/posts/:id/edit`, { ...memberPosting, schema: { params: postParams, body: bodyOnly } }, async (request, reply) => {
      const postId = Number((request.params as { id: string }).id);
      const body = (request.body as { body?: string }).body ?? '';
      try {
        const { topic, page } = await forums.edit(signedInUser(request), postId, body);
        return reply.seeOther(`${threadPath(topic)}?${page > 1 ? `page=${page}&` : ''}done=edited#post-${postId}`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const { post, topic } = await forums.editable(signedInUser(request), postId);
        return reply.page(`${request.t('common.errorPrefix')} ${request.t('discuss.edit.title', { topic: topic.title })}`, (ctx) => <EditPostPage ctx={ctx} post={post} topic={topic} body={body} errors={error.errors} />, 422);
      }
    });

    app.get(`${DISCUSS_PATH}/posts/:id/remove`, { preHandler: requireCapability('content.moderate'), schema: { params: postParams } }, async (request, reply) => {
      const { post, topic } = await forums.forRemoval(signedInUser(request), Number((request.params as { id: string }).id));
      return reply.page(request.t('discuss.remove.title'), (ctx) => <RemovePostPage ctx={ctx} post={post} topic={topic} />);
    });

    app.post(`${DISCUSS_PATH}/posts/:id/remove`, { preHandler: requireCapability('content.moderate'), schema: { params: postParams, body: reasonBody } }, async (request, reply) => {
      const postId = Number((request.params as { id: string }).id);
      const { topic, page } = await forums.remove(signedInUser(request), postId, (request.body as { reason?: string }).reason ?? '');
      return reply.seeOther(`${threadPath(topic)}?${page > 1 ? `page=${page}&` : ''}done=removed#post-${postId}`);
    });

    app.post(`${DISCUSS_PATH}/posts/:id/approve`, { preHandler: requireCapability('content.moderate'), schema: { params: postParams } }, async (request, reply) => {
      await forums.approve(signedInUser(request), Number((request.params as { id: string }).id));
      return reply.seeOther(`${DISCUSS_PATH}/held?done=approved`);
    });

    app.get(`${DISCUSS_PATH}/posts/:id/report`, { preHandler: requireUser, schema: { params: postParams } }, async (request, reply) => {
      const postId = Number((request.params as { id: string }).id);
      const post = await forums.visiblePost(postId);
      if (!post) return reply.callNotFound();
      const topic = await forums.topicOf(post);
      const item = await app.engagement.reportedItem(signedInUser(request), 'forum_topic', topic.slug);
      const subject = { kind: 'comment', commentId: postId } as const;
      return reply.page(flagPageTitle(request, item, subject), (ctx) => <FlagPage ctx={ctx} item={item} subject={subject} form={{ values: {}, errors: {} }} />);
    });

    // Reports of a thread's posts arrive at the thread's address (the shared report form posts there).
    for (const path of [`${DISCUSS_PATH}/:forum/:topic/flags`, `${DIALOGUES_PATH}/:slug/:topic/flags`]) {
      app.post(path, { ...memberPosting, schema: { body: flagBody } }, async (request, reply) => {
        const topicSlug = (request.params as { topic: string }).topic;
        const form = request.body as { comment?: string; reason?: string; note?: string };
        const commentId = quoteIdOf(form.comment);
        const topic = await forums.topic(topicSlug);
        if (commentId === null) return reply.callNotFound();
        const subject = { kind: 'comment', commentId } as const;
        try {
          await app.engagement.flag(signedInUser(request), 'forum_topic', topicSlug, subject, form.reason ?? '', form.note ?? '');
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          const item = await app.engagement.reportedItem(signedInUser(request), 'forum_topic', topicSlug);
          const values = { reason: FLAG_REASONS.find((reason) => reason === form.reason) ?? '', note: form.note ?? '' };
          return reply.page(flagPageTitle(request, item, subject), (ctx) => <FlagPage ctx={ctx} item={item} subject={subject} form={{ values, errors: error.errors }} />, 422);
        }
        return reply.seeOther(`${threadPath(topic)}?done=flagged`);
      });
    }

    // The search over forum posts.
    app.get(`${DISCUSS_PATH}/search`, { schema: { querystring: { type: 'object', additionalProperties: { anyOf: [{ type: 'string', maxLength: 500 }, { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 200 } }] } } }, config: sharedPage(['forum_post', DISCUSSION_GENERATION]) }, async (request, reply) => {
      const query = request.query as Record<string, string | string[] | undefined>;
      const page = parsePage(typeof query.page === 'string' ? query.page : undefined);
      const outcome = await search.search(query, page);
      const forumList = await forums.forums();
      return reply.page(request.t('discuss.search.title'), (ctx) => <ForumSearchPage ctx={ctx} outcome={outcome} forums={forumList} />);
    });

    // Topics of one forum, with each member's unread counts.
    const forumParts = [
      personaliser(topicListPart, async (_request, member, list) => ({ ...list, unread: Object.fromEntries(await forums.unread(member, list.topics.map((topic) => topic.id))) })),
    ];
    app.get(`${DISCUSS_PATH}/:forum`, { schema: { params: forumParams, querystring: threadQuery }, config: sharedPage(THREAD_SHOWS, { personalise: forumParts, keepParts: false }) }, async (request, reply) => {
      const { forum, topics } = await forums.forumPage((request.params as { forum: string }).forum, parsePage((request.query as { page?: string }).page));
      return reply.page(forum.name, (ctx) => <ForumPage ctx={ctx} forum={forum} topics={topics} />, topics.page > topics.pageCount ? 404 : 200);
    });

    app.get(`${DISCUSS_PATH}/:forum/new`, { preHandler: requireUser, schema: { params: forumParams } }, async (request, reply) => {
      const { forum } = await forums.forumPage((request.params as { forum: string }).forum, 1);
      return reply.page(request.t('discuss.topic.newTitle', { forum: forum.name }), (ctx) => <NewTopicPage ctx={ctx} forum={forum} values={{ title: '', body: '' }} errors={{}} />);
    });

    app.post(`${DISCUSS_PATH}/:forum/topics`, { ...memberPosting, schema: { params: forumParams, body: topicBody } }, async (request, reply) => {
      const forumSlug = (request.params as { forum: string }).forum;
      const body = request.body as { title?: string; body?: string };
      const values = { title: body.title ?? '', body: body.body ?? '' };
      try {
        const created = await forums.createTopic(signedInUser(request), forumSlug, values, request.locale);
        return reply.seeOther(`${topicPath(forumSlug, created.slug)}?done=${created.held ? 'held' : 'created'}`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const { forum } = await forums.forumPage(forumSlug, 1);
        return reply.page(`${request.t('common.errorPrefix')} ${request.t('discuss.topic.newTitle', { forum: forum.name })}`, (ctx) => <NewTopicPage ctx={ctx} forum={forum} values={values} errors={error.errors} />, 422);
      }
    });

    // One thread: a forum topic or a dialogue's question.
    const threadParts = [
      personaliser(readMarkPart, async (_request, member, mark) => {
        await forums.markRead(member, mark.topicId, mark.lastPostId);
        return mark;
      }),
    ];

    async function renderThread(request: FastifyRequest, reply: FastifyReply, topicSlug: string, reply_: ReplyFormState | null, statusCode = 200) {
      const query = request.query as { page?: string; quote?: string; done?: string };
      const view = await forums.thread(request.currentUser, topicSlug, parsePage(query.page));
      // One address a thread: its own forum's or dialogue's.
      const params = request.params as { forum?: string; slug?: string };
      if ((params.forum ?? view.topic.forum_slug) !== view.topic.forum_slug || (params.slug ?? view.topic.dialogue_slug) !== view.topic.dialogue_slug) throw new NotFoundError();
      const closedReason = await forums.closedReason(view.topic);
      const quoteId = quoteIdOf(query.quote);
      const quoted = quoteId === null ? undefined : await forums.visiblePost(quoteId);
      const notice = noticeOf(query.done);
      if (notice || quoteId !== null || reply_) keepPrivate(reply);
      const state: ReplyFormState = reply_ ?? { body: '', quote: quoted && quoted.topic_id === view.topic.id ? quoted : null, errors: {} };
      const forumList = view.canModerate ? await forums.forums() : [];
      return reply.page(view.topic.title, (ctx) => <TopicPage ctx={ctx} view={view} notice={notice} reply={state} closedReason={closedReason} forums={forumList} />, view.posts.page > view.posts.pageCount ? 404 : statusCode);
    }

    app.get(`${DISCUSS_PATH}/:forum/:topic`, { schema: { params: topicParams, querystring: threadQuery }, config: sharedPage(THREAD_SHOWS, { personalise: threadParts }) }, async (request, reply) =>
      renderThread(request, reply, (request.params as { topic: string }).topic, null),
    );
    app.get(`${DIALOGUES_PATH}/:slug/:topic`, { schema: { params: questionParams, querystring: threadQuery }, config: sharedPage(THREAD_SHOWS, { personalise: threadParts }) }, async (request, reply) =>
      renderThread(request, reply, (request.params as { topic: string }).topic, null),
    );

    for (const path of [`${DISCUSS_PATH}/:forum/:topic/unread`, `${DIALOGUES_PATH}/:slug/:topic/unread`]) {
      app.get(path, { preHandler: requireUser }, async (request, reply) => {
        const { topic, page, postId } = await forums.firstUnread(signedInUser(request), (request.params as { topic: string }).topic);
        return reply.seeOther(`${threadPath(topic)}${page > 1 ? `?page=${page}` : ''}${postId === null ? '#reply' : `#post-${postId}`}`);
      });
    }

    for (const path of [`${DISCUSS_PATH}/:forum/:topic/posts`, `${DIALOGUES_PATH}/:slug/:topic/posts`]) {
      app.post(path, { ...memberPosting, schema: { body: bodyOnly } }, async (request, reply) => {
        const topicSlug = (request.params as { topic: string }).topic;
        const body = request.body as { body?: string; quote?: string };
        try {
          const posted = await forums.reply(signedInUser(request), topicSlug, { body: body.body ?? '', quote: quoteIdOf(body.quote) });
          return reply.seeOther(`${threadPath(posted.topic)}?${posted.page > 1 ? `page=${posted.page}&` : ''}done=${posted.held ? 'held' : 'replied'}#post-${posted.postId}`);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          const quoteId = quoteIdOf(body.quote);
          const quoted = quoteId === null ? undefined : await forums.visiblePost(quoteId);
          return renderThread(request, reply, topicSlug, { body: body.body ?? '', quote: quoted ?? null, errors: error.errors }, 422);
        }
      });
    }

    app.post(`${DISCUSS_PATH}/:forum/:topic/state`, { preHandler: requireCapability('content.moderate'), schema: { params: topicParams, body: stateBody } }, async (request, reply) => {
      const action = (request.body as { action: TopicAction }).action;
      const topic = await forums.setTopicState(signedInUser(request), (request.params as { topic: string }).topic, action);
      return reply.seeOther(`${threadPath(topic)}?done=${action === 'pin' ? 'pinned' : action === 'unpin' ? 'unpinned' : action === 'lock' ? 'locked' : 'unlocked'}`);
    });

    app.post(`${DISCUSS_PATH}/:forum/:topic/move`, { preHandler: requireCapability('content.moderate'), schema: { params: topicParams, body: moveBody } }, async (request, reply) => {
      try {
        const topic = await forums.move(signedInUser(request), (request.params as { topic: string }).topic, (request.body as { forum?: string }).forum ?? '');
        return reply.seeOther(`${threadPath(topic)}?done=moved`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderThread(request, reply, (request.params as { topic: string }).topic, { body: '', quote: null, errors: { body: 'discuss.errors.forumRequired' } }, 422);
      }
    });

    // Dialogues and consultations: opening one.
    for (const kind of ['dialogue', 'consultation'] as const) {
      const base = kind === 'dialogue' ? DIALOGUES_PATH : CONSULTATIONS_PATH;
      const service = kind === 'dialogue' ? dialogues : consultations;
      app.get(`${base}/new`, { preHandler: requireCapability('discussion.chair') }, async (request, reply) =>
        reply.page(request.t(`discuss.${kind}.newTitle`), (ctx) => <TimedFormPage ctx={ctx} kind={kind} values={{ ...EMPTY_TIMED_FORM, language: request.locale }} errors={{}} />),
      );
      app.post(base, { preHandler: requireCapability('discussion.chair'), schema: { body: timedBody } }, async (request, reply) => {
        const values = readTimedForm(request.body);
        try {
          const created = await service.create(signedInUser(request), values);
          return reply.seeOther(kind === 'dialogue' ? dialoguePath(created) : consultationPath(created));
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          return reply.page(`${request.t('common.errorPrefix')} ${request.t(`discuss.${kind}.newTitle`)}`, (ctx) => <TimedFormPage ctx={ctx} kind={kind} values={values} errors={error.errors} />, 422);
        }
      });
    }

    // Dialogues.
    const dialogueParts = [
      personaliser(moderatorLinksPart, async (request, member, links) => ({ ...links, allowed: await dialogues.mayModerateAt(member, (request.params as { slug: string }).slug) })),
    ];
    app.get(`${DIALOGUES_PATH}/:slug`, { schema: { params: slugParams }, config: sharedPage(THREAD_SHOWS, { personalise: dialogueParts }) }, async (request, reply) => {
      const view = await dialogues.find((request.params as { slug: string }).slug);
      return reply.page(view.dialogue.title, (ctx) => <DialoguePage ctx={ctx} view={view} />);
    });

    for (const format of ['html', 'json'] as const) {
      app.get(`${DIALOGUES_PATH}/:slug/download.${format}`, { schema: { params: slugParams }, config: sharedPage(THREAD_SHOWS, { sameForEveryone: true }) }, async (request, reply) => {
        const document = await dialogues.document((request.params as { slug: string }).slug);
        const disposition = `attachment; filename="${document.dialogue.slug}.${format}"`;
        if (format === 'json') return reply.type('application/json; charset=utf-8').header('content-disposition', disposition).send(dialogueJson(document, app.deps.config.baseUrl));
        return reply.type('text/html; charset=utf-8').header('content-disposition', disposition).send(dialogueHtml(document, request.t, request.locale));
      });
    }

    async function renderSummaryForm(request: FastifyRequest, reply: FastifyReply, values: { value?: string; errors?: FieldErrors } = {}, statusCode = 200) {
      const view = await dialogues.find((request.params as { slug: string }).slug);
      if (!(await dialogues.mayModerate(signedInUser(request), view.dialogue))) throw new ForbiddenError();
      const title = request.t('discuss.dialogue.summaryTitle', { title: view.dialogue.title });
      return reply.page(title, (ctx) => <SummaryFormPage ctx={ctx} title={title} action={ctx.href(`${dialoguePath(view.dialogue.slug)}/summary`)} field="summary" value={values.value ?? view.dialogue.summary} errors={values.errors ?? {}} published={view.dialogue.summary_published_at !== null} />, statusCode);
    }
    app.get(`${DIALOGUES_PATH}/:slug/summary`, { preHandler: requireUser, schema: { params: slugParams } }, async (request, reply) => renderSummaryForm(request, reply));
    app.post(`${DIALOGUES_PATH}/:slug/summary`, { preHandler: requireUser, schema: { params: slugParams, body: summaryBody } }, async (request, reply) => {
      const body = request.body as { summary?: string; action?: string };
      const dialogueSlug = (request.params as { slug: string }).slug;
      try {
        await dialogues.saveSummary(signedInUser(request), dialogueSlug, body.summary ?? '', body.action === 'publish');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderSummaryForm(request, reply, { value: body.summary ?? '', errors: error.errors }, 422);
      }
      return reply.seeOther(body.action === 'publish' ? dialoguePath(dialogueSlug) : `${dialoguePath(dialogueSlug)}/summary`);
    });

    // Consultations.
    const consultationParts = [
      personaliser(moderatorLinksPart, async (request, member, links) => ({ ...links, allowed: await consultations.chairsAt(member, (request.params as { slug: string }).slug) })),
      personaliser(commentBoxPart, async (_request, member, box) => ({ ...box, identity: await consultations.identityOf(member), mine: await consultations.mine(member, box.slug) })),
    ];
    async function renderConsultation(request: FastifyRequest, reply: FastifyReply, form: { values: CommentBox['values']; errors: FieldErrors } | null, statusCode = 200) {
      const view = await consultations.find((request.params as { slug: string }).slug);
      const notice = noticeOf((request.query as { done?: string } | undefined)?.done);
      if (notice || form) keepPrivate(reply);
      // A form sent back with errors is the member's own page, not a kept one: their part is filled here.
      const member = form ? request.currentUser : null;
      const box: CommentBox = {
        slug: view.consultation.slug,
        open: view.state === 'open',
        questions: view.questions,
        identity: member ? await consultations.identityOf(member) : null,
        mine: member ? await consultations.mine(member, view.consultation.slug) : [],
        values: form?.values ?? { question: '', body: '' },
        errors: form?.errors ?? {},
      };
      return reply.page(view.consultation.title, (ctx) => <ConsultationPage ctx={ctx} view={view} notice={notice} box={box} />, statusCode);
    }
    app.get(`${CONSULTATIONS_PATH}/:slug`, { schema: { params: slugParams, querystring: noticeQuery }, config: sharedPage([DISCUSSION_GENERATION, PAGE_GENERATIONS.account], { personalise: consultationParts }) }, async (request, reply) =>
      renderConsultation(request, reply, null),
    );

    app.post(`${CONSULTATIONS_PATH}/:slug/comments`, { ...memberPosting, schema: { params: slugParams, body: commentBody } }, async (request, reply) => {
      const body = request.body as { question?: string; body?: string };
      const values = { question: body.question ?? '', body: body.body ?? '' };
      try {
        await consultations.comment(signedInUser(request), (request.params as { slug: string }).slug, values);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderConsultation(request, reply, { values, errors: error.errors }, 422);
      }
      return reply.seeOther(`${consultationPath((request.params as { slug: string }).slug)}?done=commented#comment`);
    });

    async function renderDesk(request: FastifyRequest, reply: FastifyReply, errors: FieldErrors = {}, statusCode = 200) {
      const { consultation, comments, questions } = await consultations.desk(signedInUser(request), (request.params as { slug: string }).slug);
      const notice = noticeOf((request.query as { done?: string } | undefined)?.done);
      return reply.page(request.t('discuss.consultation.deskTitle', { title: consultation.title }), (ctx) => <ChairDeskPage ctx={ctx} title={consultation.title} slug={consultation.slug} comments={comments} questions={questions} notice={notice} errors={errors} />, statusCode);
    }
    app.get(`${CONSULTATIONS_PATH}/:slug/chair`, { preHandler: requireUser, schema: { params: slugParams, querystring: noticeQuery } }, async (request, reply) => renderDesk(request, reply));

    app.post(`${CONSULTATIONS_PATH}/:slug/comments/:id/decision`, { preHandler: requireUser, schema: { params: commentParams, body: decisionBody } }, async (request, reply) => {
      const { slug: consultationSlug, id: commentId } = request.params as { slug: string; id: string };
      const body = request.body as Record<string, string>;
      const decision = body.decision === 'published' ? 'published' : 'declined';
      try {
        await consultations.decide(signedInUser(request), consultationSlug, Number(commentId), decision, body[`reason-${commentId}`] ?? '');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderDesk(request, reply, error.errors, 422);
      }
      return reply.seeOther(`${consultationPath(consultationSlug)}/chair?done=decided`);
    });

    app.get(`${CONSULTATIONS_PATH}/:slug/decisions.csv`, { preHandler: requireUser, schema: { params: slugParams } }, async (request, reply) => {
      const { slug: consultationSlug, csv } = await consultations.decisionCsv(signedInUser(request), (request.params as { slug: string }).slug);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${consultationSlug}-decisions.csv"`).header('cache-control', 'private, no-store').send(`\uFEFF${csv}`);
    });

    async function renderSynthesisForm(request: FastifyRequest, reply: FastifyReply, values: { value?: string; errors?: FieldErrors } = {}, statusCode = 200) {
      const { consultation, comments } = await consultations.desk(signedInUser(request), (request.params as { slug: string }).slug);
      const title = request.t('discuss.consultation.synthesisTitle', { title: consultation.title });
      const citable = comments.filter((comment) => comment.status === 'published');
      return reply.page(title, (ctx) => <SummaryFormPage ctx={ctx} title={title} action={ctx.href(`${consultationPath(consultation.slug)}/synthesis`)} field="synthesis" value={values.value ?? consultation.synthesis} errors={values.errors ?? {}} published={consultation.synthesis_published_at !== null} citable={citable} />, statusCode);
    }
    app.get(`${CONSULTATIONS_PATH}/:slug/synthesis`, { preHandler: requireUser, schema: { params: slugParams } }, async (request, reply) => renderSynthesisForm(request, reply));
    app.post(`${CONSULTATIONS_PATH}/:slug/synthesis`, { preHandler: requireUser, schema: { params: slugParams, body: summaryBody } }, async (request, reply) => {
      const body = request.body as { synthesis?: string; action?: string };
      const consultationSlug = (request.params as { slug: string }).slug;
      try {
        await consultations.saveSynthesis(signedInUser(request), consultationSlug, body.synthesis ?? '', body.action === 'publish');
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderSynthesisForm(request, reply, { value: body.synthesis ?? '', errors: error.errors }, 422);
      }
      return reply.seeOther(body.action === 'publish' ? consultationPath(consultationSlug) : `${consultationPath(consultationSlug)}/synthesis`);
    });

  };
}
