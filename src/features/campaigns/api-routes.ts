import type { FastifyInstance } from 'fastify';
import { ATOM_CONTENT_TYPE, atomXml } from '../../open-data/index.ts';
import { apiErrorSchema, slugParameter } from '../../platform/http/api.ts';
import { PAGE_GENERATIONS, sharedPage } from '../../platform/page-cache.ts';
import { parsePage } from '../../platform/pagination.ts';
import { CAMPAIGN_GENERATION, campaignPath } from './kind.ts';
import type { CampaignRow } from './queries.ts';
import type { CampaignsService } from './service.ts';

/** `/api/v1/campaigns…` and the campaigns' Atom feeds, registered at the root: public fields only, never a supporter's address. */

const SHOWS = sharedPage([CAMPAIGN_GENERATION, PAGE_GENERATIONS.taxonomy], { sameForEveryone: true });

const campaignSchema = {
  type: 'object',
  properties: {
    slug: { type: 'string' },
    url: { type: 'string' },
    api_url: { type: 'string' },
    name: { type: 'string' },
    hashtag: { type: 'string' },
    language: { type: 'string' },
    status: { type: 'string', enum: ['planned', 'running', 'ended'] },
    problem: { type: 'string' },
    audiences: { type: 'array', items: { type: 'string' } },
    countries: { type: 'array', items: { type: 'string' } },
    starts_on: { type: 'string', format: 'date' },
    ends_on: { type: 'string', format: 'date', nullable: true },
    budget: { type: 'number', nullable: true, description: 'Zero is a budget; null when not given' },
    budget_currency: { type: 'string' },
    supporters: { type: 'integer' },
  },
} as const;
const detailSchema = {
  ...campaignSchema,
  properties: {
    ...campaignSchema.properties,
    objectives: { type: 'string', description: 'Markdown' },
    deliverables: { type: 'string' },
    success_factors: { type: 'string' },
    results: { type: 'string' },
    recommendations: { type: 'string' },
    partners: { type: 'array', items: { type: 'object', properties: { kind: { type: 'string', enum: ['organisation', 'city'] }, slug: { type: 'string' }, name: { type: 'string' } } } },
    messages: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          audience: { type: 'string' },
          language: { type: 'string' },
          text: { type: 'string' },
          card_png: { type: 'string' },
          myths: { type: 'array', items: { type: 'string', description: 'API address of a myth it rests on' } },
        },
      },
    },
    milestones: { type: 'array', items: { type: 'object', properties: { due_on: { type: 'string', format: 'date' }, title: { type: 'string' }, done: { type: 'boolean' } } } },
    indicators: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          unit: { type: 'string' },
          baseline: { type: 'number' },
          target: { type: 'number' },
          values: { type: 'array', items: { type: 'object', properties: { on: { type: 'string', format: 'date' }, value: { type: 'number' } } } },
        },
      },
    },
  },
} as const;
const listQuery = {
  type: 'object',
  properties: Object.fromEntries(['status', 'country', 'audience', 'topic', 'page'].map((name) => [name, { type: 'string', maxLength: 100, ...(name === 'status' ? { description: 'planned, running or ended' } : {}) }])),
} as const;

export function campaignApiRoutes({ service }: { service: CampaignsService }) {
  return async function campaignApiRoutesPlugin(app: FastifyInstance) {
    const absolute = (path: string) => new URL(path, app.deps.config.baseUrl).href;

    function recordOf(row: CampaignRow, status: string) {
      return {
        slug: row.slug,
        url: absolute(`/en${campaignPath(row.slug)}`),
        api_url: absolute(`/api/v1/campaigns/${encodeURIComponent(row.slug)}`),
        name: row.name,
        hashtag: row.hashtag,
        language: row.language,
        status,
        problem: row.problem,
        audiences: row.audiences,
        countries: row.countries,
        starts_on: row.starts_on,
        ends_on: row.ends_on,
        budget: row.budget === null ? null : Number(row.budget),
        budget_currency: row.budget_currency,
        supporters: row.supporter_count,
      };
    }

    app.get(
      '/api/v1/campaigns',
      {
        config: SHOWS,
        schema: {
          tags: ['campaigns'],
          summary: 'Campaigns, newest first, with the filters of /{locale}/campaigns (status, country, audience, topic)',
          querystring: listQuery,
          response: {
            200: { type: 'object', properties: { total: { type: 'integer' }, page: { type: 'integer' }, page_count: { type: 'integer' }, items: { type: 'array', items: campaignSchema } } },
            400: apiErrorSchema,
          },
        },
      },
      async (request) => {
        const query = request.query as Record<string, string | undefined>;
        const result = await service.list(query, parsePage(query.page));
        return { total: result.total, page: result.page, page_count: result.pageCount, items: result.rows.map((item) => recordOf(item.row, item.status)) };
      },
    );

    app.get(
      '/api/v1/campaigns/:slug',
      { config: SHOWS, schema: { tags: ['campaigns'], summary: 'One campaign with its messages, partners, milestones and indicators', params: slugParameter, response: { 200: detailSchema, 404: apiErrorSchema } } },
      async (request) => {
        const detail = await service.find((request.params as { slug: string }).slug);
        const { row } = detail;
        return {
          ...recordOf(row, detail.status),
          objectives: row.objectives,
          deliverables: row.deliverables,
          success_factors: row.success_factors,
          results: row.results,
          recommendations: row.recommendations,
          partners: detail.partners.map((partner) => ({ kind: partner.kind, slug: partner.slug, name: partner.name })),
          messages: detail.messages.map((message) => ({
            audience: message.audience,
            language: message.language,
            text: message.body,
            card_png: absolute(`/en${campaignPath(row.slug)}/messages/${message.id}/card.png`),
            myths: message.myths.map((myth) => absolute(`/api/v1/myths/${encodeURIComponent(myth.slug)}`)),
          })),
          milestones: detail.milestones.map((milestone) => ({ due_on: milestone.due_on, title: milestone.title, done: milestone.done })),
          indicators: detail.indicators.map((indicator) => ({
            name: indicator.name,
            unit: indicator.unit,
            baseline: Number(indicator.baseline),
            target: Number(indicator.target),
            values: indicator.values.map((entry) => ({ on: entry.on, value: Number(entry.value) })),
          })),
        };
      },
    );

    app.get('/feeds/campaigns.atom', { config: SHOWS, schema: { tags: ['campaigns'], summary: 'Atom feed of the newest campaigns (the first page of the list)' } }, async (request, reply) => {
      const { t, locale } = request;
      const result = await service.list({}, 1);
      const xml = atomXml({
        selfUrl: absolute('/feeds/campaigns.atom'),
        alternateUrl: absolute(`/${locale}/campaigns`),
        title: t('campaigns.feed.title'),
        subtitle: t('campaigns.feed.subtitle'),
        authorName: t('common.siteName'),
        locale,
        entries: result.rows.map(({ row }) => ({
          url: absolute(`/${locale}${campaignPath(row.slug)}`),
          title: `${row.name} ${row.hashtag}`,
          language: row.language,
          published: new Date(`${row.starts_on}T00:00:00Z`),
          summary: row.problem,
          categories: row.audiences.map((audience) => ({ term: audience, label: t(`myths.audiences.${audience}`) })),
        })),
      });
      return reply.type(ATOM_CONTENT_TYPE).header('vary', 'Accept-Language').send(xml);
    });

    app.get(
      '/feeds/campaigns/:slug',
      { config: SHOWS, schema: { tags: ['campaigns'], summary: 'Atom feed of one campaign\'s updates', params: { type: 'object', properties: { slug: { type: 'string', pattern: '^[^/]{1,200}\\.atom$' } }, required: ['slug'] } } },
      async (request, reply) => {
        const { t, locale } = request;
        const detail = await service.find((request.params as { slug: string }).slug.replace(/\.atom$/, ''));
        const { row } = detail;
        const xml = atomXml({
          selfUrl: absolute(`/feeds/campaigns/${encodeURIComponent(row.slug)}.atom`),
          alternateUrl: absolute(`/${locale}${campaignPath(row.slug)}`),
          title: t('campaigns.feed.updatesTitle', { name: row.name }),
          subtitle: row.hashtag,
          authorName: t('common.siteName'),
          locale,
          entries: detail.updates.map((update) => ({
            url: absolute(`/${locale}${campaignPath(row.slug)}#update-${update.id}`),
            title: update.title,
            language: row.language,
            published: update.published_at,
            summary: update.body,
            categories: [],
          })),
        });
        return reply.type(ATOM_CONTENT_TYPE).header('vary', 'Accept-Language').send(xml);
      },
    );
  };
}
