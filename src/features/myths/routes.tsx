import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { COMMUNITY_NOTICES, engagementRoutes, personalRating, type CommunityForms } from '../../engagement/index.ts';
import { DECISIONS } from '../../editorial/index.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { EMPTY_FORM, type FieldErrors } from '../../platform/forms.ts';
import { requireCapability, requireUser, signedInUser } from '../../platform/guards.ts';
import { keepPrivate, PAGE_GENERATIONS, sharedPage } from '../../platform/page-cache.ts';
import { parsePage } from '../../platform/pagination.ts';
import { personaliser } from '../../platform/personal-parts.tsx';
import { POSTING_LIMIT } from '../../platform/rate-limit.ts';
import { QUERY_PARAM_MAX, type RawQuery } from '../../search/index.ts';
import { taxonomyService } from '../taxonomies/index.ts';
import { MYTH_KIND, mythPath, MYTHS_PATH, mythRef, mythReviewPath } from './kind.ts';
import { EMPTY_MYTH_FORM, readMythForm, type MythFormValues } from './model.ts';
import { mythFacets, type MythSearch } from './search.ts';
import { canEditMyth, editValuesOf, SAVE_ACTIONS, type MythsService, type SaveAction } from './service.ts';
import { MyMythsPage, MythFormPage, MythReviewPage } from './views/form-pages.tsx';
import { MythListPage } from './views/list-page.tsx';
import { mythEditPart, MythPageView } from './views/myth-page.tsx';

/** The myth-and-fact library's pages under every locale prefix, and the editors' review of one myth. */

const listParam = { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 50 } as const;
const slugParams = { type: 'object', properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['slug'] } as const;
const TEXT_MAX = 30_000;
const rowsParam = { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 3000 } } as const;
const formSchema = {
  type: 'object',
  properties: {
    ...Object.fromEntries(['title', 'fact', 'explanation', 'language', 'translationOf'].map((name) => [name, { type: 'string', maxLength: TEXT_MAX }])),
    ...Object.fromEntries(['countries', 'topics', 'audiences'].map((name) => [name, { type: 'array', maxItems: 300, items: { type: 'string', maxLength: 100 } }])),
    ...Object.fromEntries(['sourceTitle', 'sourcePublisher', 'sourceYear', 'sourceUrl'].map((name) => [name, rowsParam])),
    action: { type: 'string', enum: SAVE_ACTIONS },
    version: { type: 'string', pattern: '^[0-9]{1,9}$' },
  },
} as const;
export const mythSearchSchema = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: QUERY_PARAM_MAX },
    page: { type: 'string', maxLength: 12 },
    sort: { type: 'string', maxLength: 20 },
    ...Object.fromEntries(mythFacets.params.map((param) => [param, listParam])),
  },
} as const;
const pageViewQuery = { type: 'object', properties: { comments: { type: 'string', maxLength: 10 }, done: { type: 'string', maxLength: 20 } } } as const;
const decisionSchema = {
  type: 'object',
  properties: { decision: { type: 'string', maxLength: 40 }, message: { type: 'string', maxLength: TEXT_MAX }, version: { type: 'string', pattern: '^[0-9]{1,9}$' } },
  required: ['version'],
} as const;
const reviewQuery = { type: 'object', properties: { done: { type: 'string', enum: [...DECISIONS] } } } as const;
const posting = { config: { rateLimit: POSTING_LIMIT } };
/**
 * What an anonymous reader sees on a myth page, and so what a change of invalidates it: 'campaign'
 * is the campaigns' generation (they list the campaigns resting on a myth, and import this feature).
 */
const MYTH_PAGE_SHOWS = [MYTH_KIND, 'campaign', PAGE_GENERATIONS.engagement, PAGE_GENERATIONS.account, PAGE_GENERATIONS.taxonomy];

function actionOf(body: unknown): SaveAction {
  const action = (body as { action?: string } | undefined)?.action;
  return SAVE_ACTIONS.find((candidate) => candidate === action) ?? 'draft';
}

function versionOf(body: unknown): number {
  return Number((body as { version?: string } | undefined)?.version ?? 0);
}

export function mythRoutes({ service, search, campaignsUsing }: { service: MythsService; search: MythSearch; campaignsUsing: (mythId: number) => Promise<{ slug: string; name: string; hashtag: string; language: string }[]> }) {
  return async function mythRoutesPlugin(app: FastifyInstance) {
    const taxonomy = taxonomyService(app.deps);
    const absolute = (path: string) => new URL(path, app.deps.config.baseUrl).href;

    async function renderForm(
      request: FastifyRequest,
      reply: FastifyReply,
      state: { action: string; values: MythFormValues; errors?: FieldErrors; version?: number; feedback?: string; conflict?: boolean; editing: boolean },
      statusCode = 200,
    ) {
      const topics = await taxonomy.list('topic');
      const title = request.t(state.editing ? 'myths.form.editTitle' : 'myths.form.newTitle');
      return reply.page(
        Object.keys(state.errors ?? {}).length > 0 ? `${request.t('common.errorPrefix')} ${title}` : title,
        (ctx) => <MythFormPage ctx={ctx} {...state} errors={state.errors ?? {}} topics={topics} />,
        statusCode,
      );
    }

    async function renderPage(request: FastifyRequest, reply: FastifyReply, slug: string, options: CommunityForms & { commentPage?: number; notice?: string } = {}) {
      const viewer = request.currentUser;
      const detail = await service.find(viewer, slug);
      const [engagement, campaigns] = await Promise.all([app.engagement.load(mythRef(detail.row), viewer, options.commentPage ?? 1), campaignsUsing(detail.row.id)]);
      const notice = [...COMMUNITY_NOTICES, ...SAVE_ACTIONS].find((candidate) => candidate === options.notice);
      if (notice || detail.row.status !== 'published') keepPrivate(reply);
      const urls = { page: absolute(`/${request.locale}${mythPath(slug)}`), site: absolute(`/${request.locale}/`), siteName: request.t('common.siteName') };
      return reply.page(
        detail.row.title,
        (ctx) => (
          <MythPageView
            ctx={ctx}
            detail={detail}
            engagement={engagement}
            campaigns={campaigns}
            forms={{ rating: options.rating ?? EMPTY_FORM, comment: options.comment ?? EMPTY_FORM }}
            notice={notice}
            canEdit={canEditMyth(viewer, detail.row)}
            urls={urls}
          />
        ),
        options.statusCode,
      );
    }

    app.get(MYTHS_PATH, { schema: { querystring: mythSearchSchema }, config: sharedPage([MYTH_KIND, PAGE_GENERATIONS.taxonomy]) }, async (request, reply) => {
      const raw = (request.query ?? {}) as RawQuery & { page?: string };
      const searchRequest = await search.requestOf(raw, parsePage(raw.page));
      const [outcome, topics] = await Promise.all([search.engine.search(searchRequest), taxonomy.list('topic')]);
      const outOfRange = searchRequest.page > outcome.pageCount;
      const title = searchRequest.q ? request.t('myths.list.titleWithQuery', { query: searchRequest.q }) : request.t('myths.list.title');
      return reply.page(title, (ctx) => <MythListPage ctx={ctx} outcome={outcome} topics={new Map(topics.map((term) => [term.code, term]))} outOfRange={outOfRange} />, outOfRange ? 404 : 200);
    });

    app.get(`${MYTHS_PATH}/new`, { preHandler: requireUser }, async (request, reply) => renderForm(request, reply, { action: MYTHS_PATH, values: EMPTY_MYTH_FORM, editing: false }));

    app.post(MYTHS_PATH, { ...posting, preHandler: requireUser, schema: { body: formSchema } }, async (request, reply) => {
      const values = readMythForm(request.body);
      try {
        const slug = await service.create(signedInUser(request), values, actionOf(request.body));
        return reply.seeOther(`${mythPath(slug)}?done=${actionOf(request.body)}`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderForm(request, reply, { action: MYTHS_PATH, values, errors: error.errors, editing: false }, 422);
      }
    });

    app.get(`${MYTHS_PATH}/mine`, { preHandler: requireUser }, async (request, reply) => {
      const myths = await service.mine(signedInUser(request));
      return reply.page(request.t('myths.mine.title'), (ctx) => <MyMythsPage ctx={ctx} myths={myths} />);
    });

    const personalParts = [personalRating(app.engagement), personaliser(mythEditPart, (_request, member, link) => ({ ...link, canEdit: canEditMyth(member, link.row) }))];

    app.get(`${MYTHS_PATH}/:slug`, { schema: { params: slugParams, querystring: pageViewQuery }, config: sharedPage(MYTH_PAGE_SHOWS, { personalise: personalParts }) }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const query = request.query as { comments?: string; done?: string };
      return renderPage(request, reply, slug, { commentPage: parsePage(query.comments), notice: query.done });
    });

    app.get(`${MYTHS_PATH}/:slug/edit`, { preHandler: requireUser, schema: { params: slugParams } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const detail = await service.find(signedInUser(request), slug);
      if (!canEditMyth(request.currentUser, detail.row)) return reply.seeOther(mythPath(slug));
      return renderForm(request, reply, {
        action: mythPath(slug),
        values: editValuesOf(detail),
        version: detail.row.version,
        feedback: detail.row.status === 'changes_requested' ? detail.row.decision_message : undefined,
        editing: true,
      });
    });

    app.post(`${MYTHS_PATH}/:slug`, { ...posting, preHandler: requireUser, schema: { params: slugParams, body: formSchema } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const values = readMythForm(request.body);
      const version = versionOf(request.body);
      const state = { action: mythPath(slug), values, version, editing: true };
      try {
        await service.update(signedInUser(request), slug, version, values, actionOf(request.body));
        return reply.seeOther(`${mythPath(slug)}?done=${actionOf(request.body)}`);
      } catch (error) {
        if (error instanceof ValidationError) return renderForm(request, reply, { ...state, errors: error.errors }, 422);
        if (error instanceof ConflictError) {
          const current = await service.find(signedInUser(request), slug);
          return renderForm(request, reply, { ...state, version: current.row.version, conflict: true }, 409);
        }
        throw error;
      }
    });

    await app.register(
      engagementRoutes({ kind: MYTH_KIND, basePath: MYTHS_PATH, engagement: app.engagement, renderItemPage: (request, reply, slug, forms) => renderPage(request, reply, slug, forms) }),
    );

    const editorsOnly = requireCapability('content.review');
    async function renderReview(request: FastifyRequest, reply: FastifyReply, slug: string, state: { values?: { decision: string; message: string }; errors?: FieldErrors; decided?: string }, statusCode = 200) {
      const detail = await service.find(signedInUser(request), slug);
      return reply.page(
        `${request.t('myths.review.title')} ${detail.row.title}`,
        (ctx) => <MythReviewPage ctx={ctx} detail={detail} values={state.values ?? { decision: '', message: '' }} errors={state.errors ?? {}} decided={state.decided} />,
        statusCode,
      );
    }

    app.get('/review/myths/:slug', { preHandler: editorsOnly, schema: { params: slugParams, querystring: reviewQuery } }, async (request, reply) =>
      renderReview(request, reply, (request.params as { slug: string }).slug, { decided: (request.query as { done?: string }).done }),
    );

    app.post('/review/myths/:slug/decision', { preHandler: editorsOnly, schema: { params: slugParams, body: decisionSchema } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const body = request.body as { decision?: string; message?: string };
      const values = { decision: body.decision ?? '', message: body.message ?? '' };
      try {
        const decision = await service.decide(signedInUser(request), slug, versionOf(request.body), values.decision, values.message);
        return reply.seeOther(`${mythReviewPath(slug)}?done=${decision}`);
      } catch (error) {
        if (error instanceof ValidationError) return renderReview(request, reply, slug, { values, errors: error.errors }, 422);
        if (error instanceof ConflictError) return renderReview(request, reply, slug, { values, errors: { decision: 'myths.errors.changedMeanwhile' } }, 409);
        throw error;
      }
    });
  };
}
