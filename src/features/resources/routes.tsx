import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { COMMUNITY_NOTICES, engagementRoutes, personalRating, type CommunityForms } from '../../engagement/index.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { ATTACHMENT_REMOVAL_INVALID, EMPTY_FORM, parseRecordIds, type FieldErrors } from '../../platform/forms.ts';
import { requireCapability, requireUser, signedInUser } from '../../platform/guards.ts';
import { PAGE_GENERATIONS, keepPrivate, sharedPage } from '../../platform/page-cache.ts';
import { parsePage } from '../../platform/pagination.ts';
import { personaliser } from '../../platform/personal-parts.tsx';
import { followPersonaliser } from '../follows/index.ts';
import { POSTING_LIMIT } from '../../platform/rate-limit.ts';
import { acceptUploads, ATTACHMENT_PARAMS, prepareAttachments, sendAttachment, uploadsOf } from '../../platform/uploads/index.ts';
import { QUERY_PARAM_MAX, type RawQuery } from '../../search/index.ts';
import { PRACTICE_KIND } from '../practices/index.ts';
import { taxonomyService } from '../taxonomies/index.ts';
import { RESOURCE_KIND, RESOURCES_PATH, resourceRef, resourceReviewPath } from './kind.ts';
import { DECISIONS, editsNeedReview, PENDING_NOTICES, pendingChangeRoutes, type PendingChange, type PendingReviewState } from '../../editorial/index.ts';
import { EMPTY_RESOURCE_FORM, formValuesOf, readResourceForm, type ResourceFormValues } from './model.ts';
import type { ResourceSearch } from './search.ts';
import { resourceFacets } from './search.ts';
import { canEditResource, SAVE_ACTIONS, type ResourceDetail, type ResourceFiles, type ResourceService, type SaveAction } from './service.ts';
import { BrokenLinksPage, MyResourcesPage, ResourceReviewPage } from './views/editor-pages.tsx';
import { ResourceFormPage } from './views/form-page.tsx';
import { ResourceHistoryPage } from './views/history-page.tsx';
import { ResourceListPage } from './views/list-page.tsx';
import { resourceEditPart, ResourcePageView } from './views/resource-page.tsx';

/** The resources library's pages, under every locale prefix, and the editors' review of one resource. */

const listParam = { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 50 } as const;
const slugParams = { type: 'object', properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['slug'] } as const;
const pageQuery = { type: 'object', properties: { page: { type: 'string', maxLength: 12 } } } as const;
const TEXT_MAX = 60_000;
const formSchema = {
  type: 'object',
  properties: {
    ...Object.fromEntries(['type', 'title', 'summary', 'body', 'url', 'publisher', 'year', 'language', 'relatedPractices'].map((name) => [name, { type: 'string', maxLength: TEXT_MAX }])),
    ...Object.fromEntries(['countries', 'topics', 'targetGroups', 'removeAttachment'].map((name) => [name, { type: 'array', maxItems: 300, items: { type: 'string', maxLength: 100 } }])),
    action: { type: 'string', enum: SAVE_ACTIONS },
    version: { type: 'string', pattern: '^[0-9]{1,9}$' },
    pendingVersion: { type: 'string', pattern: '^[0-9]{1,9}$' },
  },
} as const;
export const resourceSearchSchema = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: QUERY_PARAM_MAX },
    page: { type: 'string', maxLength: 12 },
    sort: { type: 'string', maxLength: 20 },
    ...Object.fromEntries(resourceFacets.params.map((param) => [param, listParam])),
  },
} as const;
const pageViewQuery = { type: 'object', properties: { comments: { type: 'string', maxLength: 10 }, done: { type: 'string', maxLength: 20 } } } as const;
const decisionSchema = {
  type: 'object',
  properties: { decision: { type: 'string', maxLength: 40 }, message: { type: 'string', maxLength: TEXT_MAX }, version: { type: 'string', pattern: '^[0-9]{1,9}$' } },
  required: ['version'],
} as const;
const posting = { config: { rateLimit: POSTING_LIMIT } };
/** What an anonymous reader sees on a resource page (its related practices too), and so what a change of invalidates it. */
const RESOURCE_PAGE_SHOWS = [RESOURCE_KIND, PRACTICE_KIND, PAGE_GENERATIONS.engagement, PAGE_GENERATIONS.account, PAGE_GENERATIONS.taxonomy];

function actionOf(body: unknown): SaveAction {
  const action = (body as { action?: string } | undefined)?.action;
  return SAVE_ACTIONS.find((candidate) => candidate === action) ?? 'draft';
}

function versionOf(body: unknown): number {
  return Number((body as { version?: string } | undefined)?.version ?? 0);
}

function pendingVersionOf(body: unknown): number {
  return Number((body as { pendingVersion?: string } | undefined)?.pendingVersion ?? 0);
}

/** What a resource page may confirm after a redirect, besides community posts and saves. */
const CHANGE_NOTICES = ['pending', 'withdrawn'] as const;

/** The attachments ticked for removal; undefined when an id is not one a form of ours sends. */
function removeIdsOf(body: unknown): number[] | undefined {
  return parseRecordIds((body as { removeAttachment?: string[] } | undefined)?.removeAttachment ?? []);
}

export function resourceRoutes({ service, search }: { service: ResourceService; search: ResourceSearch }) {
  return async function resourceRoutesPlugin(app: FastifyInstance) {
    const taxonomy = taxonomyService(app.deps);
    // Signed-out posts are turned away before their files are read.
    const formPost = { ...posting, ...(await acceptUploads(app)) };
    const absolute = (path: string) => new URL(path, app.deps.config.baseUrl).href;

    async function renderForm(
      request: FastifyRequest,
      reply: FastifyReply,
      state: {
        action: string;
        values: ResourceFormValues;
        errors?: FieldErrors;
        version?: number;
        feedback?: string;
        conflict?: boolean;
        editing: boolean;
        attachments?: ResourceDetail['attachments'];
        removeIds?: readonly number[];
        /** Editing a published resource: the edit goes to the editors unless it is a correction they allowed. */
        published?: boolean;
        pending?: PendingChange<unknown>;
        pendingVersion?: number;
      },
      statusCode = 200,
    ) {
      const terms = await taxonomy.all();
      const title = request.t(state.editing ? 'resources.form.editTitle' : 'resources.form.newTitle');
      return reply.page(
        // A screen reader hears the error first (GOV.UK pattern).
        Object.keys(state.errors ?? {}).length > 0 ? `${request.t('common.errorPrefix')} ${title}` : title,
        (ctx) => <ResourceFormPage ctx={ctx} {...state} errors={state.errors ?? {}} taxonomy={terms} attachments={state.attachments ?? []} removeIds={state.removeIds ?? []} />,
        statusCode,
      );
    }

    async function renderPage(request: FastifyRequest, reply: FastifyReply, slug: string, options: CommunityForms & { commentPage?: number; notice?: string } = {}) {
      const viewer = request.currentUser;
      const detail = await service.find(viewer, slug);
      const [engagement, neighbours] = await Promise.all([
        app.engagement.load(resourceRef(detail.row), viewer, options.commentPage ?? 1),
        detail.row.status === 'published' ? service.neighbours(detail.row.id) : Promise.resolve({ previous: undefined, next: undefined }),
      ]);
      const notice = [...COMMUNITY_NOTICES, ...SAVE_ACTIONS, ...CHANGE_NOTICES].find((candidate) => candidate === options.notice);
      // A notice confirms what this visitor just did; a draft's changes move no generation.
      if (notice || detail.row.status !== 'published') keepPrivate(reply);
      const urls = { page: absolute(`/${request.locale}${RESOURCES_PATH}/${encodeURIComponent(slug)}`), site: absolute(`/${request.locale}/`), siteName: request.t('common.siteName') };
      return reply.page(
        detail.row.title,
        (ctx) => (
          <ResourcePageView
            ctx={ctx}
            detail={detail}
            engagement={engagement}
            neighbours={neighbours}
            forms={{ rating: options.rating ?? EMPTY_FORM, comment: options.comment ?? EMPTY_FORM }}
            notice={notice}
            canEdit={canEditResource(viewer, detail.row)}
            urls={urls}
          />
        ),
        options.statusCode,
      );
    }

    app.get(RESOURCES_PATH, { schema: { querystring: resourceSearchSchema }, config: sharedPage([RESOURCE_KIND, PAGE_GENERATIONS.taxonomy]) }, async (request, reply) => {
      const raw = (request.query ?? {}) as RawQuery & { page?: string };
      const searchRequest = await search.requestOf(raw, parsePage(raw.page));
      const [outcome, terms] = await Promise.all([search.engine.search(searchRequest), taxonomy.all()]);
      const termsByKey = new Map([...terms.values()].flat().map((term) => [`${term.vocabulary}:${term.code}`, term]));
      const outOfRange = searchRequest.page > outcome.pageCount;
      const title = searchRequest.q ? request.t('resources.list.titleWithQuery', { query: searchRequest.q }) : request.t('resources.list.title');
      return reply.page(title, (ctx) => <ResourceListPage ctx={ctx} outcome={outcome} termsByKey={termsByKey} outOfRange={outOfRange} />, outOfRange ? 404 : 200);
    });

    app.get(`${RESOURCES_PATH}/new`, { preHandler: requireUser }, async (request, reply) =>
      renderForm(request, reply, { action: RESOURCES_PATH, values: EMPTY_RESOURCE_FORM, editing: false }),
    );

    /**
     * The files of a form post, checked and stripped; when one is refused, the form comes back
     * with every other problem too and nothing is saved.
     */
    async function filesOf(request: FastifyRequest, values: ResourceFormValues, keptFiles: number): Promise<ResourceFiles> {
      const uploads = uploadsOf(request);
      const prepared = await prepareAttachments(uploads.files);
      const fileProblem = uploads.problem ?? prepared.error;
      const removeIds = removeIdsOf(request.body);
      if (fileProblem || removeIds === undefined) {
        throw new ValidationError({
          ...(await service.problems(values, keptFiles > 0)),
          ...(removeIds === undefined ? { removeAttachment: ATTACHMENT_REMOVAL_INVALID } : {}),
          ...(fileProblem ? { attachments: fileProblem } : {}),
        });
      }
      return { attachments: prepared.attachments, removeIds };
    }

    app.post(RESOURCES_PATH, { ...formPost, schema: { body: formSchema } }, async (request, reply) => {
      const values = readResourceForm(request.body);
      try {
        const sent = await filesOf(request, values, 0);
        const slug = await service.create(signedInUser(request), values, actionOf(request.body), {}, sent);
        return reply.seeOther(`${RESOURCES_PATH}/${encodeURIComponent(slug)}?done=${actionOf(request.body)}`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderForm(request, reply, { action: RESOURCES_PATH, values, errors: error.errors, editing: false }, 422);
      }
    });

    app.get(`${RESOURCES_PATH}/mine`, { preHandler: requireUser, schema: { querystring: pageQuery } }, async (request, reply) => {
      const list = await service.mine(signedInUser(request), parsePage((request.query as { page?: string }).page));
      return reply.page(request.t('resources.mine.title'), (ctx) => <MyResourcesPage ctx={ctx} list={list} />);
    });

    app.get(`${RESOURCES_PATH}/links`, { preHandler: requireCapability('content.curate'), schema: { querystring: pageQuery } }, async (request, reply) => {
      const list = await service.brokenLinks(signedInUser(request), parsePage((request.query as { page?: string }).page));
      return reply.page(request.t('resources.links.title'), (ctx) => <BrokenLinksPage ctx={ctx} list={list} />);
    });

    // Kept per audience for members too: their rating and their edit link are filled in per request.
    const personalParts = [
      personalRating(app.engagement),
      followPersonaliser,
      personaliser(resourceEditPart, (_request, member, link) => ({ ...link, canEdit: canEditResource(member, link.row) })),
    ];

    app.get(`${RESOURCES_PATH}/:slug`, { schema: { params: slugParams, querystring: pageViewQuery }, config: sharedPage(RESOURCE_PAGE_SHOWS, { personalise: personalParts }) }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const query = request.query as { comments?: string; done?: string };
      return renderPage(request, reply, slug, { commentPage: parsePage(query.comments), notice: query.done });
    });

    app.get(`${RESOURCES_PATH}/:slug/history`, { schema: { params: slugParams, querystring: pageQuery } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const { detail, revisions } = await service.history(request.currentUser, slug, parsePage((request.query as { page?: string }).page));
      return reply.page(`${request.t('resources.history.title')} ${detail.row.title}`, (ctx) => (
        <ResourceHistoryPage ctx={ctx} slug={slug} title={detail.row.title} language={detail.row.language} revisions={revisions} />
      ));
    });

    /**
     * An author whose change to the published resource waits (or came back) edits that change,
     * not the published version; editors always edit the published version.
     */
    async function editedChange(request: FastifyRequest, detail: ResourceDetail) {
      const user = signedInUser(request);
      if (detail.row.status !== 'published' || !editsNeedReview(user)) return { published: false, change: undefined };
      return { published: true, change: (await service.pendingOf(detail.row.id)).change };
    }

    app.get(`${RESOURCES_PATH}/:slug/edit`, { preHandler: requireUser, schema: { params: slugParams } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const detail = await service.find(signedInUser(request), slug);
      if (!canEditResource(request.currentUser, detail.row)) return reply.seeOther(`${RESOURCES_PATH}/${encodeURIComponent(slug)}`);
      const { published, change } = await editedChange(request, detail);
      return renderForm(request, reply, {
        action: `${RESOURCES_PATH}/${encodeURIComponent(slug)}`,
        values: formValuesOf(change?.record ?? detail.input),
        version: detail.row.version,
        published,
        pending: change,
        pendingVersion: change?.version ?? 0,
        feedback: detail.row.status === 'changes_requested' ? detail.row.decision_message : undefined,
        editing: true,
        attachments: detail.attachments,
      });
    });

    app.post(`${RESOURCES_PATH}/:slug`, { ...formPost, schema: { params: slugParams, body: formSchema } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const values = readResourceForm(request.body);
      const version = versionOf(request.body);
      const pendingVersion = pendingVersionOf(request.body);
      const detail = await service.find(signedInUser(request), slug);
      const { attachments } = detail;
      const { published, change } = await editedChange(request, detail);
      const removeIds = removeIdsOf(request.body) ?? [];
      const state = { action: `${RESOURCES_PATH}/${encodeURIComponent(slug)}`, values, version, editing: true, attachments, removeIds, published, pending: change, pendingVersion };
      try {
        const sent = await filesOf(request, values, attachments.filter((file) => !removeIds.includes(file.id)).length);
        const saved = await service.update(signedInUser(request), slug, version, values, actionOf(request.body), sent, pendingVersion);
        return reply.seeOther(`${RESOURCES_PATH}/${encodeURIComponent(slug)}?done=${saved.pending ? 'pending' : actionOf(request.body)}`);
      } catch (error) {
        if (error instanceof ValidationError) return renderForm(request, reply, { ...state, errors: error.errors }, 422);
        // Changed by someone else meanwhile: the form comes back with the member's text and the new versions.
        if (error instanceof ConflictError) {
          const current = await service.find(signedInUser(request), slug);
          const { change: currentChange } = await editedChange(request, current);
          return renderForm(request, reply, { ...state, version: current.row.version, pending: currentChange, pendingVersion: currentChange?.version ?? 0, conflict: true }, 409);
        }
        throw error;
      }
    });

    app.get(`${RESOURCES_PATH}/:slug/attachments/:id`, { schema: { params: ATTACHMENT_PARAMS } }, async (request, reply) => {
      const { slug, id } = request.params as { slug: string; id: string };
      const file = await service.attachment(request.currentUser, slug, Number(id));
      return sendAttachment(reply, file, file.isPublic);
    });

    await app.register(
      engagementRoutes({
        kind: RESOURCE_KIND,
        basePath: RESOURCES_PATH,
        engagement: app.engagement,
        renderItemPage: (request, reply, slug, forms) => renderPage(request, reply, slug, forms),
      }),
    );

    // The editors' side: one submission with the decision form (the queue itself is shared).
    const editorsOnly = requireCapability('content.review');
    const renderReview = async (
      request: FastifyRequest,
      reply: FastifyReply,
      slug: string,
      state: { values?: { decision: string; message: string }; errors?: FieldErrors; decided?: string; pending?: PendingReviewState },
      statusCode = 200,
    ) => {
      const detail = await service.find(signedInUser(request), slug);
      const { change, smallCorrections } = await service.pendingOf(detail.row.id);
      return reply.page(
        `${request.t('resources.review.title')} ${detail.row.title}`,
        (ctx) => (
          <ResourceReviewPage
            ctx={ctx}
            detail={detail}
            values={state.values ?? { decision: '', message: '' }}
            errors={state.errors ?? {}}
            decided={state.decided}
            pending={change}
            pendingState={state.pending ?? {}}
            smallCorrections={smallCorrections}
          />
        ),
        statusCode,
      );
    };

    await app.register(
      pendingChangeRoutes({
        pending: service.pending,
        reviewRoute: '/review/resources/:slug',
        itemRoute: `${RESOURCES_PATH}/:slug`,
        reviewPath: resourceReviewPath,
        afterWithdraw: (slug) => `${RESOURCES_PATH}/${encodeURIComponent(slug)}?done=withdrawn`,
        renderReview: (request, reply, slug, pending, statusCode) => renderReview(request, reply, slug, { pending }, statusCode),
      }),
    );

    const reviewQuery = { type: 'object', properties: { done: { type: 'string', enum: [...DECISIONS, ...PENDING_NOTICES] } } } as const;
    app.get('/review/resources/:slug', { preHandler: editorsOnly, schema: { params: slugParams, querystring: reviewQuery } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      return renderReview(request, reply, slug, { decided: (request.query as { done?: string }).done });
    });

    app.post('/review/resources/:slug/decision', { preHandler: editorsOnly, schema: { params: slugParams, body: decisionSchema } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const body = request.body as { decision?: string; message?: string };
      const values = { decision: body.decision ?? '', message: body.message ?? '' };
      try {
        const decision = await service.decide(signedInUser(request), slug, versionOf(request.body), values.decision, values.message);
        return reply.seeOther(`/review/resources/${encodeURIComponent(slug)}?done=${decision}`);
      } catch (error) {
        if (error instanceof ValidationError) return renderReview(request, reply, slug, { values, errors: error.errors }, 422);
        if (error instanceof ConflictError) return renderReview(request, reply, slug, { values, errors: { decision: 'resources.errors.changedMeanwhile' } }, 409);
        throw error;
      }
    });
  };
}
