import type { Vocabulary } from '../../db/schema/taxonomies.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import type { Term } from '../taxonomies/index.ts';
import { PRACTICE_VOCABULARIES, type ContentLanguage, type PracticeInput, type TermField } from './model.ts';
import { isoDay } from './running.ts';
import type { PracticeDetail } from './service.ts';

/**
 * A practice as one plain PracticeInput: what the edit form starts from, what a submission is
 * checked against, and what a revision stores, so that any two versions can be compared.
 */

const TERM_FIELDS = Object.entries(PRACTICE_VOCABULARIES) as [TermField, Vocabulary][];

function codesOf(terms: readonly Pick<Term, 'vocabulary' | 'code'>[], vocabulary: Vocabulary): string[] {
  return terms.filter((term) => term.vocabulary === vocabulary).map((term) => term.code);
}

/** The stored record as the input that would save it again. */
export function snapshotOf(detail: Pick<PracticeDetail, 'row' | 'terms' | 'organisations' | 'links'>): PracticeInput {
  const { row } = detail;
  const terms = Object.fromEntries(TERM_FIELDS.map(([field, vocabulary]) => [field, codesOf(detail.terms, vocabulary)])) as Record<TermField, string[]>;
  const hasCity = row.city_name !== null && row.city_country !== null && row.city_latitude !== null && row.city_longitude !== null;
  return {
    title: row.title,
    summary: row.summary,
    background: row.background,
    activities: row.activities,
    participants: row.participants,
    peopleReached: row.people_reached,
    outcomes: row.outcomes,
    evaluation: row.evaluation,
    evidenceLevel: row.evidence_level,
    recommendations: row.recommendations,
    ...terms,
    organisations: detail.organisations.map((o) => ({ name: o.name, stakeholderType: o.stakeholder_type, role: o.role })),
    countries: [...row.countries],
    city: hasCity
      ? { name: row.city_name ?? '', country: row.city_country ?? '', latitude: row.city_latitude ?? 0, longitude: row.city_longitude ?? 0 }
      : null,
    scale: row.scale,
    startDate: isoDay(row.start_date),
    endDate: isoDay(row.end_date),
    ongoing: row.ongoing,
    fundingSource: row.funding_source,
    budgetAmount: row.budget_amount === null ? null : Number(row.budget_amount),
    budgetCurrency: row.budget_currency,
    links: detail.links.map((link) => ({ url: link.url, label: link.label })),
    contact:
      row.contact_name !== null || row.contact_email !== null
        ? { name: row.contact_name ?? '', email: row.contact_email ?? '', public: row.contact_public }
        : null,
    language: row.language as ContentLanguage,
    adaptedFromSlug: row.adapted_from_slug,
    lastConfirmedAt: isoDay(row.last_confirmed_at),
  };
}

/**
 * The record as it is stored: text trimmed, lists without repeats and in a stable order. Two
 * saves of the same content give equal snapshots, so a diff shows only real changes.
 */
export function canonicalRecord(input: PracticeInput): PracticeInput {
  const sorted = (values: readonly string[]) => [...new Set(values)].sort();
  const terms = Object.fromEntries(TERM_FIELDS.map(([field]) => [field, sorted(input[field])])) as Record<TermField, string[]>;
  return {
    ...input,
    ...terms,
    title: input.title.trim(),
    summary: input.summary.trim(),
    background: input.background.trim(),
    activities: input.activities.trim(),
    participants: input.participants.trim(),
    outcomes: input.outcomes.trim(),
    evaluation: input.evaluation.trim(),
    recommendations: input.recommendations.trim(),
    fundingSource: input.fundingSource.trim(),
    countries: sorted(input.countries),
    organisations: input.organisations.map((o) => ({ ...o, name: o.name.trim() })),
    links: input.links.map((link) => ({ url: link.url.trim(), label: link.label.trim() })),
    city: input.city ? { ...input.city, name: input.city.name.trim() } : null,
    contact: input.contact ? { ...input.contact, name: input.contact.name.trim(), email: input.contact.email.trim() } : null,
  };
}

/**
 * Term codes the taxonomy does not offer, as field errors: lets a preview refuse what saving
 * would refuse without touching the database.
 */
export function unknownTermErrors(input: PracticeInput, taxonomy: ReadonlyMap<Vocabulary, readonly Term[]>): FieldErrors {
  const errors: Record<string, string> = {};
  for (const [field, vocabulary] of TERM_FIELDS) {
    const known = new Set((taxonomy.get(vocabulary) ?? []).map((term) => term.code));
    if (input[field].some((code) => !known.has(code))) errors[field] = 'practices.errors.termUnknown';
  }
  return errors;
}

/** A revision's snapshot read back; older or damaged snapshots fill in as empty fields. */
export function recordFromSnapshot(snapshot: Readonly<Record<string, unknown>>): PracticeInput {
  const text = (key: keyof PracticeInput): string => (typeof snapshot[key] === 'string' ? (snapshot[key] as string) : '');
  const list = (key: keyof PracticeInput): string[] =>
    Array.isArray(snapshot[key]) ? (snapshot[key] as unknown[]).filter((item): item is string => typeof item === 'string') : [];
  const nullableNumber = (key: keyof PracticeInput): number | null => (typeof snapshot[key] === 'number' ? (snapshot[key] as number) : null);
  const nullableText = (key: keyof PracticeInput): string | null => (typeof snapshot[key] === 'string' ? (snapshot[key] as string) : null);
  const array = <T,>(key: keyof PracticeInput): T[] => (Array.isArray(snapshot[key]) ? (snapshot[key] as T[]) : []);
  const object = <T,>(key: keyof PracticeInput): T | null =>
    typeof snapshot[key] === 'object' && snapshot[key] !== null && !Array.isArray(snapshot[key]) ? (snapshot[key] as T) : null;
  return {
    title: text('title'),
    summary: text('summary'),
    background: text('background'),
    activities: text('activities'),
    participants: text('participants'),
    peopleReached: nullableNumber('peopleReached'),
    outcomes: text('outcomes'),
    evaluation: text('evaluation'),
    evidenceLevel: (nullableText('evidenceLevel') ?? 'none') as PracticeInput['evidenceLevel'],
    recommendations: text('recommendations'),
    dimensions: list('dimensions'),
    pillars: list('pillars'),
    topics: list('topics'),
    targetGroups: list('targetGroups'),
    gcmObjectives: list('gcmObjectives'),
    sdgTargets: list('sdgTargets'),
    organisations: array('organisations'),
    countries: list('countries'),
    city: object('city'),
    scale: nullableText('scale') as PracticeInput['scale'],
    startDate: nullableText('startDate'),
    endDate: nullableText('endDate'),
    ongoing: snapshot.ongoing === true,
    fundingSource: text('fundingSource'),
    budgetAmount: nullableNumber('budgetAmount'),
    budgetCurrency: nullableText('budgetCurrency'),
    links: array('links'),
    contact: object('contact'),
    language: (nullableText('language') ?? 'en') as ContentLanguage,
    adaptedFromSlug: nullableText('adaptedFromSlug'),
    lastConfirmedAt: nullableText('lastConfirmedAt'),
  };
}
