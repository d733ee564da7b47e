import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { Layout } from '../ui/layout.tsx';
import type { ViewContext } from './context.ts';
import { directionOf, splitLocalePath } from './i18n.ts';
import { keepPrivate, PRIVATE_CACHE_CONTROL, templateRecorderOf } from './page-cache.ts';

export const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'public');

// The stylesheet's URL carries its content hash, so browsers may cache it for a year.
const stylesheetVersion = createHash('sha256')
  .update(readFileSync(path.join(PUBLIC_DIR, 'styles.css')))
  .digest('hex')
  .slice(0, 12);
export const STYLESHEET_HREF = `/static/styles.css?v=${stylesheetVersion}`;

/**
 * The page a request shows, without its locale prefix: what the language switcher links to.
 * A form post re-rendered with errors has no page of its own at its address (GET would 404),
 * so it points at the page the form was on, taken from a same-origin Referer.
 */
export function pagePath(request: FastifyRequest): string {
  if (request.method === 'GET' || request.method === 'HEAD') return splitLocalePath(request.url).rest;
  const referer = request.headers.referer;
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    // Parsed the same way on both sides, so that `localhost:80` and `localhost` compare equal.
    if (url.host !== new URL(`${url.protocol}//${request.headers.host ?? ''}`).host) return '/';
    const { locale, rest } = splitLocalePath(`${url.pathname}${url.search}`);
    return locale ? rest : '/';
  } catch {
    return '/';
  }
}

export function viewContext(request: FastifyRequest, reply: FastifyReply): ViewContext {
  const { locale, t, currentUser } = request;
  const common = { locale, dir: directionOf(locale), t, path: pagePath(request), user: currentUser, href: (target: string) => `/${locale}${target}` };
  // Rendering a template for an audience of members (page-cache.ts): the token and the personal
  // parts are filled in for each member afterwards.
  const template = templateRecorderOf(request);
  if (template) return { ...common, csrfToken: () => template.csrfToken, personalSlots: template };
  let csrfToken: string | undefined;
  return {
    ...common,
    // A page with a form holds this visitor's token: it must never be shared.
    csrfToken: () => {
      keepPrivate(reply);
      return (csrfToken ??= reply.generateCsrf());
    },
  };
}

export type PageBody = (ctx: ViewContext) => VNode;

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a complete HTML page inside the layout. */
    page(title: string, body: PageBody, statusCode?: number): FastifyReply;
    /** 303 to a path in the request's locale (`/account` → `/fr/account`). */
    seeOther(path: string): FastifyReply;
  }
}

/**
 * `reply.page` without the decorator, for the few replies made before the app's decorators
 * apply (a path refused before routing).
 */
export function sendPage(reply: FastifyReply, title: string, body: PageBody, statusCode = 200): FastifyReply {
  const ctx = viewContext(reply.request, reply);
  const html = renderToString(
    <Layout ctx={ctx} title={title} stylesheetHref={STYLESHEET_HREF}>
      {body(ctx)}
    </Layout>,
  );
  // Pages may show personal data: never let a shared cache keep them, unless the route opts
  // into the page cache (platform/page-cache.ts), which then decides per answer.
  return reply.code(statusCode).header('cache-control', PRIVATE_CACHE_CONTROL).type('text/html; charset=utf-8').send(`<!doctype html>${html}`);
}

export const rendering = fp(
  async (app: FastifyInstance) => {
    app.decorateReply('page', function page(this: FastifyReply, title: string, body: PageBody, statusCode = 200) {
      return sendPage(this, title, body, statusCode);
    });
    app.decorateReply('seeOther', function seeOther(this: FastifyReply, target: string) {
      return this.redirect(`/${this.request.locale}${target}`, 303);
    });
  },
  { name: 'rendering' },
);
