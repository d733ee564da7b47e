import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_LOCALE, LOCALES, negotiateLocale, splitLocalePath, translator, type Locale, type Translate } from './i18n.ts';

const translators = new Map<Locale, Translate>(LOCALES.map((locale) => [locale, translator(locale)]));

/** Sets `request.locale` and `request.t`: from the path prefix, else from Accept-Language. */
export function resolveLocale(request: FastifyRequest): void {
  const locale = splitLocalePath(request.url).locale ?? negotiateLocale(request.headers['accept-language']);
  request.locale = locale;
  request.t = translators.get(locale) as Translate;
}

export const localeResolution = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('locale', DEFAULT_LOCALE);
    app.decorateRequest('t', null as unknown as Translate);
    app.addHook('onRequest', async (request) => resolveLocale(request));
  },
  { name: 'locale' },
);
