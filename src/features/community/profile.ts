import { isCountryCode } from '../../lib/countries.ts';
import { isSpokenLanguage } from '../../lib/languages.ts';
import { isStakeholderType } from '../../lib/stakeholders.ts';
import { isTimeZone } from '../../lib/time-zones.ts';
import { isLocale } from '../../platform/i18n.ts';
import { safeHttpUrl } from '../../ui/format.ts';

/**
 * A member's profile: what they may show, and how they chose to show it. Nothing is public until
 * the member ticks it; the email address is not a profile field at all.
 */

export const PUBLIC_FIELDS = ['organisation', 'stakeholderType', 'jobTitle', 'country', 'city', 'expertise', 'languages', 'bio', 'website'] as const;
export type PublicField = (typeof PUBLIC_FIELDS)[number];

export function isPublicField(value: string): value is PublicField {
  return (PUBLIC_FIELDS as readonly string[]).includes(value);
}

export const LIMITS = { organisation: 200, jobTitle: 120, bio: 2_000, website: 500 } as const;

/** The profile form as posted: text fields, lists of ticked values. */
export interface ProfileForm {
  organisation: string;
  stakeholderType: string;
  jobTitle: string;
  country: string;
  city: string;
  expertise: readonly string[];
  languages: readonly string[];
  bio: string;
  website: string;
  public: readonly string[];
  listed: string;
  timeZone: string;
  locale: string;
}

/** A profile as stored, ready for the users table. */
export interface ProfileColumns {
  organisation: string | null;
  stakeholder_type: string | null;
  job_title: string | null;
  country: string | null;
  city_id: number | null;
  expertise_ids: number[];
  languages_spoken: string[];
  bio: string | null;
  website: string | null;
  public_fields: PublicField[];
  listed: boolean;
  time_zone: string;
  locale: string;
}

/** What validation needs to know of the database: the topics and cities that exist. */
export interface ProfileVocabulary {
  topicIdByCode: ReadonlyMap<string, number>;
  cityExists: (id: number) => boolean;
}

const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The stored profile, or the field errors (message keys) that stop it. */
export function profileColumnsOf(form: ProfileForm, vocabulary: ProfileVocabulary): { columns: ProfileColumns } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const organisation = blankToNull(form.organisation);
  if (organisation && organisation.length > LIMITS.organisation) errors.organisation = 'community.errors.organisationTooLong';
  const stakeholderType = blankToNull(form.stakeholderType);
  if (stakeholderType && !isStakeholderType(stakeholderType)) errors.stakeholderType = 'community.errors.stakeholderType';
  const jobTitle = blankToNull(form.jobTitle);
  if (jobTitle && jobTitle.length > LIMITS.jobTitle) errors.jobTitle = 'community.errors.jobTitleTooLong';
  const country = blankToNull(form.country);
  if (country && !isCountryCode(country)) errors.country = 'community.errors.country';
  const cityText = blankToNull(form.city);
  const cityId = cityText === null ? null : Number(cityText);
  if (cityId !== null && !(/^[1-9][0-9]{0,8}$/.test(cityText ?? '') && vocabulary.cityExists(cityId))) errors.city = 'community.errors.city';
  const expertiseIds = form.expertise.map((code) => vocabulary.topicIdByCode.get(code));
  if (expertiseIds.some((id) => id === undefined)) errors.expertise = 'community.errors.expertise';
  if (!form.languages.every(isSpokenLanguage)) errors.languages = 'community.errors.languages';
  const bio = blankToNull(form.bio);
  if (bio && bio.length > LIMITS.bio) errors.bio = 'community.errors.bioTooLong';
  const websiteText = blankToNull(form.website);
  const website = websiteText === null ? null : safeHttpUrl(websiteText);
  if (websiteText !== null && (website === undefined || websiteText.length > LIMITS.website)) errors.website = 'community.errors.website';
  if (!form.public.every(isPublicField)) errors.public = 'community.errors.public';
  if (!isTimeZone(form.timeZone)) errors.timeZone = 'community.errors.timeZone';
  if (!isLocale(form.locale)) errors.locale = 'community.errors.locale';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    columns: {
      organisation,
      stakeholder_type: stakeholderType,
      job_title: jobTitle,
      country,
      city_id: cityId,
      expertise_ids: [...new Set(expertiseIds.flatMap((id) => (id === undefined ? [] : [id])))],
      languages_spoken: [...new Set(form.languages)],
      bio,
      website: website ?? null,
      public_fields: PUBLIC_FIELDS.filter((field) => form.public.includes(field)),
      listed: form.listed === 'yes',
      time_zone: form.timeZone,
      locale: form.locale,
    },
  };
}

/** A profile as read back: the database does not know which field names are ours. */
export type StoredProfile = Omit<ProfileColumns, 'public_fields'> & { public_fields: string[] };

/** The form as the stored profile fills it. */
export function profileFormOf(columns: StoredProfile, topicCodeById: ReadonlyMap<number, string>): ProfileForm {
  return {
    organisation: columns.organisation ?? '',
    stakeholderType: columns.stakeholder_type ?? '',
    jobTitle: columns.job_title ?? '',
    country: columns.country ?? '',
    city: columns.city_id === null ? '' : String(columns.city_id),
    expertise: columns.expertise_ids.flatMap((id) => topicCodeById.get(id) ?? []),
    languages: columns.languages_spoken,
    bio: columns.bio ?? '',
    website: columns.website ?? '',
    public: columns.public_fields.filter(isPublicField),
    listed: columns.listed ? 'yes' : '',
    timeZone: columns.time_zone,
    locale: columns.locale,
  };
}

/**
 * The directory's filter values of a profile: only fields the member made public, so that nobody
 * can learn a private value by filtering on it.
 */
export function directoryFacetsOf(columns: ProfileColumns, topicCodeById: ReadonlyMap<number, string>): string[] {
  const shown = new Set(columns.public_fields);
  return [
    ...(shown.has('stakeholderType') && columns.stakeholder_type ? [`stakeholder:${columns.stakeholder_type}`] : []),
    ...(shown.has('country') && columns.country ? [`country:${columns.country}`] : []),
    ...(shown.has('expertise') ? columns.expertise_ids.flatMap((id) => topicCodeById.get(id) ?? []).map((code) => `topic:${code}`) : []),
    ...(shown.has('languages') ? columns.languages_spoken.map((language) => `language:${language}`) : []),
  ];
}
