import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayNames, numberFormat } from '../lib/intl.ts';

export const LOCALES = ['en', 'fr', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

const RTL_LOCALES: ReadonlySet<Locale> = new Set(['ar']);
export const LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'i18n', 'locales');

/** A message is a string, or plural forms chosen by `Intl.PluralRules` from `count`. */
type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;
type CatalogTree = { [key: string]: Message | CatalogTree };
export type Catalog = ReadonlyMap<string, Message>;
export type TranslationParams = Readonly<Record<string, string | number>>;
export type Translate = (key: string, params?: TranslationParams) => string;

const PLURAL_KEYS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

function isPluralForms(value: Message | CatalogTree): value is Message {
  return typeof value === 'string' || Object.keys(value).every((key) => PLURAL_KEYS.has(key));
}

function flatten(tree: CatalogTree, prefix: string, into: Map<string, Message>): void {
  for (const [key, value] of Object.entries(tree)) {
    const fullKey = `${prefix}.${key}`;
    if (isPluralForms(value)) into.set(fullKey, value);
    else flatten(value, fullKey, into);
  }
}

/** Reads `i18n/locales/<locale>/<feature>.json`; keys become `<feature>.<path>`. */
export function loadCatalog(locale: Locale, dir: string = LOCALES_DIR): Catalog {
  const catalog = new Map<string, Message>();
  const localeDir = path.join(dir, locale);
  for (const file of readdirSync(localeDir).filter((name) => name.endsWith('.json')).sort()) {
    const tree = JSON.parse(readFileSync(path.join(localeDir, file), 'utf8')) as CatalogTree;
    flatten(tree, path.basename(file, '.json'), catalog);
  }
  return catalog;
}

const catalogs = new Map<Locale, Catalog>(LOCALES.map((locale) => [locale, loadCatalog(locale)]));

export function isLocale(value: string | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return RTL_LOCALES.has(locale) ? 'rtl' : 'ltr';
}

function interpolate(template: string, params: TranslationParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

export class MissingTranslationError extends Error {}

export function translator(locale: Locale): Translate {
  const catalog = catalogs.get(locale) as Catalog;
  const plurals = new Intl.PluralRules(locale);
  const numbers = numberFormat(locale);
  return (key, params) => {
    const message = catalog.get(key);
    if (message === undefined) throw new MissingTranslationError(`Missing translation "${key}" in ${locale}`);
    if (typeof message === 'string') return interpolate(message, params);
    const count = Number(params?.count ?? 0);
    const form = message[plurals.select(count)] ?? message.other ?? '';
    return interpolate(form, { ...params, count: numbers.format(count) });
  };
}

/** Picks the best supported locale from an Accept-Language header, honouring q-values. */
export function negotiateLocale(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attributes] = part.trim().split(';');
      const quality = attributes.map((a) => a.trim()).find((a) => a.startsWith('q='));
      return { tag: tag.toLowerCase(), q: quality ? Number(quality.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const language = tag.split('-')[0];
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

/** Splits `/fr/practices?x=1` into its locale and the rest (`/practices?x=1`). */
export function splitLocalePath(url: string): { locale: Locale | undefined; rest: string } {
  const match = /^\/([a-z]{2})(?=\/|\?|$)(.*)$/.exec(url);
  if (match && isLocale(match[1])) return { locale: match[1], rest: match[2] || '/' };
  return { locale: undefined, rest: url };
}

/** Native language names, so every reader finds their own in the switcher. */
export function languageName(locale: Locale): string {
  const name = displayNames(locale, 'language').of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
