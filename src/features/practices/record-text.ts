import type { Vocabulary } from '../../db/schema/taxonomies.ts';
import { countryName } from '../../lib/countries.ts';
import { fieldChanges, type FieldChange } from '../../editorial/revisions.ts';
import type { Locale, Translate } from '../../platform/i18n.ts';
import { termLabel, type Term } from '../taxonomies/index.ts';
import { PRACTICE_VOCABULARIES, type PracticeInput, type TermField } from './model.ts';
import { LIST_RECORD_FIELDS, RECORD_SECTIONS, UNDIFFED_RECORD_FIELDS, type RecordField } from './sections.ts';
import { displayNames, numberFormat, dateTimeFormat } from '../../lib/intl.ts';

/**
 * Each field of a record as the lines of text a reader sees, in the reader's language: the
 * preview and review pages print them, and the history compares them between versions.
 */

export interface TextContext {
  locale: Locale;
  t: Translate;
  /** Every term, retired ones included where known, to label stored codes. */
  taxonomy: ReadonlyMap<Vocabulary, readonly Term[]>;
}

const TERM_FIELD_VOCABULARY = PRACTICE_VOCABULARIES as Record<TermField, Vocabulary>;

function termLines(codes: readonly string[], vocabulary: Vocabulary, context: TextContext): string[] {
  const terms = context.taxonomy.get(vocabulary) ?? [];
  return codes.map((code) => {
    const term = terms.find((candidate) => candidate.code === code);
    return term ? termLabel(term, context.locale) : code;
  });
}

function languageName(code: string, locale: Locale): string {
  return displayNames(locale, 'language').of(code) ?? code;
}

function formatDay(value: string | null, locale: Locale): string[] {
  if (!value) return [];
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return [value];
  return [dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date)];
}

function formatNumber(value: number | null, locale: Locale): string[] {
  return value === null ? [] : [numberFormat(locale).format(value)];
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function budgetLines(record: PracticeInput, context: TextContext): string[] {
  if (record.budgetAmount === null) return [];
  if (!record.budgetCurrency) return formatNumber(record.budgetAmount, context.locale);
  try {
    return [numberFormat(context.locale, { style: 'currency', currency: record.budgetCurrency }).format(record.budgetAmount)];
  } catch {
    return [`${formatNumber(record.budgetAmount, context.locale).join('')} ${record.budgetCurrency}`];
  }
}

function organisationLines(record: PracticeInput, { t }: TextContext): string[] {
  return record.organisations.map((organisation) =>
    t('practices.record.organisationLine', {
      name: organisation.name,
      role: t(`practices.fields.organisationRole.${organisation.role}`),
      type: organisation.stakeholderType ? t(`common.stakeholders.${organisation.stakeholderType}`) : t('practices.record.typeUnknown'),
    }),
  );
}

function cityLines(record: PracticeInput, { t, locale }: TextContext): string[] {
  if (!record.city) return [];
  const { name, country, latitude, longitude } = record.city;
  return [t('practices.record.cityLine', { name, country: countryName(country, locale), latitude, longitude })];
}

function contactLines(record: PracticeInput, { t }: TextContext): string[] {
  if (!record.contact) return [];
  const { name, email } = record.contact;
  return [name, email, t(record.contact.public ? 'practices.record.contactPublic' : 'practices.record.contactPrivate')];
}

/** The lines of one field; an empty list for a field left blank. */
export function fieldLines(record: PracticeInput, field: RecordField, context: TextContext): string[] {
  const { t, locale } = context;
  switch (field) {
    case 'title':
      return [record.title];
    case 'summary':
    case 'background':
    case 'activities':
    case 'participants':
    case 'outcomes':
    case 'evaluation':
    case 'recommendations':
      return paragraphs(record[field]);
    case 'fundingSource':
      return record.fundingSource ? [record.fundingSource] : [];
    case 'language':
      return [languageName(record.language, locale)];
    case 'peopleReached':
      return formatNumber(record.peopleReached, locale);
    case 'evidenceLevel':
      return [t(`practices.fields.evidenceLevel.${record.evidenceLevel}`)];
    case 'targetGroups':
    case 'dimensions':
    case 'pillars':
    case 'topics':
    case 'gcmObjectives':
    case 'sdgTargets':
      return termLines(record[field], TERM_FIELD_VOCABULARY[field], context);
    case 'countries':
      return record.countries.map((code) => countryName(code, locale));
    case 'city':
      return cityLines(record, context);
    case 'scale':
      return record.scale ? [t(`practices.fields.scale.${record.scale}`)] : [];
    case 'startDate':
    case 'endDate':
    case 'lastConfirmedAt':
      return formatDay(record[field], locale);
    case 'ongoing':
      return [t(record.ongoing ? 'practices.record.yes' : 'practices.record.no')];
    case 'organisations':
      return organisationLines(record, context);
    case 'budget':
      return budgetLines(record, context);
    case 'links':
      return record.links.map((link) => (link.label ? `${link.label} – ${link.url}` : link.url));
    case 'contact':
      return contactLines(record, context);
    case 'adaptedFrom':
      return record.adaptedFromSlug ? [record.adaptedFromSlug] : [];
  }
}

/**
 * The fields that differ between two versions, in the record's order, each as a word diff
 * (a line diff for lists, where whole items come and go). `hidden` fields are left out.
 */
export function recordChanges(
  before: PracticeInput,
  after: PracticeInput,
  context: TextContext,
  hidden: ReadonlySet<RecordField> = new Set(),
): FieldChange<RecordField>[] {
  const fields = RECORD_SECTIONS.flatMap((section) => section.fields)
    .filter((field) => !hidden.has(field) && !UNDIFFED_RECORD_FIELDS.has(field))
    .map((field) => ({ field, list: LIST_RECORD_FIELDS.has(field), lines: (record: PracticeInput) => fieldLines(record, field, context) }));
  return fieldChanges(fields, before, after);
}
