import type { EvidenceLevel, Scale } from '../../db/schema/practices.ts';
import type { Vocabulary } from '../../db/schema/taxonomies.ts';

/** The vocabularies a practice is tagged with, and the input field that carries each. */
export const PRACTICE_VOCABULARIES = {
  dimensions: 'dimension',
  pillars: 'pillar',
  topics: 'topic',
  targetGroups: 'target_group',
  gcmObjectives: 'gcm_objective',
  sdgTargets: 'sdg_target',
} as const satisfies Record<string, Vocabulary>;
export type TermField = keyof typeof PRACTICE_VOCABULARIES;

export { CONTENT_LANGUAGES, type ContentLanguage } from '../../lib/languages.ts';
import type { ContentLanguage } from '../../lib/languages.ts';

export interface OrganisationInput {
  name: string;
  stakeholderType: string | null;
  role: 'implementing' | 'partner';
}

export interface CityInput {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
}

/**
 * A practice record as authors, the demo content and the CSV import supply it. Taxonomy terms
 * are given by code (`topics: ['housing']`), places by ISO country code.
 */
export interface PracticeInput {
  title: string;
  summary: string;
  background: string;
  activities: string;
  participants: string;
  peopleReached: number | null;
  outcomes: string;
  evaluation: string;
  evidenceLevel: EvidenceLevel;
  recommendations: string;

  dimensions: string[];
  pillars: string[];
  topics: string[];
  targetGroups: string[];
  gcmObjectives: string[];
  sdgTargets: string[];

  organisations: OrganisationInput[];
  countries: string[];
  city: CityInput | null;
  scale: Scale | null;
  /** ISO dates, `YYYY-MM-DD`. */
  startDate: string | null;
  endDate: string | null;
  ongoing: boolean;
  fundingSource: string;
  budgetAmount: number | null;
  /** ISO 4217, e.g. EUR. */
  budgetCurrency: string | null;
  links: { url: string; label: string }[];
  contact: { name: string; email: string; public: boolean } | null;

  language: ContentLanguage;
  adaptedFromSlug: string | null;
  /** When the practice was last confirmed as still running, `YYYY-MM-DD`. */
  lastConfirmedAt: string | null;
}
