import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { VOCABULARIES, type Vocabulary } from '../../../db/schema/taxonomies.ts';
import { isCountryCode } from '../../../lib/countries.ts';
import { regionOf } from '../../../lib/regions.ts';
import { DEMO_MEMBERS } from '../../demo/content.ts';
import { PRACTICE_VOCABULARIES, type TermField } from '../model.ts';
import { practiceErrors } from '../validation.ts';
import { DEMO_PRACTICES } from './practices.ts';

// The seeded terms, read from the migration itself: the SQL file is the one source of truth.
const MIGRATION = path.join(import.meta.dirname, '..', '..', '..', 'db', 'migrations', '011_taxonomy_terms.sql');
const ROW = /^\s*\('([a-z_]+)', '([^']*)', '((?:[^']|'')*)', (\d+)\)[,;]$/;

interface SeededTerm {
  vocabulary: string;
  code: string;
  labels: Record<string, string>;
  position: number;
}

function seededTerms(): SeededTerm[] {
  const lines = readFileSync(MIGRATION, 'utf8').split('\n');
  const rows = lines.filter((line) => /^\s*\('/.test(line));
  return rows.map((line) => {
    const match = ROW.exec(line);
    assert.ok(match, `unparsable row: ${line}`);
    const [, vocabulary = '', code = '', labels = '', position = ''] = match;
    return { vocabulary, code, labels: JSON.parse(labels.replaceAll("''", "'")) as Record<string, string>, position: Number(position) };
  });
}

const TERMS = seededTerms();
const codesOf = (vocabulary: Vocabulary): Set<string> =>
  new Set(TERMS.filter((term) => term.vocabulary === vocabulary).map((term) => term.code));

describe('seeded taxonomy terms', () => {
  test('belong to known vocabularies, with unique snake_case codes and unique positions', () => {
    assert.ok(TERMS.length > 0);
    for (const vocabulary of VOCABULARIES) {
      const terms = TERMS.filter((term) => term.vocabulary === vocabulary);
      assert.ok(terms.length > 0, `${vocabulary} has terms`);
      assert.equal(new Set(terms.map((term) => term.code)).size, terms.length, `${vocabulary} codes are unique`);
      assert.equal(new Set(terms.map((term) => term.position)).size, terms.length, `${vocabulary} positions are unique`);
    }
    for (const term of TERMS) {
      assert.ok((VOCABULARIES as readonly string[]).includes(term.vocabulary), term.vocabulary);
      assert.match(term.code, /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, term.code);
    }
  });

  test('have a label in English, French, Spanish and Arabic', () => {
    for (const term of TERMS) {
      for (const locale of ['en', 'fr', 'es', 'ar']) {
        const label = term.labels[locale];
        assert.ok(label && label.trim() === label && label.length > 1, `${term.code}: ${locale}`);
      }
      assert.match(term.labels.ar ?? '', /[\u0600-\u06ff]/, `${term.code}: the Arabic label is in Arabic script`);
    }
  });

  test('cover the dimensions, pillars and target groups of the brief', () => {
    assert.deepEqual([...codesOf('dimension')], ['socio_economic', 'legal_political', 'cultural']);
    assert.deepEqual([...codesOf('pillar')], ['language_communication', 'economic_integration', 'civism_citizenship', 'intercultural_dialogue']);
    const groups = codesOf('target_group');
    for (const code of ['refugees_asylum_seekers', 'women', 'youth', 'children', 'older_people', 'workers', 'students', 'families']) {
      assert.ok(groups.has(code), code);
    }
    for (const code of ['undocumented_migrants', 'host_communities', 'returnees', 'diaspora', 'unaccompanied_minors', 'people_with_disabilities', 'lgbtiq']) {
      assert.ok(groups.has(code), code);
    }
    const topics = codesOf('topic');
    assert.ok(topics.size >= 30);
    for (const code of ['anti_discrimination', 'housing', 'media_diversity', 'mediation_interpretation', 'prevention_of_polarisation', 'public_perceptions']) {
      assert.ok(topics.has(code), code);
    }
  });

  test('list the 23 GCM objectives in order, each label starting with its number', () => {
    const objectives = TERMS.filter((term) => term.vocabulary === 'gcm_objective');
    assert.deepEqual(
      objectives.map((term) => term.code),
      Array.from({ length: 23 }, (_, index) => `gcm${String(index + 1).padStart(2, '0')}`),
    );
    objectives.forEach((term, index) => {
      for (const label of Object.values(term.labels)) assert.ok(label.startsWith(`${index + 1}. `), `${term.code}: ${label}`);
    });
    assert.equal(objectives[15]?.labels.en, '16. Empower migrants and societies to realize full inclusion and social cohesion');
  });

  test('list the migration-related SDG targets, each label starting with the target number', () => {
    const targets = TERMS.filter((term) => term.vocabulary === 'sdg_target');
    assert.deepEqual(
      targets.map((term) => term.code).sort(),
      ['sdg_10_7', 'sdg_10_c', 'sdg_16_2', 'sdg_17_18', 'sdg_3_c', 'sdg_4_b', 'sdg_5_2', 'sdg_8_7', 'sdg_8_8'],
    );
    for (const term of targets) {
      const number = term.code.replace(/^sdg_/, '').replace('_', '.');
      for (const label of Object.values(term.labels)) assert.ok(label.startsWith(`${number} `), `${term.code}: ${label}`);
    }
  });
});

describe('demo practices', () => {
  const slugs = new Set(DEMO_PRACTICES.map((practice) => practice.slug));
  const members = new Map(DEMO_MEMBERS.map((member) => [member.email, member]));
  const today = new Date().toISOString().slice(0, 10);

  test('are numerous, with unique URL-safe slugs', () => {
    assert.ok(DEMO_PRACTICES.length >= 14);
    assert.equal(slugs.size, DEMO_PRACTICES.length);
    for (const slug of slugs) assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/, slug);
  });

  test('are complete records that an author could submit', () => {
    for (const practice of DEMO_PRACTICES) {
      assert.deepEqual(practiceErrors(practice, { forSubmission: true }), {}, practice.slug);
      for (const field of ['summary', 'background', 'activities', 'participants', 'outcomes', 'evaluation', 'recommendations'] as const) {
        const sentences = practice[field].split(/[.!?。؟](?:\s|$)/).filter((part) => part.trim().length > 0);
        assert.ok(sentences.length >= 2 && sentences.length <= 5, `${practice.slug}: ${field} has ${sentences.length} sentences`);
      }
    }
  });

  test('use only term codes seeded by the migration, each in its own vocabulary', () => {
    for (const practice of DEMO_PRACTICES) {
      for (const [field, vocabulary] of Object.entries(PRACTICE_VOCABULARIES) as [TermField, Vocabulary][]) {
        const codes = practice[field];
        const known = codesOf(vocabulary);
        assert.equal(new Set(codes).size, codes.length, `${practice.slug}: ${field} has no duplicates`);
        for (const code of codes) assert.ok(known.has(code), `${practice.slug}: ${field} ${code} is not a seeded ${vocabulary}`);
      }
      assert.ok(practice.topics.length > 0 && practice.dimensions.length > 0 && practice.gcmObjectives.length > 0, practice.slug);
    }
  });

  test('name real countries with a region, and a city inside them with coordinates in range', () => {
    for (const practice of DEMO_PRACTICES) {
      assert.ok(practice.countries.length > 0, practice.slug);
      for (const country of practice.countries) {
        assert.ok(isCountryCode(country), `${practice.slug}: ${country}`);
        assert.ok(regionOf(country), `${practice.slug}: ${country} has a region`);
      }
      const { city } = practice;
      assert.ok(city, `${practice.slug} has a city`);
      assert.ok(practice.countries.includes(city.country), `${practice.slug}: the city is in one of its countries`);
      assert.ok(city.latitude >= -90 && city.latitude <= 90, `${practice.slug}: latitude`);
      assert.ok(city.longitude >= -180 && city.longitude <= 180, `${practice.slug}: longitude`);
      assert.ok(practice.countries.length === 1 || practice.scale === 'transnational', `${practice.slug}: several countries means transnational`);
    }
  });

  test('gives the same coordinates to a city wherever it appears', () => {
    const places = new Map<string, string>();
    for (const { city, slug } of DEMO_PRACTICES) {
      if (!city) continue;
      const key = `${city.country}:${city.name}`;
      const where = `${city.latitude},${city.longitude}`;
      assert.equal(places.get(key) ?? where, where, `${slug}: ${key}`);
      places.set(key, where);
    }
  });

  test('have dates in order', () => {
    for (const practice of DEMO_PRACTICES) {
      const { slug, startDate, endDate, ongoing, lastConfirmedAt, publishedAt } = practice;
      assert.ok(startDate, slug);
      assert.equal(ongoing, endDate === null, `${slug}: ongoing exactly when there is no end date`);
      if (endDate) assert.ok(startDate <= endDate, `${slug}: starts before it ends`);
      if (lastConfirmedAt) {
        assert.ok(startDate <= lastConfirmedAt && lastConfirmedAt <= today, `${slug}: confirmed while running, not in the future`);
      }
      assert.match(publishedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, slug);
      assert.equal(new Date(publishedAt).toISOString().replace('.000', ''), publishedAt, `${slug}: a real instant`);
      assert.ok(publishedAt >= '2024-01-01' && publishedAt < '2027-01-01', `${slug}: published in 2024–2026`);
      assert.ok(new Date(publishedAt) <= new Date(), `${slug}: not published in the future`);
      assert.ok(startDate <= publishedAt.slice(0, 10), `${slug}: recorded after it started`);
    }
  });

  test('are written by demo members, never by the editor', () => {
    for (const practice of DEMO_PRACTICES) {
      const author = members.get(practice.authorEmail);
      assert.ok(author, `${practice.slug}: ${practice.authorEmail} is a demo member`);
      assert.notEqual(author.role, 'editor', practice.slug);
      assert.notEqual(author.role, 'admin', practice.slug);
    }
  });

  test('fill the workflow: mostly published, some submitted, one draft, some long unconfirmed', () => {
    const count = (status: string) => DEMO_PRACTICES.filter((practice) => practice.status === status).length;
    assert.ok(count('submitted') >= 1 && count('submitted') <= 2);
    assert.equal(count('draft'), 1);
    assert.ok(count('published') >= 12);
    const twoYearsAgo = new Date();
    twoYearsAgo.setUTCFullYear(twoYearsAgo.getUTCFullYear() - 2);
    const stale = DEMO_PRACTICES.filter(
      (practice) => practice.status === 'published' && practice.ongoing && practice.lastConfirmedAt !== null && practice.lastConfirmedAt < twoYearsAgo.toISOString().slice(0, 10),
    );
    assert.ok(stale.length >= 2, 'at least two running practices were last confirmed more than two years ago');
  });

  test('link an adaptation to an earlier published practice', () => {
    const adapted = DEMO_PRACTICES.filter((practice) => practice.adaptedFromSlug !== null);
    assert.ok(adapted.length >= 1);
    for (const practice of adapted) {
      const source = DEMO_PRACTICES.find((other) => other.slug === practice.adaptedFromSlug);
      assert.ok(source, `${practice.slug}: ${practice.adaptedFromSlug} is a demo practice`);
      assert.notEqual(source.slug, practice.slug);
      assert.equal(source.status, 'published');
      assert.ok(source.publishedAt < practice.publishedAt, `${practice.slug}: adapted from an earlier record`);
    }
  });

  test('come in several languages, about half of them English, with at least one in Arabic', () => {
    const languages = new Set(DEMO_PRACTICES.map((practice) => practice.language));
    assert.ok(languages.size >= 4, [...languages].join(', '));
    assert.ok(languages.has('ar'));
    const english = DEMO_PRACTICES.filter((practice) => practice.language === 'en').length;
    assert.ok(english >= DEMO_PRACTICES.length * 0.35 && english <= DEMO_PRACTICES.length * 0.65, `${english} in English`);
    for (const practice of DEMO_PRACTICES.filter((practice) => practice.language === 'ar')) {
      assert.match(practice.title, /[\u0600-\u06ff]/, `${practice.slug}: an Arabic record has an Arabic title`);
    }
  });

  test('state budgets with a currency, including one of exactly zero', () => {
    assert.ok(DEMO_PRACTICES.some((practice) => practice.budgetAmount === 0));
    for (const practice of DEMO_PRACTICES) {
      assert.equal(practice.budgetAmount === null, practice.budgetCurrency === null, `${practice.slug}: amount and currency go together`);
    }
  });

  test('link only to https home pages and use fictional example.org contacts', () => {
    for (const practice of DEMO_PRACTICES) {
      for (const link of practice.links) {
        const url = new URL(link.url);
        assert.equal(url.protocol, 'https:', `${practice.slug}: ${link.url}`);
        assert.ok(url.pathname === '/' && !url.search && !url.hash, `${practice.slug}: ${link.url} is a home page`);
        assert.ok(link.label.trim(), `${practice.slug}: ${link.url} has a label`);
      }
      assert.ok(practice.contact, practice.slug);
      assert.match(practice.contact.email, /^[a-z.]+@example\.org$/, practice.slug);
    }
    const publicContacts = DEMO_PRACTICES.filter((practice) => practice.contact?.public).length;
    assert.ok(publicContacts > 0 && publicContacts < DEMO_PRACTICES.length, 'only some contacts are public');
  });

  test('have organisations with an implementing one and known stakeholder types', () => {
    for (const practice of DEMO_PRACTICES) {
      assert.ok(practice.organisations.some((organisation) => organisation.role === 'implementing'), practice.slug);
    }
  });
});
