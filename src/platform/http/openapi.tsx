import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { renderToString } from 'preact-render-to-string';
import { RESULT_WINDOW } from '../../search/index.ts';
import { STYLESHEET_HREF, viewContext } from '../render.tsx';
import { ApiDocsPage, type ApiOperation } from './api-docs-page.tsx';

/**
 * The OpenAPI document of the whole API, registered once at the root before any feature, so that
 * every feature's `/api/v1/…` routes (and feeds) appear in `/api/openapi.json` and on `/api/docs`
 * by themselves: a route describes itself with its schema and a tag.
 */

export interface ApiTag {
  name: string;
  description: string;
}

interface OperationObject {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; description?: string }[];
  responses?: Record<string, unknown>;
}

export const openApi = fp(async function openApiPlugin(app: FastifyInstance, options: { tags: readonly ApiTag[] }) {
  const { baseUrl } = app.deps.config;
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Bridges API',
        version: '1.0.0',
        description:
          'Read-only access to the published content of Bridges: good practices and resources. Searches take the same ' +
          'parameters as the search pages; repeat a filter parameter to select several values (any of them matches), and ' +
          `combine filters (all of them must match). Only the first ${RESULT_WINDOW} results of a search can be paged through.`,
        license: { name: 'Content shared by its authors' },
      },
      servers: [{ url: baseUrl.origin }],
      tags: [...options.tags],
    },
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/docs', { schema: { hide: true } }, async (request, reply) => {
    const document = app.swagger() as unknown as { paths: Record<string, Record<string, OperationObject>> };
    const operations: ApiOperation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        summary: operation.summary ?? '',
        description: operation.description ?? '',
        parameters: (operation.parameters ?? []).map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          description: parameter.description ?? '',
        })),
        responses: Object.keys(operation.responses ?? {}),
      })),
    );
    // A page of its own rather than the site layout: it has no locale prefix, so the layout's
    // language links (/fr/api/docs …) would lead nowhere.
    const ctx = viewContext(request, reply);
    const html = renderToString(
      <html lang={ctx.locale} dir={ctx.dir}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{request.t('api.docs.title')}</title>
          <link rel="stylesheet" href={STYLESHEET_HREF} />
        </head>
        <body>
          <main id="main" class="site-main">
            <ApiDocsPage ctx={ctx} operations={operations} />
          </main>
        </body>
      </html>,
    );
    return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(`<!doctype html>${html}`);
  });
});
