import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { LOCALES, loadCatalog, negotiateLocale, splitLocalePath, translator } from './i18n.ts';

const SRC = path.resolve(import.meta.dirname, '..');
const english = loadCatalog('en');

function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('catalogues', () => {
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    test(`${locale} has every English key and no stray ones`, () => {
      const catalog = loadCatalog(locale);
      const missing = [...english.keys()].filter((key) => !catalog.has(key));
      const extra = [...catalog.keys()].filter((key) => !english.has(key));
      assert.deepEqual(missing, [], `missing in ${locale}`);
      assert.deepEqual(extra, [], `only in ${locale}`);
    });

    test(`${locale} keeps every placeholder of the English text`, () => {
      const catalog = loadCatalog(locale);
      const placeholders = (message: unknown) => [...new Set(JSON.stringify(message).match(/\{\w+\}/g) ?? [])].sort();
      for (const [key, message] of english) {
        const translated = placeholders(catalog.get(key)).filter((name) => name !== '{count}');
        const expected = placeholders(message).filter((name) => name !== '{count}');
        assert.deepEqual(translated, expected, `${locale}: ${key}`);
      }
    });
  }

  test('every key the code asks for exists', () => {
    const literal = /\bt\(\s*'([a-zA-Z0-9_.]+)'/g;
    const dynamic = /\bt\(\s*`([a-zA-Z0-9_.]+)\.\$\{/g;
    const keys = [...english.keys()];
    const problems: string[] = [];
    for (const file of sourceFiles()) {
      const text = readFileSync(file, 'utf8');
      for (const [, key] of text.matchAll(literal)) {
        if (key && !english.has(key)) problems.push(`${path.relative(SRC, file)}: ${key}`);
      }
      for (const [, prefix] of text.matchAll(dynamic)) {
        if (prefix && !keys.some((key) => key.startsWith(`${prefix}.`))) problems.push(`${path.relative(SRC, file)}: ${prefix}.*`);
      }
    }
    assert.deepEqual(problems, []);
  });
});

describe('translate', () => {
  test('interpolates parameters and picks plural forms by locale rules', () => {
    const t = translator('en');
    assert.equal(t('home.welcomeBack', { name: 'Amina' }), 'Welcome back, Amina.');
    assert.throws(() => t('no.such.key'), /Missing translation/);
  });
});

describe('locale negotiation', () => {
  test('honours quality values and falls back to English', () => {
    assert.equal(negotiateLocale('de-DE,de;q=0.9,fr;q=0.8,en;q=0.5'), 'fr');
    assert.equal(negotiateLocale('ar-MA'), 'ar');
    assert.equal(negotiateLocale('es;q=0.2, en;q=0.9'), 'en');
    assert.equal(negotiateLocale('zh-CN'), 'en');
    assert.equal(negotiateLocale(undefined), 'en');
  });

  test('splits the locale prefix from the path', () => {
    assert.deepEqual(splitLocalePath('/fr/account?x=1'), { locale: 'fr', rest: '/account?x=1' });
    assert.deepEqual(splitLocalePath('/ar'), { locale: 'ar', rest: '/' });
    assert.deepEqual(splitLocalePath('/de/account'), { locale: undefined, rest: '/de/account' });
    assert.deepEqual(splitLocalePath('/api/v1'), { locale: undefined, rest: '/api/v1' });
  });
});
