import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import { accounts, staffTwoFactorGate } from './features/accounts/index.ts';
import { admin } from './features/admin/index.ts';
import { health } from './features/health/index.ts';
import { home } from './features/home/index.ts';
import { practices, practiceSearch, practicesMachineAccess } from './features/practices/index.ts';
import { resources, resourceSearch, resourcesMachineAccess } from './features/resources/index.ts';
import { community } from './features/community/index.ts';
import { follows } from './features/follows/index.ts';
import { worldwide } from './features/worldwide/index.ts';
import { organisations } from './features/organisations/index.ts';
import { conversationSubjects, messages } from './features/messages/index.ts';
import { partnerships } from './features/partnerships/index.ts';
import { events, eventsMachineAccess } from './features/events/index.ts';
import { myths, mythSearch, mythsMachineAccess } from './features/myths/index.ts';
import { campaigns, campaignsMachineAccess, campaignsUsingMyth } from './features/campaigns/index.ts';
import { labs } from './features/labs/index.ts';
import { consultationSubjects, discuss, discussMachineAccess, discussServices } from './features/discuss/index.ts';
import { allContentKinds } from './content-kinds.ts';
import { engagementService, MODERATION_PATH, moderationRoutes, moderationService } from './engagement/index.ts';
import { reviewQueue, reviewQueueRoutes } from './editorial/index.ts';
import { CONTENT_LANGUAGES } from './lib/languages.ts';
import { databaseChanges } from './platform/database-changes.ts';
import { answerFrameworkError, errorHandling } from './platform/error-handler.tsx';
import { inputChecks, parseUrlEncoded } from './platform/input.ts';
import { LOCALES, negotiateLocale } from './platform/i18n.ts';
import { localeResolution } from './platform/locale.ts';
import type { AppDeps } from './platform/deps.ts';
import { rateLimits } from './platform/rate-limit.ts';
import { PUBLIC_DIR, rendering, viewContext } from './platform/render.tsx';
import { sessions } from './platform/sessions.ts';
import { openApi } from './platform/http/openapi.tsx';
import { pageCache } from './platform/page-cache.ts';
import { personalData } from './personal-data.ts';

// Form posts are small; uploads (multipart) set their own, larger limit where they are taken.
const BODY_LIMIT_BYTES = 64 * 1024;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildApp(
  deps: AppDeps,
  options: {
    logger?: FastifyServerOptions['logger'];
    /** Told of every route as it is added: how tests cover every route, including tomorrow's. */
    onRoute?: (route: RouteOptions) => void;
  } = {},
): Promise<FastifyInstance> {
  const { config, db } = deps;
  const secure = config.baseUrl.protocol === 'https:';
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    // Let in-flight requests finish on shutdown, but do not wait for idle keep-alive sockets.
    forceCloseConnections: 'idle',
    // Query strings are parsed as strictly as form posts, so the input checks see broken escapes.
    routerOptions: { ignoreTrailingSlash: true, querystringParser: parseUrlEncoded },
    // A path with broken percent-encoding, refused before routing: a translated 400 page.
    frameworkErrors: answerFrameworkError,
  });
  const { onRoute } = options;
  if (onRoute) app.addHook('onRoute', (route) => onRoute(route));
  app.decorate('deps', deps);
  // Shared machinery, built once for every locale's pages and every kind of content.
  const kinds = allContentKinds();
  const resourcesSearch = resourceSearch(db);
  const mythsSearch = mythSearch(db);
  const practicesSearch = practiceSearch({ db });
  const engagement = engagementService({ db, kinds });
  app.decorate('contentKinds', kinds);
  app.decorate('personalData', personalData);
  app.decorate('engagement', engagement);
  app.decorate('moderation', moderationService({ db, kinds, engagement }));
  const discussion = discussServices(deps, engagement);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie, { secret: config.sessionSecret });
  // Every text input is checked here, before validation, guards and handlers (and the form parser).
  await app.register(inputChecks);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'bridges_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true },
  });
  // The body is parsed by preHandler time, so the token in the form field can be read there.
  app.addHook('preHandler', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    // A route that acts on a signed token in its address and on no session (one-click unsubscribe).
    if (request.routeOptions.config.withoutCsrf) return done();
    app.csrfProtection(request, reply, done);
  });

  await app.register(localeResolution);
  await app.register(databaseChanges, { db });
  await app.register(sessions, { db, secureCookies: secure });
  // After the session is known and the cookie plugin's hooks (an answer that sets a cookie is never
  // shared); compression, added to each route, runs after it on what it keeps.
  await app.register(pageCache, { viewContext });
  await app.register(staffTwoFactorGate);
  await app.register(rendering);
  await app.register(rateLimits, { db });
  await app.register(errorHandling);
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/static/',
    maxAge: '365d',
    immutable: true,
  });

  await app.register(health);
  await app.register(openApi, {
    tags: [
      { name: 'practices', description: 'Good practices for migrant integration' },
      { name: 'resources', description: 'News, research, tools and guidelines' },
      { name: 'events', description: 'Workshops, roundtables, launches and their calendar files' },
      { name: 'discuss', description: 'Forums, dialogues and consultations: published posts and comments only' },
      { name: 'campaigns', description: 'Myths and the facts that answer them, and campaigns against xenophobia' },
    ],
  });
  await app.register(practicesMachineAccess(practicesSearch));
  await app.register(resourcesMachineAccess(resourcesSearch));
  await app.register(eventsMachineAccess);
  await app.register(discussMachineAccess(discussion));
  await app.register(mythsMachineAccess(mythsSearch));
  await app.register(campaignsMachineAccess);
  app.get('/', async (request, reply) => {
    reply.header('vary', 'Accept-Language');
    return reply.redirect(`/${negotiateLocale(request.headers['accept-language'])}/`, 302);
  });
  for (const locale of LOCALES) {
    await app.register(
      async (pages) => {
        await pages.register(home);
        await pages.register(accounts);
        await pages.register(admin);
        await pages.register(practices(practicesSearch));
        await pages.register(resources(resourcesSearch));
        await pages.register(community);
        await pages.register(follows([conversationSubjects, consultationSubjects]));
        await pages.register(worldwide(practicesSearch));
        await pages.register(organisations);
        await pages.register(messages);
        await pages.register(partnerships);
        await pages.register(events);
        await pages.register(discuss(discussion));
        await pages.register(myths(mythsSearch, campaignsUsingMyth(db)));
        await pages.register(campaigns);
        await pages.register(labs);
        await pages.register(moderationRoutes(app.moderation));
        await pages.register(
          reviewQueueRoutes({
            queue: reviewQueue({ db, kinds }),
            languages: CONTENT_LANGUAGES,
            links: async (request) => [
              { href: '/practices/criteria', label: request.t('editorial.queue.criteriaLink') },
              { href: MODERATION_PATH, label: request.t('moderation.reviewLink', { count: await app.moderation.openCount() }) },
              { href: '/discuss/held', label: request.t('discuss.held.title') },
            ],
          }),
        );
      },
      { prefix: `/${locale}` },
    );
  }
  return app;
}
