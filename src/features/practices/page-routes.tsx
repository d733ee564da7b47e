import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { COMMUNITY_NOTICES, engagementRoutes, personalRating, type CommunityForms } from '../../engagement/index.ts';
import { EMPTY_FORM } from '../../platform/forms.ts';
import { PAGE_GENERATIONS, keepPrivate, sharedPage } from '../../platform/page-cache.ts';
import { parsePage } from '../../platform/pagination.ts';
import { personaliser } from '../../platform/personal-parts.tsx';
import { followPersonaliser } from '../follows/index.ts';
import { PRACTICE_KIND, PRACTICES_PATH } from './kind.ts';
import { practicePageService } from './page-service.ts';
import { canEdit } from './policies.ts';
import { practiceActionsPart, PracticePageView, type PageNotice } from './views/practice-page.tsx';

const slugParams = {
  params: {
    type: 'object',
    required: ['slug'],
    properties: { slug: { type: 'string', minLength: 1, maxLength: 200 } },
  },
} as const;
const pageQuery = {
  type: 'object',
  properties: { comments: { type: 'string', maxLength: 10 }, done: { type: 'string', maxLength: 20 } },
} as const;
interface PageRenderOptions extends CommunityForms {
  notice?: PageNotice;
  commentPage?: number;
}

/** What an anonymous reader sees on a practice page, and so what a change of invalidates it. */
const PRACTICE_PAGE_SHOWS = [PRACTICE_KIND, PAGE_GENERATIONS.engagement, PAGE_GENERATIONS.account, PAGE_GENERATIONS.taxonomy];

function noticeOf(value: string | undefined): PageNotice | undefined {
  return COMMUNITY_NOTICES.find((notice) => notice === value);
}

/**
 * The public page of a practice (`/{l}/practices/:slug`) and what members do on it: rate,
 * comment, report; editors remove comments.
 */
export async function practicePageRoutes(app: FastifyInstance) {
  const service = practicePageService(app.deps, app.engagement);
  const { baseUrl } = app.deps.config;
  const absolute = (path: string) => new URL(path, baseUrl).href;
  const practicePath = (slug: string) => `/practices/${encodeURIComponent(slug)}`;

  async function renderPracticePage(request: FastifyRequest, reply: FastifyReply, slug: string, options: PageRenderOptions = {}) {
    const page = await service.load(slug, request.currentUser, options.commentPage ?? 1);
    const locale = request.locale;
    // A notice confirms what this visitor just did; a draft's changes move no generation.
    if (options.notice || !page.isPublic) keepPrivate(reply);
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

  // Kept per audience for members too: their rating and their edit link are filled in per request.
  const personalParts = [
    personalRating(app.engagement),
    followPersonaliser,
    personaliser(practiceActionsPart, (_request, member, actions) => ({ ...actions, canEdit: canEdit(member, actions.row) })),
  ];

  app.get('/practices/:slug', { schema: { ...slugParams, querystring: pageQuery }, config: sharedPage(PRACTICE_PAGE_SHOWS, { personalise: personalParts }) }, async (request, reply) => {
    const { slug } = request.params as { slug: string };
    const query = request.query as { comments?: string; done?: string };
    return renderPracticePage(request, reply, slug, { commentPage: parsePage(query.comments), notice: noticeOf(query.done) });
  });

  await app.register(
    engagementRoutes({
      kind: PRACTICE_KIND,
      basePath: PRACTICES_PATH,
      engagement: app.engagement,
      renderItemPage: (request, reply, slug, forms) => renderPracticePage(request, reply, slug, forms),
    }),
  );
}
