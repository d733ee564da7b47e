import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { countryName } from '../../lib/countries.ts';
import { ForbiddenError, ValidationError } from '../../platform/errors.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import { requireCapability, requireUser, signedInUser } from '../../platform/guards.ts';
import { PAGE_GENERATIONS, keepPrivate, sharedPage } from '../../platform/page-cache.ts';
import { POSTING_LIMIT } from '../../platform/rate-limit.ts';
import type { RawQuery } from '../../search/index.ts';
import { followPersonaliser } from '../follows/index.ts';
import { PRACTICE_FACETS, PRACTICE_KIND, practiceSearchQueryString } from '../practices/index.ts';
import { ALL_LAYER_GENERATIONS, MAP_LAYERS } from './layers.ts';
import type { CityProfileForm, WorldwideService } from './service.ts';
import { CityPage, CountryPage, KeepCityPage, KeeperRequestsPage, MapPage } from './views/pages.tsx';

const listParam = { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 50 } as const;
const mapQuery = {
  type: 'object',
  properties: { layer: { type: 'string', maxLength: 40 }, ...Object.fromEntries(PRACTICE_FACETS.map((facet) => [facet.param, listParam])) },
} as const;
const countryParams = { type: 'object', properties: { iso2: { type: 'string', minLength: 1, maxLength: 10 } }, required: ['iso2'] } as const;
const cityParams = { type: 'object', properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } }, required: ['slug'] } as const;
const doneQuery = { type: 'object', properties: { done: { type: 'string', maxLength: 20 } } } as const;
const text = { type: 'string', maxLength: 20_000 } as const;
const keepBody = { type: 'object', properties: { action: text, note: text, integrationOffice: text, contact: text, approach: text, links: text } } as const;
const decisionBody = { type: 'object', properties: { city: { type: 'string', pattern: '^[0-9]{1,9}$' }, member: { type: 'string', pattern: '^[0-9]{1,9}$' }, decision: text } } as const;
/** Place pages show practices, resources, listed members and city profiles. */
const PLACE_PAGE_SHOWS = [...ALL_LAYER_GENERATIONS, PAGE_GENERATIONS.taxonomy, PAGE_GENERATIONS.partnership];
const CITY_NOTICES = ['requested', 'saved'] as const;

function profileFormOf(body: unknown): CityProfileForm {
  const source = (body ?? {}) as Record<string, unknown>;
  const field = (name: string) => (typeof source[name] === 'string' ? source[name] : '');
  return { integrationOffice: field('integrationOffice'), contact: field('contact'), approach: field('approach'), links: field('links') };
}

/** The world map, country and city pages, and the keeping of city pages. */
export function worldwideRoutes(service: WorldwideService) {
  return async function worldwideRoutesPlugin(app: FastifyInstance) {
    app.get('/map', { schema: { querystring: mapQuery }, config: sharedPage(ALL_LAYER_GENERATIONS) }, async (request, reply) => {
      const view = await service.map(request.query as RawQuery & { layer?: string });
      if (view.ignored) keepPrivate(reply);
      const filterQuery = view.layer.filtered ? practiceSearchQueryString({ ...view.request, q: '', sortGiven: false }) : '';
      return reply.page(request.t('worldwide.map.title'), (ctx) => <MapPage ctx={ctx} view={view} layers={MAP_LAYERS.map((layer) => layer.name)} filterQuery={filterQuery} />);
    });

    app.get('/countries/:iso2', { schema: { params: countryParams }, config: sharedPage(PLACE_PAGE_SHOWS, { personalise: [followPersonaliser] }) }, async (request, reply) => {
      const { iso2 } = request.params as { iso2: string };
      const view = await service.country(iso2);
      return reply.page(countryName(view.country, request.locale), (ctx) => <CountryPage ctx={ctx} view={view} />);
    });

    app.get('/cities/:slug', { schema: { params: cityParams, querystring: doneQuery }, config: sharedPage([...PLACE_PAGE_SHOWS, PRACTICE_KIND], { personalise: [followPersonaliser] }) }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const { done } = request.query as { done?: string };
      const notice = CITY_NOTICES.find((candidate) => candidate === done);
      if (notice) keepPrivate(reply);
      const view = await service.city(slug, null);
      return reply.page(view.city.name, (ctx) => <CityPage ctx={ctx} view={view} notice={notice} />);
    });

    async function renderKeep(request: FastifyRequest, reply: FastifyReply, slug: string, failed?: { form?: CityProfileForm; errors: FieldErrors }) {
      const member = request.currentUser;
      const view = await service.city(slug, member);
      const form = failed?.form ?? (member && view.isKeeper ? (await service.profileForm(member, slug)).form : null);
      const title = request.t('worldwide.city.keepTitle', { city: view.city.name });
      return reply.page(failed ? `${request.t('common.errorPrefix')} ${title}` : title, (ctx) => <KeepCityPage ctx={ctx} view={view} form={form} errors={failed?.errors ?? {}} />, failed ? 422 : 200);
    }

    app.get('/cities/:slug/keep', { schema: { params: cityParams } }, async (request, reply) => renderKeep(request, reply, (request.params as { slug: string }).slug));

    app.post('/cities/:slug/keep', { preHandler: requireUser, schema: { params: cityParams, body: keepBody }, config: { rateLimit: POSTING_LIMIT } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const body = request.body as { action?: string; note?: string };
      const member = signedInUser(request);
      try {
        if (body.action === 'profile') {
          const form = profileFormOf(request.body);
          try {
            await service.saveProfile(member, slug, form);
          } catch (error) {
            if (error instanceof ValidationError) return renderKeep(request, reply, slug, { form, errors: error.errors });
            throw error;
          }
          return reply.seeOther(`/cities/${encodeURIComponent(slug)}?done=saved`);
        }
        await service.requestKeeping(member, slug, body.note ?? '');
      } catch (error) {
        if (error instanceof ValidationError) return renderKeep(request, reply, slug, { errors: error.errors });
        throw error;
      }
      return reply.seeOther(`/cities/${encodeURIComponent(slug)}?done=requested`);
    });

    app.get('/review/cities', { preHandler: requireCapability('content.review'), schema: { querystring: doneQuery } }, async (request, reply) => {
      const requests = await service.keeperRequests(signedInUser(request));
      return reply.page(request.t('worldwide.requests.title'), (ctx) => <KeeperRequestsPage ctx={ctx} requests={requests} done={(request.query as { done?: string }).done === '1'} />);
    });

    app.post('/review/cities', { preHandler: requireCapability('content.review'), schema: { body: decisionBody } }, async (request, reply) => {
      const body = request.body as { city?: string; member?: string; decision?: string };
      const actor = signedInUser(request);
      if (!body.city || !body.member) throw new ForbiddenError();
      await service.decideKeeping(actor, Number(body.city), Number(body.member), body.decision ?? '');
      return reply.seeOther('/review/cities?done=1');
    });
  };
}
