import { EVIDENCE_LEVELS, SCALES } from '../../db/schema/practices.ts';
import { isCountryCode } from '../../lib/countries.ts';
import { isStakeholderType } from '../../lib/stakeholders.ts';
import { isEmailAddress } from '../../lib/text.ts';
import { isIntegerWithin, isIsoDate, isIsoDateWithin, type FieldErrors, type NumberRange } from '../../platform/forms.ts';
import { CONTENT_LANGUAGES, type PracticeInput } from './model.ts';

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 600;
export const SECTION_MAX = 8_000;
const SHORT_TEXT_MAX = 300;
export const MAX_LINKS = 10;
export const MAX_ORGANISATIONS = 20;

const LONG_SECTIONS = ['background', 'activities', 'participants', 'outcomes', 'evaluation', 'recommendations'] as const;
const CURRENCY = /^[A-Z]{3}$/;

/** Only http and https links may reach an href: `javascript:` and friends are refused. */
export function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** More people than any practice reaches, and within the `integer` column. */
export const PEOPLE_REACHED: NumberRange = { min: 0, max: 1_000_000_000 };
/** In cents: below 10^12 once rounded, which is what the `numeric(14, 2)` column holds. */
const BUDGET_CENTS: NumberRange = { min: 0, max: 1e14 - 1 };

/** The translation key for what is wrong with an optional date, if anything. */
function dateProblem(value: string | null): string | undefined {
  if (value === null) return undefined;
  if (!isIsoDate(value)) return 'practices.errors.dateInvalid';
  return isIsoDateWithin(value) ? undefined : 'practices.errors.dateOutOfRange';
}

/**
 * What is wrong with a practice record, keyed by form field, as translation keys under
 * `practices.errors`. `forSubmission` adds what a draft may still lack but a submission must have.
 * Taxonomy codes and the adapted-from slug are checked against the database by the service.
 */
export function practiceErrors(input: PracticeInput, { forSubmission }: { forSubmission: boolean }): FieldErrors {
  const errors: Record<string, string> = {};
  const title = input.title.trim();
  if (!title) errors.title = 'practices.errors.titleRequired';
  else if (title.length > TITLE_MAX) errors.title = 'practices.errors.titleTooLong';
  if (input.summary.length > SUMMARY_MAX) errors.summary = 'practices.errors.summaryTooLong';
  for (const section of LONG_SECTIONS) {
    if (input[section].length > SECTION_MAX) errors[section] = 'practices.errors.sectionTooLong';
  }
  if (input.peopleReached !== null && !isIntegerWithin(input.peopleReached, PEOPLE_REACHED)) {
    const tooMany = Number.isInteger(input.peopleReached) && input.peopleReached > PEOPLE_REACHED.max;
    errors.peopleReached = tooMany ? 'practices.errors.peopleReachedTooMany' : 'practices.errors.peopleReachedInvalid';
  }
  if (!(EVIDENCE_LEVELS as readonly string[]).includes(input.evidenceLevel)) errors.evidenceLevel = 'practices.errors.choiceInvalid';
  if (input.scale !== null && !(SCALES as readonly string[]).includes(input.scale)) errors.scale = 'practices.errors.choiceInvalid';
  if (!(CONTENT_LANGUAGES as readonly string[]).includes(input.language)) errors.language = 'practices.errors.choiceInvalid';

  if (input.countries.some((country) => !isCountryCode(country))) errors.countries = 'practices.errors.countryInvalid';
  if (input.city) {
    const { name, country, latitude, longitude } = input.city;
    if (!name.trim() || name.length > SHORT_TEXT_MAX) errors.cityName = 'practices.errors.cityNameInvalid';
    if (!isCountryCode(country)) errors.cityCountry = 'practices.errors.countryInvalid';
    if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) errors.cityLatitude = 'practices.errors.latitudeInvalid';
    if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) errors.cityLongitude = 'practices.errors.longitudeInvalid';
  }

  for (const field of ['startDate', 'endDate', 'lastConfirmedAt'] as const) {
    const problem = dateProblem(input[field]);
    if (problem) errors[field] = problem;
  }
  if (!errors.startDate && !errors.endDate && input.startDate && input.endDate && input.endDate < input.startDate) {
    errors.endDate = 'practices.errors.endBeforeStart';
  }
  if (input.ongoing && input.endDate) errors.endDate = 'practices.errors.endWhileOngoing';

  if (input.fundingSource.length > SHORT_TEXT_MAX) errors.fundingSource = 'practices.errors.shortTextTooLong';
  if (input.budgetAmount !== null && !isIntegerWithin(Math.round(input.budgetAmount * 100), BUDGET_CENTS)) {
    const tooLarge = Number.isFinite(input.budgetAmount) && input.budgetAmount > 0;
    errors.budgetAmount = tooLarge ? 'practices.errors.budgetTooLarge' : 'practices.errors.budgetInvalid';
  }
  if (input.budgetCurrency !== null && !CURRENCY.test(input.budgetCurrency)) errors.budgetCurrency = 'practices.errors.currencyInvalid';
  if (input.budgetAmount !== null && input.budgetCurrency === null && input.budgetAmount > 0) {
    errors.budgetCurrency = 'practices.errors.currencyRequired';
  }

  if (input.links.length > MAX_LINKS) errors.links = 'practices.errors.tooManyLinks';
  else if (input.links.some((link) => !isWebLink(link.url) || link.url.length > 2_000 || link.label.length > SHORT_TEXT_MAX)) {
    errors.links = 'practices.errors.linkInvalid';
  }
  if (input.organisations.length > MAX_ORGANISATIONS) errors.organisations = 'practices.errors.tooManyOrganisations';
  else if (
    input.organisations.some(
      (organisation) =>
        !organisation.name.trim() ||
        organisation.name.length > SHORT_TEXT_MAX ||
        (organisation.stakeholderType !== null && !isStakeholderType(organisation.stakeholderType)),
    )
  ) {
    errors.organisations = 'practices.errors.organisationInvalid';
  }

  if (input.contact) {
    if (!input.contact.name.trim() || input.contact.name.length > SHORT_TEXT_MAX) errors.contactName = 'practices.errors.contactNameRequired';
    if (!isEmailAddress(input.contact.email)) errors.contactEmail = 'practices.errors.emailInvalid';
  }

  if (forSubmission) {
    if (!input.summary.trim()) errors.summary ??= 'practices.errors.summaryRequired';
    if (!input.activities.trim()) errors.activities ??= 'practices.errors.activitiesRequired';
    if (!input.outcomes.trim()) errors.outcomes ??= 'practices.errors.outcomesRequired';
    if (input.countries.length === 0) errors.countries ??= 'practices.errors.countryRequired';
    if (input.topics.length === 0) errors.topics = 'practices.errors.topicRequired';
    if (input.dimensions.length === 0) errors.dimensions = 'practices.errors.dimensionRequired';
    if (input.organisations.filter((o) => o.role === 'implementing').length === 0) {
      errors.organisations ??= 'practices.errors.implementingRequired';
    }
    if (!input.startDate) errors.startDate ??= 'practices.errors.startRequired';
    if (!input.contact) errors.contactName ??= 'practices.errors.contactRequired';
  }
  return errors;
}
