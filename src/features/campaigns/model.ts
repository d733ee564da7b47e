import { isCountryCode } from '../../lib/countries.ts';
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../lib/languages.ts';
import { isIsoDate, readList, type FieldErrors } from '../../platform/forms.ts';
import { isAudience, type Audience } from '../myths/index.ts';

/** A campaign, its messages, indicators and values as their forms give them, checked. */

export const CAMPAIGN_LIMITS = { name: 200, problem: 2000, longText: 20_000, budgetNote: 300, partners: 30, message: 280, indicatorName: 200, unit: 30, updateTitle: 200, milestone: 200 } as const;
export const CAMPAIGN_STATUSES = ['planned', 'running', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** The largest budget or indicator value a form takes: well inside `numeric(14, 2)`. */
const NUMBER_MAX = 1e12;

export interface CampaignInput {
  name: string;
  hashtag: string;
  language: ContentLanguage;
  problem: string;
  objectives: string;
  audiences: Audience[];
  countries: string[];
  topics: string[];
  startsOn: string;
  endsOn: string | null;
  budget: number | null;
  budgetCurrency: string;
  budgetNote: string;
  deliverables: string;
  successFactors: string;
  results: string;
  recommendations: string;
  /** Slugs of organisations and of cities, as the member listed them. */
  organisations: string[];
  cities: string[];
}

export const CAMPAIGN_TEXT_FIELDS = [
  'name', 'hashtag', 'language', 'problem', 'objectives', 'startsOn', 'endsOn', 'budget', 'budgetCurrency', 'budgetNote', 'deliverables', 'successFactors', 'results', 'recommendations', 'organisations', 'cities',
] as const;
export const CAMPAIGN_LIST_FIELDS = ['audiences', 'countries', 'topics'] as const;
export type CampaignFormValues = Record<(typeof CAMPAIGN_TEXT_FIELDS)[number], string> & Record<(typeof CAMPAIGN_LIST_FIELDS)[number], string[]>;

export const EMPTY_CAMPAIGN_FORM: CampaignFormValues = {
  ...(Object.fromEntries(CAMPAIGN_TEXT_FIELDS.map((field) => [field, ''])) as Record<(typeof CAMPAIGN_TEXT_FIELDS)[number], string>),
  budgetCurrency: 'EUR',
  audiences: [],
  countries: [],
  topics: [],
};

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export const list = (value: unknown): string[] => readList(value);

export function readCampaignForm(body: unknown): CampaignFormValues {
  const fields = (body ?? {}) as Record<string, unknown>;
  return {
    ...(Object.fromEntries(CAMPAIGN_TEXT_FIELDS.map((field) => [field, text(fields[field])])) as Record<(typeof CAMPAIGN_TEXT_FIELDS)[number], string>),
    audiences: list(fields.audiences),
    countries: list(fields.countries),
    topics: list(fields.topics),
  };
}

/** A number as people type it: digits, one decimal point or comma, no thousands separators. */
export function parseAmount(raw: string): number | undefined {
  const trimmed = raw.trim().replace(',', '.');
  if (!/^-?\d{1,13}(\.\d{1,4})?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Math.abs(value) <= NUMBER_MAX ? value : undefined;
}

/** `#NoWallsButBridges` from "NoWallsButBridges" or "#NoWallsButBridges"; undefined when it is not a hashtag. */
export function normaliseHashtag(raw: string): string | undefined {
  const tag = raw.trim().replace(/^#/, '');
  return /^[\p{L}\p{N}_]{2,60}$/u.test(tag) ? `#${tag}` : undefined;
}

/** Slugs or names listed one per line or separated by commas, as typed. */
export function namesOf(raw: string): string[] {
  return [...new Set(raw.split(/[\n,]+/).map((item) => item.trim()).filter(Boolean))];
}

export function checkCampaignForm(form: CampaignFormValues, topicCodes: ReadonlySet<string>): { input?: CampaignInput; errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const name = form.name.trim();
  if (!name) errors.name = 'campaigns.errors.nameRequired';
  else if (name.length > CAMPAIGN_LIMITS.name) errors.name = 'campaigns.errors.nameTooLong';
  const hashtag = normaliseHashtag(form.hashtag);
  if (!hashtag) errors.hashtag = 'campaigns.errors.hashtagInvalid';
  const language = CONTENT_LANGUAGES.find((candidate) => candidate === form.language);
  if (!language) errors.language = 'campaigns.errors.languageRequired';
  if (form.problem.trim().length > CAMPAIGN_LIMITS.problem) errors.problem = 'campaigns.errors.textTooLong';
  for (const field of ['objectives', 'deliverables', 'successFactors', 'results', 'recommendations'] as const) {
    if (form[field].trim().length > CAMPAIGN_LIMITS.longText) errors[field] = 'campaigns.errors.textTooLong';
  }
  const audiences = form.audiences.filter(isAudience);
  if (audiences.length !== form.audiences.length) errors.audiences = 'campaigns.errors.audiencesInvalid';
  else if (audiences.length === 0) errors.audiences = 'campaigns.errors.audienceRequired';
  if (!form.countries.every(isCountryCode)) errors.countries = 'campaigns.errors.countriesInvalid';
  if (!form.topics.every((code) => topicCodes.has(code))) errors.topics = 'campaigns.errors.termsInvalid';
  const startsOn = form.startsOn.trim();
  if (!isIsoDate(startsOn)) errors.startsOn = 'campaigns.errors.dateInvalid';
  const endsOn = form.endsOn.trim() || null;
  if (endsOn !== null && !isIsoDate(endsOn)) errors.endsOn = 'campaigns.errors.dateInvalid';
  else if (endsOn !== null && isIsoDate(startsOn) && endsOn < startsOn) errors.endsOn = 'campaigns.errors.endsBeforeStart';
  const rawBudget = form.budget.trim();
  const budget = rawBudget === '' ? null : parseAmount(rawBudget);
  if (budget === undefined || (budget !== null && budget < 0)) errors.budget = 'campaigns.errors.budgetInvalid';
  const budgetCurrency = form.budgetCurrency.trim().toUpperCase() || 'EUR';
  if (!/^[A-Z]{3}$/.test(budgetCurrency)) errors.budgetCurrency = 'campaigns.errors.currencyInvalid';
  if (form.budgetNote.trim().length > CAMPAIGN_LIMITS.budgetNote) errors.budgetNote = 'campaigns.errors.textTooLong';
  const organisations = namesOf(form.organisations);
  const cities = namesOf(form.cities);
  if (organisations.length > CAMPAIGN_LIMITS.partners) errors.organisations = 'campaigns.errors.tooManyPartners';
  if (cities.length > CAMPAIGN_LIMITS.partners) errors.cities = 'campaigns.errors.tooManyPartners';
  if (Object.keys(errors).length > 0 || !hashtag || !language || budget === undefined) return { errors };
  return {
    input: {
      name,
      hashtag,
      language,
      problem: form.problem.trim(),
      objectives: form.objectives.trim(),
      audiences: [...audiences].sort(),
      countries: [...form.countries].sort(),
      topics: [...form.topics].sort(),
      startsOn,
      endsOn,
      budget,
      budgetCurrency,
      budgetNote: form.budgetNote.trim(),
      deliverables: form.deliverables.trim(),
      successFactors: form.successFactors.trim(),
      results: form.results.trim(),
      recommendations: form.recommendations.trim(),
      organisations,
      cities,
    },
    errors: {},
  };
}

/** Whether a campaign runs on `today` (YYYY-MM-DD), by its dates. */
export function statusOn(campaign: { starts_on: string; ends_on: string | null }, today: string): CampaignStatus {
  if (campaign.starts_on > today) return 'planned';
  if (campaign.ends_on !== null && campaign.ends_on < today) return 'ended';
  return 'running';
}
