import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { EMPTY_FORM, formBodySchema, readForm, type FieldErrors, type FormState } from '../../platform/forms.ts';
import { requireRole, requireUser, signedInUser } from '../../platform/guards.ts';
import { parsePage } from '../../platform/pagination.ts';
import { POSTING_LIMIT } from '../../platform/rate-limit.ts';
import { practicePageService, type FlagSubject } from './page-service.ts';
import { FlagPage } from './views/practice-page-flag.tsx';
import { PAGE_NOTICES, PracticePageView, type PageNotice } from './views/practice-page.tsx';

const slugParams = {
  params: {
    type: 'object',
    required: ['slug'],
    properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } },
  },
} as const;
const commentParams = {
  params: {
    type: 'object',
    required: ['slug', 'id'],
    properties: { slug: { type: 'string', minLength: 1, maxLength: 200 }, id: { type: 'string', pattern: '^[0-9]{1,9}$' } },
  },
} as const;
const pageQuery = {
  type: 'object',
  properties: { comments: { type: 'string', maxLength: 10 }, done: { type: 'string', maxLength: 20 } },
} as const;
const flagQuery = { type: 'object', properties: { comment: { type: 'string', maxLength: 10 } } } as const;

const RATING_FIELDS = ['score'] as const;
const COMMENT_FIELDS = ['comment'] as const;
const FLAG_FIELDS = ['subject', 'comment', 'reason', 'note'] as const;
const posting = { config: { rateLimit: POSTING_LIMIT } };

interface PageRenderOptions {
  rating?: FormState;
  comment?: FormState;
  notice?: PageNotice;
  commentPage?: number;
  statusCode?: number;
}

/** For the `catch` of a form post: re-render on refused input, let anything else reach the error handler. */
function renderIfInvalid(error: unknown, render: (errors: FieldErrors) => Promise<FastifyReply>): Promise<FastifyReply> {
  if (!(error instanceof ValidationError)) throw error;
  return render(error.errors);
}

function noticeOf(value: string | undefined): PageNotice | undefined {
  return PAGE_NOTICES.find((notice) => notice === value);
}

/** A comment id from the query string, or undefined when absent or not a number. */
function commentIdOf(value: string | undefined): number | undefined {
  return value !== undefined && /^[0-9]{1,9}$/.test(value) ? Number(value) : undefined;
}

/**
 * The public page of a practice (`/{l}/practices/:slug`) and what members do on it: rate,
 * comment, report; editors remove comments.
 */
export async function practicePageRoutes(app: FastifyInstance) {
  const service = practicePageService(app.deps);
  const { baseUrl } = app.deps.config;
  const absolute = (path: string) => new URL(path, baseUrl).href;
  const practicePath = (slug: string) => `/practices/${encodeURIComponent(slug)}`;

  async function renderPracticePage(request: FastifyRequest, reply: FastifyReply, slug: string, options: PageRenderOptions = {}) {
    const page = await service.load(slug, request.currentUser, options.commentPage ?? 1);
    const locale = request.locale;
    const urls = {
      practice: absolute(`/${locale}${practicePath(slug)}`),
      site: absolute(`/${locale}/`),
      siteName: request.t('common.siteName'),
      practiceOf: (other: string) => absolute(`/${locale}${practicePath(other)}`),
    };
    return reply.page(
      page.detail.row.title,
      (ctx) => (
        <PracticePageView
          ctx={ctx}
          page={page}
          forms={{ rating: options.rating ?? EMPTY_FORM, comment: options.comment ?? EMPTY_FORM }}
          notice={options.notice}
          urls={urls}
        />
      ),
      options.statusCode,
    );
  }

  app.get('/practices/:slug', { schema: { ...slugParams, querystring: pageQuery } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const query = request.query as { comments?: string; done?: string };
    return renderPracticePage(request, reply, slug, { commentPage: parsePage(query.comments), notice: noticeOf(query.done) });
  });

  app.post(
    '/practices/:slug/rating',
    { preHandler: requireUser, schema: { ...slugParams, body: formBodySchema(RATING_FIELDS) } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const { score } = readForm(request.body, RATING_FIELDS);
      try {
        await service.rate(signedInUser(request), slug, score);
      } catch (error) {
        return renderIfInvalid(error, (errors) =>
          renderPracticePage(request, reply, slug, { rating: { values: { score }, errors }, statusCode: 422 }),
        );
      }
      return reply.seeOther(`${practicePath(slug)}?done=rated#rating`);
    },
  );

  app.post(
    '/practices/:slug/comments',
    { ...posting, preHandler: requireUser, schema: { ...slugParams, body: formBodySchema(COMMENT_FIELDS) } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const { comment } = readForm(request.body, COMMENT_FIELDS);
      let posted: { id: number; page: number };
      try {
        posted = await service.comment(signedInUser(request), slug, comment);
      } catch (error) {
        return renderIfInvalid(error, (errors) =>
          renderPracticePage(request, reply, slug, { comment: { values: { comment }, errors }, statusCode: 422 }),
        );
      }
      const page = posted.page > 1 ? `comments=${posted.page}&` : '';
      return reply.seeOther(`${practicePath(slug)}?${page}done=commented#comment-${posted.id}`);
    },
  );

  app.post(
    '/practices/:slug/comments/:id/remove',
    { preHandler: requireRole('editor', 'admin'), schema: commentParams },
    async (request, reply) => {
      const { slug, id } = request.params as { slug: string; id: string };
      const { page } = await service.removeComment(signedInUser(request), slug, Number(id));
      const query = page > 1 ? `comments=${page}&` : '';
      return reply.seeOther(`${practicePath(slug)}?${query}done=removed#comment-${id}`);
    },
  );

  const renderFlagPage = async (request: FastifyRequest, reply: FastifyReply, slug: string, subject: FlagSubject, form: FormState, statusCode = 200) => {
    const { row } = (await service.load(slug, request.currentUser)).detail;
    const practice = { slug: row.slug, title: row.title, language: row.language };
    const title = request.t(subject.kind === 'comment' ? 'practicePage.flag.titleComment' : 'practicePage.flag.titlePractice');
    return reply.page(title, (ctx) => <FlagPage ctx={ctx} practice={practice} subject={subject} form={form} />, statusCode);
  };

  app.get('/practices/:slug/flag', { preHandler: requireUser, schema: { ...slugParams, querystring: flagQuery } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const commentId = commentIdOf((request.query as { comment?: string }).comment);
    const subject: FlagSubject = commentId === undefined ? { kind: 'practice' } : { kind: 'comment', commentId };
    if (subject.kind === 'comment' && !(await service.commentExists(signedInUser(request), slug, subject.commentId))) {
      throw new NotFoundError();
    }
    return renderFlagPage(request, reply, slug, subject, EMPTY_FORM);
  });

  app.post(
    '/practices/:slug/flags',
    { ...posting, preHandler: requireUser, schema: { ...slugParams, body: formBodySchema(FLAG_FIELDS) } },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const form = readForm(request.body, FLAG_FIELDS);
      const commentId = form.subject === 'comment' ? commentIdOf(form.comment) : undefined;
      const subject: FlagSubject = commentId === undefined ? { kind: 'practice' } : { kind: 'comment', commentId };
      try {
        await service.flag(signedInUser(request), slug, subject, form.reason, form.note);
      } catch (error) {
        return renderIfInvalid(error, (errors) =>
          renderFlagPage(request, reply, slug, subject, { values: { reason: form.reason, note: form.note }, errors }, 422),
        );
      }
      return reply.seeOther(`${practicePath(slug)}?done=flagged`);
    },
  );
}
