import type { Db } from '../../db/client.ts';
import type { CurrentUser } from '../../platform/context.ts';
import { isCountryCode } from '../../lib/countries.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { can } from '../../platform/permissions.ts';
import { safeHttpUrl } from '../../ui/format.ts';
import type { RawQuery } from '../../search/index.ts';
import { PRACTICE_FACETS, practiceFacets, readPracticeSearchRequest, type PracticeSearch } from '../practices/index.ts';
import type { OrganisationsService } from '../organisations/index.ts';
import type { PartnershipsService } from '../partnerships/index.ts';
import type { EventsService } from '../events/index.ts';
import type { CampaignsService } from '../campaigns/index.ts';
import type { LabsService } from '../labs/index.ts';
import { layerNamed, MAP_LAYERS, DEFAULT_LAYER, type MapLayer } from './layers.ts';
import * as queries from './queries.ts';

/** How many items of each kind a country or city page lists; the rest are a search away. */
const LISTED = 8;
export const PROFILE_LIMITS = { integrationOffice: 300, contact: 300, approach: 4_000, links: 10 } as const;

export interface CityProfileForm {
  integrationOffice: string;
  contact: string;
  approach: string;
  links: string;
}

export type PracticeFilters = ReturnType<typeof readPracticeSearchRequest>;

export function worldwideService(deps: { db: Db }, practiceSearch: PracticeSearch, others: { organisations: OrganisationsService; partnerships: PartnershipsService; events: EventsService; campaigns: CampaignsService; labs: LabsService }) {
  const { db } = deps;

  async function keeperOf(member: CurrentUser | null, cityId: number): Promise<boolean> {
    if (!member) return false;
    const row = await db.selectFrom('city_keepers').select('status').where('city_id', '=', cityId).where('user_id', '=', member.id).executeTakeFirst();
    return row?.status === 'approved';
  }

  return {
    /** The map's layer and counts; a layer or filter we do not offer is left out, and the page says so. */
    async map(raw: RawQuery & { layer?: string }) {
      const chosen = layerNamed(typeof raw.layer === 'string' ? raw.layer : undefined);
      const layer: MapLayer = chosen ?? (layerNamed(DEFAULT_LAYER) as MapLayer);
      const request = readPracticeSearchRequest(raw, await practiceSearch.termCodes(), 1);
      const given = PRACTICE_FACETS.reduce((sum, facet) => {
        const value = raw[facet.param];
        return sum + (Array.isArray(value) ? value.length : typeof value === 'string' && value !== '' ? 1 : 0);
      }, 0);
      const kept = [...request.filters.values()].reduce((sum, values) => sum + values.length, 0);
      const groups = layer.filtered ? practiceFacets.facetGroups(request) : [];
      const { countries, cities, approximate } = await layer.counts(db, groups);
      return { layer, request, countries, cities, approximate, ignored: !chosen || kept < given };
    },

    /** What happens in a country: counts of every layer, the newest items, its cities. */
    async country(iso2: string) {
      const country = iso2.toUpperCase();
      if (!isCountryCode(country)) throw new NotFoundError();
      const [counts, practices, resources, members, cities, organisations, partnerships, events, campaigns] = await Promise.all([
        Promise.all(MAP_LAYERS.map(async (layer) => ({ layer: layer.name, count: (await layer.counts(db, [])).countries.find((row) => row.country === country)?.count ?? 0 }))),
        queries.newestIn(db, 'practices', { country }, LISTED),
        queries.newestIn(db, 'resources', { country }, LISTED),
        queries.listedMembersIn(db, { country }, LISTED),
        queries.practiceCounts(db, [[`country:${country}`]]).then((counts) => counts.cities.filter((city) => city.country === country)),
        others.organisations.search({ words: [], stakeholderTypes: [], countries: [country] }, 1),
        others.partnerships.openIn(country),
        others.events.upcoming({ country }, LISTED),
        others.campaigns.inCountry(country, LISTED),
      ]);
      return { country, counts, practices, resources, members, cities, organisations, partnerships, events, campaigns };
    },

    /** A city's page: its profile, its practices and members, and who keeps it. */
    async city(slug: string, viewer: CurrentUser | null) {
      const city = await queries.cityBySlug(db, slug);
      if (!city) throw new NotFoundError();
      const [profile, practices, members, keeper, request, events, campaigns, labs] = await Promise.all([
        db.selectFrom('city_profiles').selectAll().where('city_id', '=', city.id).executeTakeFirst(),
        queries.newestIn(db, 'practices', { cityId: city.id }, LISTED),
        queries.listedMembersIn(db, { cityId: city.id }, LISTED),
        keeperOf(viewer, city.id),
        viewer ? db.selectFrom('city_keepers').select('status').where('city_id', '=', city.id).where('user_id', '=', viewer.id).executeTakeFirst() : undefined,
        others.events.upcoming({ citySlug: slug }, LISTED),
        others.campaigns.inCity(city.id, LISTED),
        others.labs.servicesInCity(city.id),
      ]);
      return { city, profile, practices, members, isKeeper: keeper, requestStatus: request?.status ?? null, events, campaigns, labs };
    },

    /** A member of a local government asks to keep a city's page; an editor decides. */
    async requestKeeping(member: CurrentUser, slug: string, note: string): Promise<void> {
      const city = await queries.cityBySlug(db, slug);
      if (!city) throw new NotFoundError();
      const account = await db.selectFrom('users').select('stakeholder_type').where('id', '=', member.id).executeTakeFirstOrThrow();
      if (account.stakeholder_type !== 'local_government') throw new ValidationError({ note: 'worldwide.errors.notLocalGovernment' });
      if (note.length > 2_000) throw new ValidationError({ note: 'worldwide.errors.noteTooLong' });
      await db
        .insertInto('city_keepers')
        .values({ city_id: city.id, user_id: member.id, note: note.trim() })
        .onConflict((conflict) => conflict.columns(['city_id', 'user_id']).doUpdateSet({ status: 'requested', note: note.trim(), requested_at: new Date(), decided_at: null, decided_by: null }).where('city_keepers.status', '=', 'declined'))
        .execute();
    },

    /** Requests waiting for an editor, oldest first. */
    async keeperRequests(actor: CurrentUser) {
      if (!can(actor, 'content.review')) throw new ForbiddenError();
      return db
        .selectFrom('city_keepers')
        .innerJoin('cities', 'cities.id', 'city_keepers.city_id')
        .innerJoin('users', 'users.id', 'city_keepers.user_id')
        .select(['city_keepers.city_id', 'city_keepers.user_id', 'city_keepers.note', 'city_keepers.requested_at', 'cities.name as city_name', 'cities.slug as city_slug', 'users.name as member_name', 'users.organisation'])
        .where('city_keepers.status', '=', 'requested')
        .where('users.deleted_at', 'is', null)
        .orderBy('city_keepers.requested_at')
        .execute();
    },

    async decideKeeping(actor: CurrentUser, cityId: number, userId: number, decision: string): Promise<void> {
      if (!can(actor, 'content.review')) throw new ForbiddenError();
      if (decision !== 'approved' && decision !== 'declined') throw new ValidationError({ decision: 'worldwide.errors.decision' });
      const result = await db
        .updateTable('city_keepers')
        .set({ status: decision, decided_by: actor.id, decided_at: new Date() })
        .where('city_id', '=', cityId)
        .where('user_id', '=', userId)
        .where('status', '=', 'requested')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new NotFoundError();
    },

    async profileForm(member: CurrentUser, slug: string): Promise<{ city: { id: number; slug: string; name: string }; form: CityProfileForm }> {
      const city = await queries.cityBySlug(db, slug);
      if (!city) throw new NotFoundError();
      if (!(await keeperOf(member, city.id))) throw new ForbiddenError();
      const profile = await db.selectFrom('city_profiles').selectAll().where('city_id', '=', city.id).executeTakeFirst();
      return {
        city,
        form: { integrationOffice: profile?.integration_office ?? '', contact: profile?.contact ?? '', approach: profile?.approach ?? '', links: (profile?.links ?? []).join('\n') },
      };
    },

    /** Keepers write their city's profile; links must be web addresses. */
    async saveProfile(member: CurrentUser, slug: string, form: CityProfileForm): Promise<void> {
      const city = await queries.cityBySlug(db, slug);
      if (!city) throw new NotFoundError();
      if (!(await keeperOf(member, city.id))) throw new ForbiddenError();
      const errors: Record<string, string> = {};
      if (form.integrationOffice.length > PROFILE_LIMITS.integrationOffice) errors.integrationOffice = 'worldwide.errors.tooLong';
      if (form.contact.length > PROFILE_LIMITS.contact) errors.contact = 'worldwide.errors.tooLong';
      if (form.approach.length > PROFILE_LIMITS.approach) errors.approach = 'worldwide.errors.tooLong';
      const lines = form.links.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
      const links = lines.map((line) => safeHttpUrl(line));
      if (links.some((link) => link === undefined) || lines.length > PROFILE_LIMITS.links) errors.links = 'worldwide.errors.links';
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      const values = {
        integration_office: form.integrationOffice.trim(),
        contact: form.contact.trim(),
        approach: form.approach.trim(),
        links: links.flatMap((link) => (link ? [link] : [])),
        updated_by: member.id,
        updated_at: new Date(),
      };
      await db.insertInto('city_profiles').values({ city_id: city.id, ...values }).onConflict((conflict) => conflict.column('city_id').doUpdateSet(values)).execute();
    },
  };
}

export type WorldwideService = ReturnType<typeof worldwideService>;
