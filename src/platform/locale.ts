import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_LOCALE, LOCALES, negotiateLocale, splitLocalePath, translator, type Locale, type Translate } from './i18n.ts';

const translators = new Map<Locale, Translate>(LOCALES.map((locale) => [locale, translator(locale)]));

/** A response that a shared cache may keep and hand to someone else. */
function isCacheable(cacheControl: unknown): boolean {
  return !/no-store|private/i.test(String(cacheControl ?? ''));
}

/**
 * Sets `request.locale` and `request.t`: from the path prefix, else from Accept-Language. A
 * response translated from that header (feeds, the API docs page, any later one) that a cache
 * may keep says so with `Vary: Accept-Language` (see the onSend hook below), or a cache would
 * serve one reader's language to everyone.
 */
export function resolveLocale(request: FastifyRequest): void {
  const fromPath = splitLocalePath(request.url).locale;
  const locale = fromPath ?? negotiateLocale(request.headers['accept-language']);
  const translate = translators.get(locale) as Translate;
  request.locale = locale;
  request.t = fromPath
    ? translate
    : (key, params) => {
        request.translatedFromHeader = true;
        return translate(key, params);
      };
}

export const localeResolution = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('locale', DEFAULT_LOCALE);
    app.decorateRequest('t', null as unknown as Translate);
    app.decorateRequest('translatedFromHeader', false);
    app.addHook('onRequest', async (request) => resolveLocale(request));
    app.addHook('onSend', async (request, reply) => {
      if (!request.translatedFromHeader || !isCacheable(reply.getHeader('cache-control'))) return;
      const vary = String(reply.getHeader('vary') ?? '');
      if (!/(^|,)\s*(accept-language|\*)\s*(,|$)/i.test(vary)) reply.header('vary', vary ? `${vary}, Accept-Language` : 'Accept-Language');
    });
  },
  { name: 'locale' },
);

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once the response uses a translation picked from Accept-Language (no locale in the path). */
    translatedFromHeader: boolean;
  }
}
