import { COUNTRY_CODES } from './countries.ts';
import { displayNames } from './intl.ts';

/**
 * UN M49 geographic regions and sub-regions of the countries in `countries.ts`, for the map,
 * the region facet and the `regions` column of practices. Names are never stored:
 * `Intl.DisplayNames` knows the M49 codes and gives each one in the reader's language.
 *
 * Sub-regions follow the M49 standard, with Latin America and the Caribbean (419) and
 * Sub-Saharan Africa (202) taken as a whole. M49 lists Taiwan under China and has no code for
 * Kosovo: they are placed in Eastern Asia and Southern Europe, where their neighbours are.
 */
export const REGIONS = ['002', '019', '142', '150', '009'] as const;
export type RegionCode = (typeof REGIONS)[number];

export interface RegionOfCountry {
  region: string;
  subregion: string;
}

/** Each sub-region, the region it belongs to and its countries (ISO 3166-1 alpha-2). */
export const SUBREGIONS: readonly { code: string; region: RegionCode; countries: string }[] = [
  // Africa
  { code: '015', region: '002', countries: 'DZ EG EH LY MA SD TN' },
  {
    code: '202',
    region: '002',
    countries:
      'AO BF BI BJ BW CD CF CG CI CM CV DJ ER ET GA GH GM GN GQ GW IO KE KM LR LS MG ML MR MU MW MZ NA NE NG RE RW SC SH SL SN SO SS ST SZ TD TG TZ UG YT ZA ZM ZW',
  },
  // Americas
  { code: '021', region: '019', countries: 'BM CA GL PM US' },
  {
    code: '419',
    region: '019',
    countries:
      'AG AI AR AW BB BL BO BQ BR BS BZ CL CO CR CU CW DM DO EC FK GD GF GP GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI',
  },
  // Asia
  { code: '143', region: '142', countries: 'KG KZ TJ TM UZ' },
  { code: '030', region: '142', countries: 'CN HK JP KP KR MN MO TW' },
  { code: '035', region: '142', countries: 'BN ID KH LA MM MY PH SG TH TL VN' },
  { code: '034', region: '142', countries: 'AF BD BT IN IR LK MV NP PK' },
  { code: '145', region: '142', countries: 'AE AM AZ BH CY GE IL IQ JO KW LB OM PS QA SA SY TR YE' },
  // Europe
  { code: '151', region: '150', countries: 'BG BY CZ HU MD PL RO RU SK UA' },
  { code: '154', region: '150', countries: 'AX DK EE FI FO GB GG IE IM IS JE LT LV NO SE' },
  { code: '039', region: '150', countries: 'AD AL BA ES GI GR HR IT ME MK MT PT RS SI SM VA XK' },
  { code: '155', region: '150', countries: 'AT BE CH DE FR LI LU MC NL' },
  // Oceania
  { code: '053', region: '009', countries: 'AU CC CX NF NZ' },
  { code: '054', region: '009', countries: 'FJ NC PG SB VU' },
  { code: '057', region: '009', countries: 'FM GU KI MH MP NR PW UM' },
  { code: '061', region: '009', countries: 'AS CK NU PF PN TK TO TV WF WS' },
];

const byCountry: ReadonlyMap<string, RegionOfCountry> = new Map(
  SUBREGIONS.flatMap(({ code, region, countries }) =>
    countries.split(' ').map((country) => [country, { region, subregion: code }] as const),
  ),
);

/** The M49 region and sub-region of an ISO country code; undefined for an unknown code. */
export function regionOf(country: string): RegionOfCountry | undefined {
  return byCountry.get(country);
}

/** The sub-region codes of a region, in the order above. */
export function subregionsOf(region: string): string[] {
  return SUBREGIONS.filter((subregion) => subregion.region === region).map((subregion) => subregion.code);
}

/** The distinct region codes of a list of countries, e.g. for the `regions` column of a practice. */
export function regionsOfCountries(countries: readonly string[]): string[] {
  const regions = new Set<string>();
  for (const country of countries) {
    const found = byCountry.get(country);
    if (found) regions.add(found.region);
  }
  return [...regions].sort();
}

/** The name of an M49 region or sub-region in the reader's language, e.g. '150' → 'Europe'. */
export function regionName(code: string, locale: string): string {
  return displayNames(locale, 'region').of(code) ?? code;
}

/** Countries in `countries.ts` without a region: empty unless someone adds a code to one list only. */
export function countriesWithoutRegion(): string[] {
  return COUNTRY_CODES.filter((country) => !byCountry.has(country));
}
