import type { FastifyInstance } from 'fastify';
import { parsePage } from '../../platform/pagination.ts';
import { termLabel } from '../taxonomies/service.ts';
import { searchQueryString } from './search-params.ts';
import { searchQuerySchema, searchRequestOf } from './search-routes.tsx';
import { searchService } from './search-service.ts';

/** The feed lists this many of the newest practices that match its filters. */
export const FEED_SIZE = 50;

// XML 1.0 forbids most control characters even when escaped: they are dropped from user text.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** `/feeds/practices.atom`: Atom 1.0 of newly published practices, honouring the search filters. */
export async function feedRoutes(app: FastifyInstance) {
  const { baseUrl } = app.deps.config;
  const absolute = (path: string) => new URL(path, baseUrl).href;
  const service = searchService(app.deps);

  app.get(
    '/feeds/practices.atom',
    {
      schema: {
        tags: ['practices'],
        summary: `Atom feed of the ${FEED_SIZE} newest published practices, with the search's filters`,
        querystring: searchQuerySchema,
      },
    },
    async (request, reply) => {
      const { t, locale } = request;
      const searchRequest = { ...(await searchRequestOf(service, request.query, parsePage(undefined))), sort: 'newest' as const, sortGiven: false };
      const outcome = await service.search(searchRequest, { pageSize: FEED_SIZE, withFacets: false });
      const query = searchQueryString(searchRequest);
      const selfUrl = absolute(`/feeds/practices.atom${query}`);
      const updated = outcome.results[0]?.publishedAt ?? new Date(0);
      const entries = outcome.results.map((result) => {
        const url = absolute(`/${locale}/practices/${encodeURIComponent(result.slug)}`);
        const categories = result.terms
          .filter((term) => term.vocabulary === 'topic')
          .map((term) => `    <category term="${escapeXml(term.code)}" label="${escapeXml(termLabel(term, locale))}"/>`)
          .join('\n');
        return [
          '  <entry>',
          `    <id>${escapeXml(url)}</id>`,
          `    <title type="text">${escapeXml(result.title)}</title>`,
          `    <link rel="alternate" type="text/html" hreflang="${escapeXml(result.language)}" href="${escapeXml(url)}"/>`,
          `    <published>${result.publishedAt.toISOString()}</published>`,
          `    <updated>${result.publishedAt.toISOString()}</updated>`,
          `    <summary type="text" xml:lang="${escapeXml(result.language)}">${escapeXml(result.summary)}</summary>`,
          categories,
          '  </entry>',
        ]
          .filter(Boolean)
          .join('\n');
      });
      const xml = [
        '<?xml version="1.0" encoding="utf-8"?>',
        `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
        `  <id>${escapeXml(selfUrl)}</id>`,
        `  <title type="text">${escapeXml(t('practiceSearch.feed.title'))}</title>`,
        `  <subtitle type="text">${escapeXml(t('practiceSearch.feed.subtitle'))}</subtitle>`,
        `  <link rel="self" type="application/atom+xml" href="${escapeXml(selfUrl)}"/>`,
        `  <link rel="alternate" type="text/html" href="${escapeXml(absolute(`/${locale}/practices${query}`))}"/>`,
        `  <updated>${updated.toISOString()}</updated>`,
        `  <author><name>${escapeXml(t('common.siteName'))}</name></author>`,
        ...entries,
        '</feed>',
        '',
      ].join('\n');
      return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
    },
  );
}
