import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import { requireCapability, signedInUser } from '../../platform/guards.ts';
import { taxonomyService } from '../taxonomies/index.ts';
import { editorialService } from './editorial-service.ts';
import { checkRubric, EMPTY_RUBRIC_FORM, readRubricForm, RUBRIC_FIELDS, type RubricForm } from './rubric.ts';
import { REVIEW_NOTICES, ReviewPage, type ReviewNotice } from './views/review-pages.tsx';
import { pendingChangeRoutes, type PendingReviewState } from '../../editorial/index.ts';
import { practiceService } from './service.ts';
import { practiceKind } from './kind.ts';

/** The editors' side of a practice: the submission with its rubric, decisions, featuring, archiving. */

const editorsOnly = requireCapability('content.review');
const slugParams = { type: 'object', properties: { slug: { type: 'string', maxLength: 200 } }, required: ['slug'] } as const;
const versionBody = { type: 'object', properties: { version: { type: 'string', pattern: '^[0-9]{1,9}$' } }, required: ['version'] } as const;
const decisionBody = {
  type: 'object',
  properties: Object.fromEntries(RUBRIC_FIELDS.map((name) => [name, { type: 'string', maxLength: 20_000 }])),
  required: ['version'],
} as const;
const reviewQuery = { type: 'object', properties: { done: { type: 'string', enum: REVIEW_NOTICES } } } as const;

function versionOf(body: unknown): number {
  return Number((body as { version: string }).version);
}

export async function reviewRoutes(app: FastifyInstance) {
  const editorial = editorialService(app.deps);
  const taxonomy = taxonomyService(app.deps);

  interface ReviewState {
    form?: RubricForm;
    errors?: FieldErrors;
    notice?: ReviewNotice;
    conflict?: boolean;
    pending?: PendingReviewState;
  }

  async function renderReview(request: FastifyRequest, reply: FastifyReply, slug: string, state: ReviewState, status = 200) {
    const { detail, record, reviews, pending, smallCorrections } = await editorial.forReview(signedInUser(request), slug);
    const terms = await taxonomy.all();
    const title = `${request.t('practices.review.pageTitle')} ${detail.row.title}`;
    return reply.page(
      title,
      (ctx) => (
        <ReviewPage
          ctx={ctx}
          detail={detail}
          record={record}
          text={{ locale: ctx.locale, t: ctx.t, taxonomy: terms }}
          reviews={reviews}
          form={state.form ?? EMPTY_RUBRIC_FORM}
          errors={state.errors ?? {}}
          version={detail.row.version}
          notice={state.notice}
          conflict={state.conflict}
          pending={pending}
          pendingState={state.pending ?? {}}
          smallCorrections={smallCorrections}
        />
      ),
      status,
    );
  }

  app.get('/review/:slug', { preHandler: editorsOnly, schema: { params: slugParams, querystring: reviewQuery } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const { done } = request.query as { done?: ReviewNotice };
    return renderReview(request, reply, slug, { notice: done });
  });

  app.post('/review/:slug/decision', { preHandler: editorsOnly, schema: { params: slugParams, body: decisionBody } }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const form = readRubricForm(request.body);
    try {
      const outcome = await editorial.decide(signedInUser(request), slug, versionOf(request.body), checkRubric(form));
      return reply.seeOther(`/review/${slug}?done=${outcome.mailed ? 'decided' : 'decidedNoMail'}`);
    } catch (error) {
      if (error instanceof ValidationError) return renderReview(request, reply, slug, { form, errors: error.errors }, 422);
      // The submission changed while the editor was reading it: show it again as it is now,
      // with the editor's scores and message kept, and decide nothing.
      if (error instanceof ConflictError) return renderReview(request, reply, slug, { form, conflict: true }, 409);
      throw error;
    }
  });

  /** A one-button step on a submission, then back to it with a confirmation. */
  function stepRoute(path: string, notice: ReviewNotice, run: (request: FastifyRequest, slug: string) => Promise<void>, body?: object) {
    app.post(path, { preHandler: editorsOnly, schema: { params: slugParams, ...(body ? { body } : {}) } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      await run(request, slug);
      return reply.seeOther(`/review/${slug}?done=${notice}`);
    });
  }

  stepRoute('/review/:slug/take', 'taken', (request, slug) => editorial.take(signedInUser(request), slug, versionOf(request.body)), versionBody);
  stepRoute('/review/:slug/archive', 'archived', (request, slug) => editorial.archive(signedInUser(request), slug, versionOf(request.body)), versionBody);
  stepRoute('/practices/:slug/feature', 'featured', (request, slug) => editorial.feature(signedInUser(request), slug));

  await app.register(
    pendingChangeRoutes({
      pending: practiceService(app.deps).pending,
      reviewRoute: '/review/:slug',
      itemRoute: '/practices/:slug',
      reviewPath: (slug) => practiceKind.review?.path(slug) ?? `/review/${slug}`,
      afterWithdraw: (slug) => `/practices/${slug}/edit?done=withdrawn`,
      renderReview: (request, reply, slug, pending, statusCode) => renderReview(request, reply, slug, { pending }, statusCode),
    }),
  );
}
