import type { FastifyInstance } from 'fastify';
import { ATOM_CONTENT_TYPE, atomXml } from '../../open-data/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { apiErrorSchema, slugParameter } from '../../platform/http/api.ts';
import { PAGE_GENERATIONS, sharedPage } from '../../platform/page-cache.ts';
import { parsePage } from '../../platform/pagination.ts';
import type { DiscussServices } from './index.ts';
import { threadPath } from './forums.ts';
import type { PostRow } from './forum-queries.ts';
import { DISCUSSION_GENERATION, consultationPath, forumPath, postPath } from './kind.ts';
import { dialogueJson } from './downloads.ts';

/**
 * `/api/v1/forums…`, dialogues and consultations, and Atom feeds per forum, topic and
 * consultation: published content only. Removed and held posts, and consultation comments the
 * chair has not published, are never read here.
 */

const FEED_SIZE = 50;
const SHOWS = sharedPage([DISCUSSION_GENERATION, PAGE_GENERATIONS.engagement, PAGE_GENERATIONS.account], { sameForEveryone: true });
const pageQuery = { type: 'object', properties: { page: { type: 'string', maxLength: 12 } } } as const;
const topicParams = { type: 'object', properties: { forum: { type: 'string', maxLength: 200 }, topic: { type: 'string', maxLength: 200 } }, required: ['forum', 'topic'] } as const;
const forumParams = { type: 'object', properties: { forum: { type: 'string', maxLength: 200 } }, required: ['forum'] } as const;
const feedParams = { type: 'object', properties: { name: { type: 'string', maxLength: 220, pattern: '^[a-z0-9-]+\\.atom$' } }, required: ['name'] } as const;
const postSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    url: { type: 'string' },
    author: { type: 'string', nullable: true },
    body: { type: 'string', description: 'Markdown; empty for a removed post' },
    removed: { type: 'boolean' },
    language: { type: 'string', nullable: true },
    created_at: { type: 'string', format: 'date-time' },
    edited_at: { type: 'string', format: 'date-time', nullable: true },
    quote_of: { type: 'integer', nullable: true },
  },
} as const;
const topicSchema = {
  type: 'object',
  properties: { slug: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' }, posts: { type: 'integer' }, pinned: { type: 'boolean' }, locked: { type: 'boolean' }, last_post_at: { type: 'string', format: 'date-time' } },
} as const;
const looseObject = { type: 'object', additionalProperties: true } as const;

export function discussApiRoutes({ forums, dialogues, consultations }: DiscussServices) {
  return async function discussApiRoutesPlugin(app: FastifyInstance) {
    const absolute = (path: string) => new URL(path, app.deps.config.baseUrl).href;

    function postRecord(post: PostRow) {
      const removed = post.removed_at !== null;
      return {
        id: post.id,
        url: absolute(`/en${postPath(post.id)}`),
        author: post.author_name,
        body: removed ? '' : post.body,
        removed,
        language: post.language,
        created_at: post.created_at.toISOString(),
        edited_at: removed ? null : (post.edited_at?.toISOString() ?? null),
        quote_of: post.quoted_body === null ? null : post.quote_of,
      };
    }

    app.get('/api/v1/forums', { config: SHOWS, schema: { tags: ['discuss'], summary: 'The forums, in their order', response: { 200: { type: 'object', properties: { items: { type: 'array', items: looseObject } } } } } }, async () => {
      const list = await forums.forums();
      return {
        items: list.map((forum) => ({ slug: forum.slug, name: forum.name, description: forum.description, url: absolute(`/en${forumPath(forum.slug)}`), api_url: absolute(`/api/v1/forums/${forum.slug}`), topics: forum.topic_count, posts: forum.post_count })),
      };
    });

    app.get(
      '/api/v1/forums/:forum',
      { config: SHOWS, schema: { tags: ['discuss'], summary: 'A forum and one page of its topics', params: forumParams, querystring: pageQuery, response: { 200: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' }, page: { type: 'integer' }, page_count: { type: 'integer' }, total: { type: 'integer' }, items: { type: 'array', items: topicSchema } } }, 404: apiErrorSchema } } },
      async (request) => {
        const { forum, topics } = await forums.forumPage((request.params as { forum: string }).forum, parsePage((request.query as { page?: string }).page));
        return {
          slug: forum.slug,
          name: forum.name,
          page: topics.page,
          page_count: topics.pageCount,
          total: topics.total,
          items: topics.items.map((topic) => ({ slug: topic.slug, title: topic.title, url: absolute(`/en${threadPath(topic)}`), posts: topic.post_count, pinned: topic.pinned, locked: topic.locked_at !== null, last_post_at: topic.last_post_at.toISOString() })),
        };
      },
    );

    app.get(
      '/api/v1/forums/:forum/:topic',
      { config: SHOWS, schema: { tags: ['discuss'], summary: 'A topic and one page of its posts', params: topicParams, querystring: pageQuery, response: { 200: { type: 'object', properties: { slug: { type: 'string' }, title: { type: 'string' }, page: { type: 'integer' }, page_count: { type: 'integer' }, total: { type: 'integer' }, items: { type: 'array', items: postSchema } } }, 404: apiErrorSchema } } },
      async (request) => {
        const params = request.params as { forum: string; topic: string };
        const view = await forums.thread(null, params.topic, parsePage((request.query as { page?: string }).page));
        if (view.topic.forum_slug !== params.forum) throw new NotFoundError();
        return { slug: view.topic.slug, title: view.topic.title, page: view.posts.page, page_count: view.posts.pageCount, total: view.posts.total, items: view.posts.items.map(postRecord) };
      },
    );

    app.get('/api/v1/dialogues/:slug', { config: SHOWS, schema: { tags: ['discuss'], summary: 'A dialogue: its questions, their posts and, once published, its summary', params: slugParameter, response: { 200: looseObject, 404: apiErrorSchema } } }, async (request) =>
      dialogueJson(await dialogues.document((request.params as { slug: string }).slug), app.deps.config.baseUrl),
    );

    app.get('/api/v1/consultations/:slug', { config: SHOWS, schema: { tags: ['discuss'], summary: 'A consultation: its questions, the comments the chair published and, once published, the synthesis', params: slugParameter, response: { 200: looseObject, 404: apiErrorSchema } } }, async (request) => {
      const view = await consultations.find((request.params as { slug: string }).slug);
      return {
        slug: view.consultation.slug,
        title: view.consultation.title,
        context: view.consultation.context,
        url: absolute(`/en${consultationPath(view.consultation.slug)}`),
        opens_at: view.consultation.opens_at.toISOString(),
        closes_at: view.consultation.closes_at.toISOString(),
        state: view.state,
        comments_received: view.received,
        comments_published: view.published,
        synthesis: view.consultation.synthesis_published_at ? view.consultation.synthesis : null,
        questions: view.questions.map((question) => ({
          text: question.text,
          comments: view.comments.filter((comment) => comment.question_id === question.id).map((comment) => ({ id: comment.id, author: comment.author_name, organisation: comment.organisation, stakeholder_type: comment.stakeholder_type, country: comment.country, body: comment.body, created_at: comment.created_at.toISOString() })),
        })),
      };
    });

    // Feeds: `/feeds/forum-{slug}.atom`, `/feeds/topic-{slug}.atom`, `/feeds/consultation-{slug}.atom`.
    app.get('/feeds/discuss/:name', { config: SHOWS, schema: { tags: ['discuss'], summary: 'Atom feed of a forum (forum-{slug}.atom: new topics), a topic (topic-{slug}.atom: its posts) or a consultation (consultation-{slug}.atom: published comments)', params: feedParams } }, async (request, reply) => {
      const name = (request.params as { name: string }).name.replace(/\.atom$/, '');
      const { locale, t } = request;
      const [, type, slug] = /^(forum|topic|consultation)-(.+)$/.exec(name) ?? [];
      if (!type || !slug) throw new NotFoundError();
      const feed = { selfUrl: absolute(`/feeds/discuss/${name}.atom`), authorName: t('common.siteName'), locale };
      if (type === 'forum') {
        const { forum, topics } = await forums.forumPage(slug, 1);
        return reply.type(ATOM_CONTENT_TYPE).send(atomXml({ ...feed, alternateUrl: absolute(`/${locale}${forumPath(forum.slug)}`), title: forum.name, subtitle: forum.description, entries: topics.items.slice(0, FEED_SIZE).map((topic) => ({ url: absolute(`/${locale}${threadPath(topic)}`), title: topic.title, language: topic.language, published: topic.last_post_at, summary: t('discuss.forum.posts', { count: topic.post_count }), categories: [] })) }));
      }
      if (type === 'topic') {
        const view = await forums.thread(null, slug, 1);
        const last = await forums.thread(null, slug, view.posts.pageCount);
        const posts = [...last.posts.items].reverse().filter((post) => post.removed_at === null).slice(0, FEED_SIZE);
        return reply.type(ATOM_CONTENT_TYPE).send(atomXml({ ...feed, alternateUrl: absolute(`/${locale}${threadPath(view.topic)}`), title: view.topic.title, subtitle: view.topic.forum_name ?? '', entries: posts.map((post) => ({ url: absolute(`/${locale}${postPath(post.id)}`), title: t('discuss.feed.post', { name: post.author_name ?? t('discuss.post.deletedMember'), topic: view.topic.title }), language: post.language ?? view.topic.language, published: post.created_at, summary: post.body.slice(0, 500), categories: [] })) }));
      }
      const view = await consultations.find(slug);
      return reply.type(ATOM_CONTENT_TYPE).send(atomXml({ ...feed, alternateUrl: absolute(`/${locale}${consultationPath(view.consultation.slug)}`), title: view.consultation.title, subtitle: t('discuss.consultation.rule'), entries: [...view.comments].reverse().slice(0, FEED_SIZE).map((comment) => ({ url: absolute(`/${locale}${consultationPath(view.consultation.slug)}#comment-${comment.id}`), title: t('discuss.feed.comment', { name: comment.author_name }), language: view.consultation.language, published: comment.created_at, summary: comment.body.slice(0, 500), categories: [] })) }));
    });

  };
}
