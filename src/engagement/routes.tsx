import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pathOf } from '../content/kinds.ts';
import { NotFoundError, ValidationError } from '../platform/errors.ts';
import { EMPTY_FORM, formBodySchema, readForm, type FieldErrors, type FormState } from '../platform/forms.ts';
import { requireCapability, requireUser, signedInUser } from '../platform/guards.ts';
import { POSTING_LIMIT } from '../platform/rate-limit.ts';
import type { EngagementService, FlagSubject } from './service.ts';
import { FlagPage, flagPageTitle } from './views/flag-page.tsx';

/**
 * The posts members make on any item's page (rating, comment, report) and the moderators'
 * removal of a comment, registered by each kind under its own base path:
 *
 *   POST {base}/:slug/rating · POST {base}/:slug/comments · POST {base}/:slug/comments/:id/remove
 *   GET  {base}/:slug/flag   · POST {base}/:slug/flags
 *
 * A refused rating or comment re-renders the item's page (the kind's own renderer) with the
 * error next to the field; success redirects back to the page (303) with a notice.
 */

/** What a kind's page renderer receives when a post is refused and the page is shown again. */
export interface CommunityForms {
  rating?: FormState;
  comment?: FormState;
  statusCode?: number;
}

export interface EngagementRoutesOptions {
  kind: string;
  basePath: string;
  engagement: EngagementService;
  renderItemPage(request: FastifyRequest, reply: FastifyReply, slug: string, forms: CommunityForms): Promise<FastifyReply>;
}

const slugParams = {
  type: 'object',
  required: ['slug'],
  properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;
const commentParams = {
  type: 'object',
  required: ['slug', 'id'],
  properties: { slug: { type: 'string', minLength: 1, maxLength: 200 }, id: { type: 'string', pattern: '^[0-9]{1,9}$' } },
} as const;
const flagQuery = { type: 'object', properties: { comment: { type: 'string', maxLength: 10 } } } as const;

const RATING_FIELDS = ['score'] as const;
const COMMENT_FIELDS = ['comment'] as const;
const FLAG_FIELDS = ['subject', 'comment', 'reason', 'note'] as const;
const posting = { config: { rateLimit: POSTING_LIMIT } };

/** Notices an item page shows after one of these posts (`?done=…`). */
export const COMMUNITY_NOTICES = ['rated', 'commented', 'removed', 'flagged'] as const;
export type CommunityNotice = (typeof COMMUNITY_NOTICES)[number];

/** For the `catch` of a form post: re-render on refused input, let anything else reach the error handler. */
function renderIfInvalid(error: unknown, render: (errors: FieldErrors) => Promise<FastifyReply>): Promise<FastifyReply> {
  if (!(error instanceof ValidationError)) throw error;
  return render(error.errors);
}

/** A comment id from the query string or a form, or undefined when absent or not a number. */
function commentIdOf(value: string | undefined): number | undefined {
  return value !== undefined && /^[0-9]{1,9}$/.test(value) ? Number(value) : undefined;
}

function subjectOf(commentId: number | undefined): FlagSubject {
  return commentId === undefined ? { kind: 'item' } : { kind: 'comment', commentId };
}

export function engagementRoutes({ kind, basePath, engagement, renderItemPage }: EngagementRoutesOptions) {
  return async function engagementRoutesPlugin(app: FastifyInstance) {
    const itemPath = (slug: string) => pathOf(basePath, slug);

    app.post(
      `${basePath}/:slug/rating`,
      { preHandler: requireUser, schema: { params: slugParams, body: formBodySchema(RATING_FIELDS) } },
      async (request, reply) => {
        const { slug } = request.params as { slug: string };
        const { score } = readForm(request.body, RATING_FIELDS);
        try {
          await engagement.rate(signedInUser(request), kind, slug, score);
        } catch (error) {
          return renderIfInvalid(error, (errors) => renderItemPage(request, reply, slug, { rating: { values: { score }, errors }, statusCode: 422 }));
        }
        return reply.seeOther(`${itemPath(slug)}?done=rated#rating`);
      },
    );

    app.post(
      `${basePath}/:slug/comments`,
      { ...posting, preHandler: requireUser, schema: { params: slugParams, body: formBodySchema(COMMENT_FIELDS) } },
      async (request, reply) => {
        const { slug } = request.params as { slug: string };
        const { comment } = readForm(request.body, COMMENT_FIELDS);
        let posted: { id: number; page: number };
        try {
          posted = await engagement.comment(signedInUser(request), kind, slug, comment);
        } catch (error) {
          return renderIfInvalid(error, (errors) => renderItemPage(request, reply, slug, { comment: { values: { comment }, errors }, statusCode: 422 }));
        }
        const page = posted.page > 1 ? `comments=${posted.page}&` : '';
        return reply.seeOther(`${itemPath(slug)}?${page}done=commented#comment-${posted.id}`);
      },
    );

    app.post(
      `${basePath}/:slug/comments/:id/remove`,
      { preHandler: requireCapability('content.moderate'), schema: { params: commentParams } },
      async (request, reply) => {
        const { slug, id } = request.params as { slug: string; id: string };
        const { page } = await engagement.removeComment(signedInUser(request), kind, slug, Number(id));
        const query = page > 1 ? `comments=${page}&` : '';
        return reply.seeOther(`${itemPath(slug)}?${query}done=removed#comment-${id}`);
      },
    );

    const renderFlagPage = async (request: FastifyRequest, reply: FastifyReply, slug: string, subject: FlagSubject, form: FormState, statusCode = 200) => {
      const item = await engagement.reportedItem(signedInUser(request), kind, slug);
      return reply.page(flagPageTitle(request, item, subject), (ctx) => <FlagPage ctx={ctx} item={item} subject={subject} form={form} />, statusCode);
    };

    app.get(`${basePath}/:slug/flag`, { preHandler: requireUser, schema: { params: slugParams, querystring: flagQuery } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const subject = subjectOf(commentIdOf((request.query as { comment?: string }).comment));
      if (subject.kind === 'comment' && !(await engagement.commentExists(signedInUser(request), kind, slug, subject.commentId))) {
        throw new NotFoundError();
      }
      return renderFlagPage(request, reply, slug, subject, EMPTY_FORM);
    });

    app.post(
      `${basePath}/:slug/flags`,
      { ...posting, preHandler: requireUser, schema: { params: slugParams, body: formBodySchema(FLAG_FIELDS) } },
      async (request, reply) => {
        const { slug } = request.params as { slug: string };
        const form = readForm(request.body, FLAG_FIELDS);
        const subject = subjectOf(form.subject === 'comment' ? commentIdOf(form.comment) : undefined);
        try {
          await engagement.flag(signedInUser(request), kind, slug, subject, form.reason, form.note);
        } catch (error) {
          return renderIfInvalid(error, (errors) => renderFlagPage(request, reply, slug, subject, { values: { reason: form.reason, note: form.note }, errors }, 422));
        }
        return reply.seeOther(`${itemPath(slug)}?done=flagged`);
      },
    );
  };
}
