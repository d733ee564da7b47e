import type { Db } from '../../db/client.ts';
import { PAGE_GENERATIONS } from '../../platform/page-cache.ts';
import { PRACTICE_KIND } from '../practices/index.ts';
import { RESOURCE_KIND } from '../resources/index.ts';
import * as queries from './queries.ts';
import { organisationCountsByCountry } from '../organisations/index.ts';
import { EVENT_KIND, upcomingCountsByCity, upcomingCountsByCountry } from '../events/index.ts';
import { CAMPAIGN_GENERATION, campaignCounts } from '../campaigns/index.ts';
import { LAB_GENERATION, labCounts, labServiceCounts } from '../labs/index.ts';

/**
 * The layers of the world map: each says what it counts per country and per city, and which
 * generations its numbers depend on. An area that comes later (events, labs, organisations) adds
 * one entry here and appears on the map, on country pages and in the table.
 */
export interface MapLayer {
  readonly name: string;
  /** Generations the counts depend on, for the page cache. */
  readonly dependsOn: readonly string[];
  /** Whether the practice search's filters apply to it. */
  readonly filtered: boolean;
  /** Counts per country and per city; `approximate` when they were estimated from a sample. */
  counts(db: Db, groups: queries.FacetGroups): Promise<LayerCounts>;
}

export interface LayerCounts {
  countries: queries.CountryCount[];
  cities: queries.CityCount[];
  approximate: boolean;
}

const exact = async (countries: Promise<queries.CountryCount[]>, cities: Promise<queries.CityCount[]> = Promise.resolve([])): Promise<LayerCounts> => ({
  countries: await countries,
  cities: await cities,
  approximate: false,
});

export const MAP_LAYERS: readonly MapLayer[] = [
  {
    name: 'practices',
    dependsOn: [PRACTICE_KIND, PAGE_GENERATIONS.taxonomy],
    filtered: true,
    counts: (db, groups) => queries.practiceCounts(db, groups),
  },
  {
    name: 'resources',
    dependsOn: [RESOURCE_KIND],
    filtered: false,
    counts: (db) => exact(queries.countsByCountry(db, RESOURCE_KIND)),
  },
  {
    name: 'organisations',
    dependsOn: [PAGE_GENERATIONS.organisation],
    filtered: false,
    counts: (db) => exact(organisationCountsByCountry(db)),
  },
  {
    // Upcoming events; one that has just ended still counts until the next change to any event.
    name: 'events',
    dependsOn: [EVENT_KIND],
    filtered: false,
    counts: (db) => exact(upcomingCountsByCountry(db, new Date()), upcomingCountsByCity(db, new Date())),
  },
  {
    // Campaigns by the countries they run in, and by their partner cities.
    name: 'campaigns',
    dependsOn: [CAMPAIGN_GENERATION, PAGE_GENERATIONS.taxonomy],
    filtered: false,
    counts: async (db) => ({ ...(await campaignCounts(db)), approximate: false }),
  },
  {
    // Labs that are planned or running, by country and by city.
    name: 'labs',
    dependsOn: [LAB_GENERATION, PAGE_GENERATIONS.taxonomy],
    filtered: false,
    counts: async (db) => ({ ...(await labCounts(db)), approximate: false }),
  },
  {
    // Services for newcomers (basic needs, housing, health care, legal aid, language courses, employment) that labs list.
    name: 'services',
    dependsOn: [LAB_GENERATION, PAGE_GENERATIONS.taxonomy],
    filtered: false,
    counts: async (db) => ({ ...(await labServiceCounts(db)), approximate: false }),
  },
  {
    name: 'members',
    dependsOn: [PAGE_GENERATIONS.member, PAGE_GENERATIONS.taxonomy],
    filtered: false,
    counts: (db) => exact(queries.memberCountsByCountry(db), queries.memberCountsByCity(db)),
  },
];

export const DEFAULT_LAYER = 'practices';

export function layerNamed(name: string | undefined): MapLayer | undefined {
  return MAP_LAYERS.find((layer) => layer.name === (name ?? DEFAULT_LAYER));
}

/** Every generation any layer depends on: the map and place pages are cached against them all. */
export const ALL_LAYER_GENERATIONS: readonly string[] = [...new Set(MAP_LAYERS.flatMap((layer) => layer.dependsOn))];
