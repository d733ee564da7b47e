import type { Db } from '../../db/client.ts';
import { isCountryCode } from '../../lib/countries.ts';
import { isSpokenLanguage } from '../../lib/languages.ts';
import { isStakeholderType } from '../../lib/stakeholders.ts';
import type { CurrentUser } from '../../platform/context.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { LOCALES } from '../../platform/i18n.ts';
import { loadPage, type Page } from '../../platform/pagination.ts';
import { taxonomyService, termLabel, type Term } from '../taxonomies/index.ts';
import { directoryFacetsOf, profileColumnsOf, profileFormOf, type ProfileForm, type PublicField } from './profile.ts';
import * as queries from './queries.ts';

/** What anyone may see of a member: only the fields they made public, nothing else is even read out. */
export interface PublicProfile {
  handle: string;
  name: string;
  organisation: string | null;
  stakeholderType: string | null;
  jobTitle: string | null;
  country: string | null;
  city: { slug: string; name: string } | null;
  expertise: Term[];
  languages: string[];
  bio: string | null;
  website: string | null;
}

/** The directory's filters, by query parameter; each takes several values. */
export const DIRECTORY_FILTERS = ['stakeholder', 'country', 'topic', 'language'] as const;
export type DirectoryFilterParam = (typeof DIRECTORY_FILTERS)[number];

export interface DirectoryQuery {
  q: string;
  chosen: Record<DirectoryFilterParam, string[]>;
  /** Some filter values were not ones we offer: they were left out, and the page says so. */
  ignored: boolean;
}

export const DIRECTORY_QUERY_MAX = 200;
const PUBLISHED_SHOWN = 10;

function publicProfileOf(row: queries.VisibleMemberRow, termsById: ReadonlyMap<number, Term>): PublicProfile {
  const shown = new Set<string>(row.public_fields);
  const show = <T,>(field: PublicField, value: T): T | null => (shown.has(field) ? value : null);
  return {
    handle: row.handle,
    name: row.name ?? '',
    organisation: show('organisation', row.organisation),
    stakeholderType: show('stakeholderType', row.stakeholder_type),
    jobTitle: show('jobTitle', row.job_title),
    country: show('country', row.country),
    city: row.city_slug && row.city_name ? show('city', { slug: row.city_slug, name: row.city_name }) : null,
    expertise: shown.has('expertise') ? row.expertise_ids.flatMap((id) => termsById.get(id) ?? []) : [],
    languages: shown.has('languages') ? row.languages_spoken : [],
    bio: show('bio', row.bio),
    website: show('website', row.website),
  };
}

export function communityService(deps: { db: Db }) {
  const { db } = deps;
  const taxonomy = taxonomyService(deps);

  async function topics() {
    const terms = await taxonomy.list('topic');
    return {
      terms,
      idByCode: new Map(terms.map((term) => [term.code, term.id])),
      codeById: new Map(terms.map((term) => [term.id, term.code])),
      byId: new Map(terms.map((term) => [term.id, term])),
    };
  }

  return {
    /** The member's own profile form, with the choices it offers. */
    async settings(userId: number) {
      const [profile, topicTerms, cities] = await Promise.all([queries.profileOf(db, userId), topics(), queries.allCities(db)]);
      if (!profile) throw new NotFoundError();
      return { form: profileFormOf(profile, topicTerms.codeById), topics: topicTerms.terms, cities };
    },

    async choices() {
      const [topicTerms, cities] = await Promise.all([topics(), queries.allCities(db)]);
      return { topics: topicTerms.terms, cities };
    },

    /** Saves the member's profile; what the directory matches is rebuilt from its public fields. */
    async saveSettings(member: CurrentUser, form: ProfileForm): Promise<void> {
      const [topicTerms, cities] = await Promise.all([topics(), queries.allCities(db)]);
      const cityIds = new Set(cities.map((city) => city.id));
      const result = profileColumnsOf(form, { topicIdByCode: topicTerms.idByCode, cityExists: (id) => cityIds.has(id) });
      if ('errors' in result) throw new ValidationError(result.errors);
      const { columns } = result;
      const shown = new Set<string>(columns.public_fields);
      const city = columns.city_id === null ? undefined : cities.find((candidate) => candidate.id === columns.city_id);
      // Expertise is found in any language: every locale's label goes into the text.
      const text = [
        member.name,
        shown.has('organisation') ? columns.organisation : null,
        shown.has('jobTitle') ? columns.job_title : null,
        shown.has('city') ? city?.name : null,
        ...(shown.has('expertise')
          ? columns.expertise_ids.flatMap((id) => {
              const term = topicTerms.byId.get(id);
              return term ? LOCALES.map((locale) => termLabel(term, locale)) : [];
            })
          : []),
      ].filter(Boolean).join(' ');
      await queries.saveProfile(db, member.id, columns, { text, facets: directoryFacetsOf(columns, topicTerms.codeById) });
    },

    /** Reads the directory's query; values we do not offer are dropped, and the page says so. */
    async directoryQuery(raw: { q?: string } & Partial<Record<DirectoryFilterParam, string[]>>): Promise<DirectoryQuery> {
      const topicCodes = new Set((await topics()).terms.map((term) => term.code));
      const valid: Record<DirectoryFilterParam, (value: string) => boolean> = {
        stakeholder: isStakeholderType,
        country: isCountryCode,
        topic: (value) => topicCodes.has(value),
        language: isSpokenLanguage,
      };
      let ignored = false;
      const chosen = Object.fromEntries(
        DIRECTORY_FILTERS.map((param) => {
          const values = [...new Set(raw[param] ?? [])];
          const kept = values.filter(valid[param]);
          if (kept.length < values.length) ignored = true;
          return [param, kept];
        }),
      ) as Record<DirectoryFilterParam, string[]>;
      return { q: (raw.q ?? '').trim().slice(0, DIRECTORY_QUERY_MAX), chosen, ignored };
    },

    /** One page of listed members matching the query, in name order. */
    async directory(query: DirectoryQuery, page: number): Promise<Page<PublicProfile>> {
      const facetPrefix: Record<DirectoryFilterParam, string> = { stakeholder: 'stakeholder', country: 'country', topic: 'topic', language: 'language' };
      const filter: queries.DirectoryFilter = {
        words: query.q.split(/\s+/).filter(Boolean).slice(0, 8),
        groups: DIRECTORY_FILTERS.filter((param) => query.chosen[param].length > 0).map((param) =>
          query.chosen[param].map((value) => `${facetPrefix[param]}:${value}`),
        ),
      };
      const termsById = (await topics()).byId;
      return loadPage(page, {
        count: () => queries.countDirectory(db, filter),
        rows: async (window) => (await queries.directoryPage(db, filter, window)).map((row) => publicProfileOf(row, termsById)),
      });
    },

    /** A member's public profile and what they published; 404 when they show nothing. */
    async member(handle: string) {
      const row = await queries.visibleMember(db, handle);
      if (!row) throw new NotFoundError();
      const [termsById, published] = await Promise.all([topics().then((terms) => terms.byId), queries.publishedBy(db, row.id, PUBLISHED_SHOWN)]);
      return { id: row.id, profile: publicProfileOf(row, termsById), listed: row.listed, published };
    },
  };
}

export type CommunityService = ReturnType<typeof communityService>;
