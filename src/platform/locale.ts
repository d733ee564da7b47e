import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_LOCALE, LOCALES, negotiateLocale, splitLocalePath, translator, type Locale, type Translate } from './i18n.ts';

const translators = new Map<Locale, Translate>(LOCALES.map((locale) => [locale, translator(locale)]));

/** Sets `request.locale` and `request.t`: from the path prefix, else from Accept-Language. */
export const localeResolution = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('locale', DEFAULT_LOCALE);
    app.decorateRequest('t', null as unknown as Translate);
    app.addHook('onRequest', async (request) => {
      const locale = splitLocalePath(request.url).locale ?? negotiateLocale(request.headers['accept-language']);
      request.locale = locale;
      request.t = translators.get(locale) as Translate;
    });
  },
  { name: 'locale' },
);
