import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../platform/errors.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import { requireUser, signedInUser } from '../../platform/guards.ts';
import { PAGE_GENERATIONS, keepPrivate, sharedPage } from '../../platform/page-cache.ts';
import { parsePage } from '../../platform/pagination.ts';
import { POSTING_LIMIT } from '../../platform/rate-limit.ts';
import { PRACTICE_KIND } from '../practices/index.ts';
import { RESOURCE_KIND } from '../resources/index.ts';
import { followPersonaliser } from '../follows/index.ts';
import { organisationsService } from '../organisations/index.ts';
import { taxonomyService } from '../taxonomies/index.ts';
import type { ProfileForm } from './profile.ts';
import { DIRECTORY_FILTERS, DIRECTORY_QUERY_MAX, type CommunityService, type DirectoryFilterParam } from './service.ts';
import { DirectoryPage } from './views/directory-page.tsx';
import { MemberPage } from './views/member-page.tsx';
import { ProfileSettingsPage } from './views/profile-settings-page.tsx';

export const PROFILE_SETTINGS_PATH = '/account/public-profile';

const TEXT_FIELDS = ['organisation', 'stakeholderType', 'jobTitle', 'country', 'city', 'bio', 'website', 'listed', 'timeZone', 'locale'] as const;
const LIST_FIELDS = ['expertise', 'languages', 'public'] as const;
const listParam = { type: 'array', items: { type: 'string', maxLength: 100 }, maxItems: 300 } as const;
const profileBody = {
  type: 'object',
  properties: {
    ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, { type: 'string', maxLength: 20_000 }])),
    ...Object.fromEntries(LIST_FIELDS.map((field) => [field, listParam])),
  },
} as const;
const savedQuery = { type: 'object', properties: { saved: { type: 'string', maxLength: 10 } } } as const;
const directoryQuery = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: DIRECTORY_QUERY_MAX * 4 },
    show: { type: 'string', maxLength: 20 },
    page: { type: 'string', maxLength: 12 },
    ...Object.fromEntries(DIRECTORY_FILTERS.map((param) => [param, { ...listParam, maxItems: 50 }])),
  },
} as const;
const handleParams = { type: 'object', properties: { handle: { type: 'string', minLength: 1, maxLength: 100 } }, required: ['handle'] } as const;

function profileFormOf(body: unknown): ProfileForm {
  const source = (body ?? {}) as Record<string, unknown>;
  const text = (field: string) => (typeof source[field] === 'string' ? source[field] : '');
  const list = (field: string) => (Array.isArray(source[field]) ? source[field].filter((value): value is string => typeof value === 'string') : []);
  return {
    organisation: text('organisation'),
    stakeholderType: text('stakeholderType'),
    jobTitle: text('jobTitle'),
    country: text('country'),
    city: text('city'),
    expertise: list('expertise'),
    languages: list('languages'),
    bio: text('bio'),
    website: text('website'),
    public: list('public'),
    listed: text('listed'),
    timeZone: text('timeZone'),
    locale: text('locale'),
  };
}

/** Profiles, the settings behind them and the directory, under every locale prefix. */
export function communityRoutes(service: CommunityService) {
  return async function communityRoutesPlugin(app: FastifyInstance) {
    const taxonomy = taxonomyService(app.deps);
    const organisationsList = organisationsService(app.deps, app.contentKinds);

    async function renderSettings(request: FastifyRequest, reply: FastifyReply, failed?: { form: ProfileForm; errors: FieldErrors }, saved = false) {
      const member = signedInUser(request);
      const { form, topics, cities } = failed ? { form: failed.form, ...(await service.choices()) } : await service.settings(member.id);
      const title = request.t('community.settings.title');
      return reply.page(
        failed ? `${request.t('common.errorPrefix')} ${title}` : title,
        (ctx) => <ProfileSettingsPage ctx={ctx} form={form} errors={failed?.errors ?? {}} topics={topics} cities={cities} saved={saved} />,
        failed ? 422 : 200,
      );
    }

    app.get(PROFILE_SETTINGS_PATH, { preHandler: requireUser, schema: { querystring: savedQuery } }, async (request, reply) => {
      const { saved } = request.query as { saved?: string };
      return renderSettings(request, reply, undefined, saved === '1');
    });

    app.post(PROFILE_SETTINGS_PATH, { preHandler: requireUser, schema: { body: profileBody }, config: { rateLimit: POSTING_LIMIT } }, async (request, reply) => {
      const form = profileFormOf(request.body);
      try {
        await service.saveSettings(signedInUser(request), form);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        return renderSettings(request, reply, { form, errors: error.errors });
      }
      // The preferred language may have changed: the confirmation is shown in it.
      return reply.redirect(`/${form.locale}${PROFILE_SETTINGS_PATH}?saved=1`, 303);
    });

    app.get('/community', { schema: { querystring: directoryQuery }, config: sharedPage([PAGE_GENERATIONS.member, PAGE_GENERATIONS.organisation, PAGE_GENERATIONS.taxonomy]) }, async (request, reply) => {
      const raw = request.query as { q?: string; page?: string; show?: string } & Partial<Record<DirectoryFilterParam, string[]>>;
      const query = await service.directoryQuery(raw);
      const page = parsePage(raw.page);
      const words = query.q.split(/\s+/).filter(Boolean).slice(0, 8);
      const [found, topics] = await Promise.all([
        raw.show === 'organisations'
          ? organisationsList.search({ words, stakeholderTypes: query.chosen.stakeholder, countries: query.chosen.country }, page).then((organisations) => ({ tab: 'organisations' as const, organisations }))
          : service.directory(query, page).then((members) => ({ tab: 'members' as const, members })),
        taxonomy.list('topic'),
      ]);
      if (query.ignored) keepPrivate(reply);
      return reply.page(request.t('community.directory.title'), (ctx) => <DirectoryPage ctx={ctx} query={query} found={found} topics={topics} />);
    });

    app.get(
      '/members/:handle',
      { schema: { params: handleParams }, config: sharedPage([PAGE_GENERATIONS.member, PRACTICE_KIND, RESOURCE_KIND, PAGE_GENERATIONS.taxonomy], { personalise: [followPersonaliser] }) },
      async (request, reply) => {
        const { handle } = request.params as { handle: string };
        const { id, profile, published } = await service.member(handle);
        return reply.page(profile.name, (ctx) => <MemberPage ctx={ctx} memberId={id} profile={profile} published={published} />);
      },
    );
  };
}
