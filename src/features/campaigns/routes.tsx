import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { COMMUNITY_NOTICES, engagementRoutes, personalRating, type CommunityForms } from '../../engagement/index.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { EMPTY_FORM } from '../../platform/forms.ts';
import { readForm, type FieldErrors } from '../../platform/forms.ts';
import { requireUser, signedInUser } from '../../platform/guards.ts';
import { keepPrivate, PAGE_GENERATIONS, sharedPage } from '../../platform/page-cache.ts';
import { parsePage } from '../../platform/pagination.ts';
import { personaliser } from '../../platform/personal-parts.tsx';
import { POSTING_LIMIT, SENSITIVE_FORM_LIMIT } from '../../platform/rate-limit.ts';
import { followPersonaliser } from '../follows/index.ts';
import { MYTH_KIND } from '../myths/index.ts';
import { taxonomyService } from '../taxonomies/index.ts';
import { cardPng, cardSvg } from './card.ts';
import { CAMPAIGN_GENERATION, CAMPAIGN_KIND, campaignPath, CAMPAIGNS_PATH, campaignRef } from './kind.ts';
import { CAMPAIGN_LIST_FIELDS, CAMPAIGN_TEXT_FIELDS, EMPTY_CAMPAIGN_FORM, list, readCampaignForm, type CampaignFormValues } from './model.ts';
import { campaignReportPdf } from './report-pdf.ts';
import type { CampaignDetail, CampaignsService } from './service.ts';
import { CAMPAIGN_NOTICES, CampaignPageView, memberControls } from './views/campaign-page.tsx';
import { CampaignFormPage, ManagePage, TokenActionPage, type ManageForms } from './views/form-pages.tsx';
import { CampaignListPage } from './views/list-page.tsx';
import { ReportPage } from './views/report-page.tsx';

/** The campaigns' pages under every locale prefix: list, page, share cards, support, report, and the managers' forms. */

const slugParams = { type: 'object', properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['slug'] } as const;
const messageParams = { type: 'object', properties: { slug: { type: 'string', minLength: 1, maxLength: 200 }, id: { type: 'string', pattern: '^[0-9]{1,9}$' } }, required: ['slug', 'id'] } as const;
const TEXT_MAX = 30_000;
const formSchema = {
  type: 'object',
  properties: {
    ...Object.fromEntries(CAMPAIGN_TEXT_FIELDS.map((name) => [name, { type: 'string', maxLength: TEXT_MAX }])),
    ...Object.fromEntries(CAMPAIGN_LIST_FIELDS.map((name) => [name, { type: 'array', maxItems: 300, items: { type: 'string', maxLength: 100 } }])),
    version: { type: 'string', pattern: '^[0-9]{1,9}$' },
  },
} as const;
const smallFormSchema = (fields: readonly string[], lists: readonly string[] = []) =>
  ({
    type: 'object',
    properties: {
      ...Object.fromEntries(fields.map((name) => [name, { type: 'string', maxLength: TEXT_MAX }])),
      ...Object.fromEntries(lists.map((name) => [name, { type: 'array', maxItems: 300, items: { type: 'string', maxLength: 300 } }])),
    },
  }) as const;
const listQuery = {
  type: 'object',
  properties: Object.fromEntries(['status', 'country', 'audience', 'topic', 'page'].map((name) => [name, { type: 'string', maxLength: 100 }])),
} as const;
const pageQuery = { type: 'object', properties: { done: { type: 'string', maxLength: 20 }, comments: { type: 'string', maxLength: 10 } } } as const;
const tokenQuery = { type: 'object', properties: { token: { type: 'string', maxLength: 200 } } } as const;
const posting = { config: { rateLimit: POSTING_LIMIT } };
/** A visitor's support sends a mail: held to the sensitive forms' pace. */
const mailing = { config: { rateLimit: SENSITIVE_FORM_LIMIT } };
const SHOWS = [CAMPAIGN_GENERATION, MYTH_KIND, PAGE_GENERATIONS.engagement, PAGE_GENERATIONS.taxonomy, PAGE_GENERATIONS.organisation, PAGE_GENERATIONS.account];
const CARD_CACHE_SECONDS = 300;

export function campaignRoutes({ service }: { service: CampaignsService }) {
  return async function campaignRoutesPlugin(app: FastifyInstance) {
    const taxonomy = taxonomyService(app.deps);
    const absolute = (path: string) => new URL(path, app.deps.config.baseUrl).href;
    const slugOf = (request: FastifyRequest) => (request.params as { slug: string }).slug;

    async function renderPage(
      request: FastifyRequest,
      reply: FastifyReply,
      detail: CampaignDetail,
      state: CommunityForms & { notice?: string; commentPage?: number; support?: { values: { email: string; name: string; showName: boolean }; errors: FieldErrors } } = {},
      statusCode = state.statusCode ?? 200,
    ) {
      const notice = [...CAMPAIGN_NOTICES, ...COMMUNITY_NOTICES].find((candidate) => candidate === state.notice);
      if (notice || state.support) keepPrivate(reply);
      const engagement = await app.engagement.load(campaignRef(detail.row), request.currentUser, state.commentPage ?? 1);
      const urls = { page: absolute(`/${request.locale}${campaignPath(detail.row.slug)}`), site: absolute(`/${request.locale}/`), siteName: request.t('common.siteName') };
      return reply.page(
        detail.row.name,
        (ctx) => (
          <CampaignPageView
            ctx={ctx}
            detail={detail}
            notice={notice}
            support={state.support ?? { values: { email: '', name: '', showName: false }, errors: {} }}
            engagement={engagement}
            forms={{ rating: state.rating ?? EMPTY_FORM, comment: state.comment ?? EMPTY_FORM }}
            urls={urls}
          />
        ),
        statusCode,
      );
    }

    async function renderForm(request: FastifyRequest, reply: FastifyReply, state: { action: string; values: CampaignFormValues; errors?: FieldErrors; version?: number; conflict?: boolean }, statusCode = 200) {
      const topics = await taxonomy.list('topic');
      const title = request.t(state.version === undefined ? 'campaigns.form.newTitle' : 'campaigns.form.editTitle');
      return reply.page(Object.keys(state.errors ?? {}).length > 0 ? `${request.t('common.errorPrefix')} ${title}` : title, (ctx) => <CampaignFormPage ctx={ctx} {...state} errors={state.errors ?? {}} topics={topics} />, statusCode);
    }

    async function renderManage(request: FastifyRequest, reply: FastifyReply, forms: ManageForms, statusCode = 200, done?: string) {
      const slug = slugOf(request);
      const detail = await service.find(slug);
      if (!(await service.isManager(request.currentUser, detail.row.id))) throw new ForbiddenError();
      const myths = await service.mythChoices();
      return reply.page(`${request.t('campaigns.manage.title')} ${detail.row.name}`, (ctx) => <ManagePage ctx={ctx} detail={detail} myths={myths} forms={forms} done={done} />, statusCode);
    }

    app.get(CAMPAIGNS_PATH, { schema: { querystring: listQuery }, config: sharedPage([CAMPAIGN_GENERATION, PAGE_GENERATIONS.taxonomy]) }, async (request, reply) => {
      const query = request.query as Record<string, string | undefined>;
      const [result, topics] = await Promise.all([service.list(query, parsePage(query.page)), taxonomy.list('topic')]);
      return reply.page(request.t('campaigns.list.title'), (ctx) => <CampaignListPage ctx={ctx} items={result.rows} total={result.total} page={result.page} pageCount={result.pageCount} filters={result.filters} topics={topics} />, result.page > result.pageCount ? 404 : 200);
    });

    app.get(`${CAMPAIGNS_PATH}/new`, { preHandler: requireUser }, async (request, reply) => renderForm(request, reply, { action: CAMPAIGNS_PATH, values: EMPTY_CAMPAIGN_FORM }));

    app.post(CAMPAIGNS_PATH, { ...posting, preHandler: requireUser, schema: { body: formSchema } }, async (request, reply) => {
      const values = readCampaignForm(request.body);
      try {
        const slug = await service.create(signedInUser(request), values);
        return reply.seeOther(`${campaignPath(slug)}?done=created`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderForm(request, reply, { action: CAMPAIGNS_PATH, values, errors: error.errors }, 422);
      }
    });

    const personalParts = [
      personalRating(app.engagement),
      followPersonaliser,
      personaliser(memberControls, async (_request, member, data) => {
        const [supports, manages] = await Promise.all([service.supports(member, data.id), service.isManager(member, data.id)]);
        return { ...data, supports, manages };
      }),
    ];

    app.get(`${CAMPAIGNS_PATH}/:slug`, { schema: { params: slugParams, querystring: pageQuery }, config: sharedPage(SHOWS, { personalise: personalParts }) }, async (request, reply) => {
      const query = request.query as { done?: string; comments?: string };
      return renderPage(request, reply, await service.find(slugOf(request)), { notice: query.done, commentPage: parsePage(query.comments) });
    });

    // Comments, ratings and reports on a campaign: the shared machinery, as on every item.
    await app.register(
      engagementRoutes({
        kind: CAMPAIGN_KIND,
        basePath: CAMPAIGNS_PATH,
        engagement: app.engagement,
        renderItemPage: async (request, reply, slug, forms) => renderPage(request, reply, await service.find(slug), forms),
      }),
    );

    app.get(`${CAMPAIGNS_PATH}/:slug/edit`, { preHandler: requireUser, schema: { params: slugParams } }, async (request, reply) => {
      const detail = await service.find(slugOf(request));
      if (!(await service.isManager(request.currentUser, detail.row.id))) return reply.seeOther(campaignPath(detail.row.slug));
      return renderForm(request, reply, { action: campaignPath(detail.row.slug), values: formValuesOf(detail), version: detail.row.version });
    });

    app.post(`${CAMPAIGNS_PATH}/:slug`, { ...posting, preHandler: requireUser, schema: { params: slugParams, body: formSchema } }, async (request, reply) => {
      const slug = slugOf(request);
      const values = readCampaignForm(request.body);
      const version = Number((request.body as { version?: string }).version ?? 0);
      try {
        await service.update(signedInUser(request), slug, version, values);
        return reply.seeOther(`${campaignPath(slug)}?done=saved`);
      } catch (error) {
        if (error instanceof ValidationError) return renderForm(request, reply, { action: campaignPath(slug), values, errors: error.errors, version }, 422);
        if (error instanceof ConflictError) return renderForm(request, reply, { action: campaignPath(slug), values, version: (await service.find(slug)).row.version, conflict: true }, 409);
        throw error;
      }
    });

    app.get(`${CAMPAIGNS_PATH}/:slug/manage`, { preHandler: requireUser, schema: { params: slugParams, querystring: pageQuery } }, async (request, reply) =>
      renderManage(request, reply, { values: {}, errors: {} }, 200, (request.query as { done?: string }).done),
    );

    /** One of the managers' small forms: the service checks it; errors come back on the manage page. */
    function managerForm(path: string, form: NonNullable<ManageForms['form']>, fields: readonly string[], lists: readonly string[], act: (request: FastifyRequest, values: Record<string, string>, listed: Record<string, string[]>) => Promise<void>) {
      app.post(`${CAMPAIGNS_PATH}/:slug/${path}`, { ...posting, preHandler: requireUser, schema: { params: slugParams, body: smallFormSchema(fields, lists) } }, async (request, reply) => {
        const values = readForm(request.body, fields);
        const listed = Object.fromEntries(lists.map((name) => [name, list((request.body as Record<string, unknown>)[name])]));
        try {
          await act(request, values, listed);
          return reply.seeOther(`${campaignPath(slugOf(request))}/manage?done=${form}`);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          return renderManage(request, reply, { form, values: { ...values, ...listed }, errors: error.errors }, 422);
        }
      });
    }

    managerForm('messages', 'message', ['audience', 'language', 'body'], ['myths'], (request, values, listed) =>
      service.addMessage(signedInUser(request), slugOf(request), { audience: values.audience ?? '', language: values.language ?? '', body: values.body ?? '', myths: listed.myths ?? [] }),
    );
    managerForm('indicators', 'indicator', ['name', 'unit', 'baseline', 'target'], [], (request, values) =>
      service.addIndicator(signedInUser(request), slugOf(request), { name: values.name ?? '', unit: values.unit ?? '', baseline: values.baseline ?? '', target: values.target ?? '' }),
    );
    managerForm('values', 'value', ['indicator', 'on', 'value'], [], (request, values) => service.recordValue(signedInUser(request), slugOf(request), { indicator: values.indicator ?? '', on: values.on ?? '', value: values.value ?? '' }));
    managerForm('milestones', 'milestone', ['title', 'dueOn', 'done'], [], (request, values) => service.addMilestone(signedInUser(request), slugOf(request), { title: values.title ?? '', dueOn: values.dueOn ?? '', done: values.done === 'yes' }));
    managerForm('updates', 'update', ['title', 'body'], [], (request, values) => service.postUpdate(signedInUser(request), slugOf(request), { title: values.title ?? '', body: values.body ?? '' }));
    managerForm('managers', 'manager', ['handle'], [], (request, values) => service.inviteManager(signedInUser(request), slugOf(request), values.handle ?? ''));

    app.post(`${CAMPAIGNS_PATH}/:slug/messages/:id/delete`, { ...posting, preHandler: requireUser, schema: { params: messageParams } }, async (request, reply) => {
      await service.removeMessage(signedInUser(request), slugOf(request), Number((request.params as { id: string }).id));
      return reply.seeOther(`${campaignPath(slugOf(request))}/manage?done=removed`);
    });

    // Share cards: the same for everyone, cached by browsers a few minutes and by us by generation.
    const cardRoute = (extension: 'svg' | 'png') =>
      app.get(`${CAMPAIGNS_PATH}/:slug/messages/:id/card.${extension}`, { schema: { params: messageParams }, config: sharedPage([CAMPAIGN_GENERATION], { sameForEveryone: true }) }, async (request, reply) => {
        const { row, message } = await service.message(slugOf(request), Number((request.params as { id: string }).id));
        const card = { message: message.body, campaignName: row.name, hashtag: row.hashtag, language: message.language };
        reply.header('cache-control', `public, max-age=${CARD_CACHE_SECONDS}`).header('content-disposition', `inline; filename="${row.slug}-${message.id}.${extension}"`);
        return extension === 'svg' ? reply.type('image/svg+xml; charset=utf-8').send(cardSvg(card)) : reply.type('image/png').send(cardPng(card));
      });
    cardRoute('svg');
    cardRoute('png');

    // Supporting: members with one click, visitors by a confirmed address.
    app.post(`${CAMPAIGNS_PATH}/:slug/support`, { ...posting, preHandler: requireUser, schema: { params: slugParams, body: smallFormSchema(['showName']) } }, async (request, reply) => {
      await service.support(signedInUser(request), slugOf(request), (request.body as { showName?: string }).showName === 'yes');
      return reply.seeOther(`${campaignPath(slugOf(request))}?done=supported`);
    });

    app.post(`${CAMPAIGNS_PATH}/:slug/support/withdraw`, { ...posting, schema: { params: slugParams, body: smallFormSchema(['token']) } }, async (request, reply) => {
      const token = (request.body as { token?: string }).token;
      if (token !== undefined) {
        const withdrawn = await service.withdrawByToken(slugOf(request), token);
        return reply.seeOther(`${campaignPath(slugOf(request))}?done=${withdrawn ? 'withdrawn' : 'linkUsed'}`);
      }
      const member = request.currentUser;
      if (!member) throw new ForbiddenError();
      await service.withdraw(member, slugOf(request));
      return reply.seeOther(`${campaignPath(slugOf(request))}?done=withdrawn`);
    });

    app.post(`${CAMPAIGNS_PATH}/:slug/support/email`, { ...mailing, schema: { params: slugParams, body: smallFormSchema(['email', 'name', 'showName']) } }, async (request, reply) => {
      const body = readForm(request.body, ['email', 'name', 'showName'] as const);
      const values = { email: body.email, name: body.name, showName: body.showName === 'yes' };
      try {
        await service.supportByEmail(slugOf(request), values, request.locale);
        return reply.seeOther(`${campaignPath(slugOf(request))}?done=emailSent`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderPage(request, reply, await service.find(slugOf(request)), { support: { values, errors: error.errors } }, 422);
      }
    });

    // A mailed link opens a page with one button: following the link changes nothing.
    const tokenPage = (kind: 'confirm' | 'withdraw') =>
      app.get(`${CAMPAIGNS_PATH}/:slug/support/${kind}`, { schema: { params: slugParams, querystring: tokenQuery } }, async (request, reply) => {
        const detail = await service.find(slugOf(request));
        keepPrivate(reply);
        reply.header('x-robots-tag', 'noindex');
        return reply.page(request.t(`campaigns.token.${kind}Title`, { name: detail.row.name }), (ctx) => (
          <TokenActionPage
            ctx={ctx}
            action={`${campaignPath(detail.row.slug)}/support/${kind}`}
            token={(request.query as { token?: string }).token ?? ''}
            title={ctx.t(`campaigns.token.${kind}Title`, { name: detail.row.name })}
            body={ctx.t(`campaigns.token.${kind}Body`)}
            button={ctx.t(`campaigns.token.${kind}Button`)}
          />
        ));
      });
    tokenPage('confirm');
    tokenPage('withdraw');

    app.post(`${CAMPAIGNS_PATH}/:slug/support/confirm`, { ...posting, schema: { params: slugParams, body: smallFormSchema(['token']) } }, async (request, reply) => {
      const confirmed = await service.confirmSupport(slugOf(request), (request.body as { token?: string }).token ?? '', request.locale);
      return reply.seeOther(`${campaignPath(slugOf(request))}?done=${confirmed ? 'confirmed' : 'linkUsed'}`);
    });

    app.get(`${CAMPAIGNS_PATH}/:slug/report`, { schema: { params: slugParams }, config: sharedPage(SHOWS) }, async (request, reply) => {
      const detail = await service.find(slugOf(request));
      return reply.page(request.t('campaigns.report.title', { name: detail.row.name }), (ctx) => <ReportPage ctx={ctx} detail={detail} />);
    });

    app.get(`${CAMPAIGNS_PATH}/:slug/report.pdf`, { schema: { params: slugParams }, config: sharedPage(SHOWS, { sameForEveryone: true }) }, async (request, reply) => {
      const detail = await service.find(slugOf(request));
      const pdf = await campaignReportPdf(detail, request.locale, absolute(`/${request.locale}${campaignPath(detail.row.slug)}`));
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${detail.row.slug}-report.pdf"`).send(pdf);
    });
  };
}

function formValuesOf(detail: CampaignDetail): CampaignFormValues {
  const { row } = detail;
  return {
    name: row.name,
    hashtag: row.hashtag,
    language: row.language,
    problem: row.problem,
    objectives: row.objectives,
    audiences: row.audiences,
    countries: row.countries,
    topics: detail.terms.map((term) => term.code),
    startsOn: row.starts_on,
    endsOn: row.ends_on ?? '',
    budget: row.budget === null ? '' : String(Number(row.budget)),
    budgetCurrency: row.budget_currency,
    budgetNote: row.budget_note,
    deliverables: row.deliverables,
    successFactors: row.success_factors,
    results: row.results,
    recommendations: row.recommendations,
    organisations: detail.partners.filter((partner) => partner.kind === 'organisation').map((partner) => partner.slug).join('\n'),
    cities: detail.partners.filter((partner) => partner.kind === 'city').map((partner) => partner.slug).join('\n'),
  };
}
