import { countryName } from '../../../lib/countries.ts';
import { countryShapes, MAP_WIDTH, projectPlace, worldBase } from '../../../lib/world-map.ts';
import type { ViewContext } from '../../../platform/context.ts';
import type { CityCount, CountryCount } from '../queries.ts';

/** Shades from light to dark teal, each with enough contrast to tell the next apart. */
export const SHADES = ['#d5ecee', '#9fd3d8', '#5fb0b8', '#2a8790', '#00636b'] as const;
const EMPTY = '#e5e7e9';

/**
 * Upper bounds of the shade classes: quantiles of the counts that are not zero, so that every
 * shade is used whatever the spread; fewer classes when there are few distinct counts.
 */
export function shadeBounds(counts: readonly number[]): number[] {
  const values = [...new Set(counts.filter((count) => count > 0))].sort((a, b) => a - b);
  if (values.length <= SHADES.length) return values;
  return SHADES.map((_, index) => values[Math.min(values.length - 1, Math.ceil(((index + 1) * values.length) / SHADES.length) - 1)] as number);
}

export function shadeOf(count: number, bounds: readonly number[]): string {
  if (count <= 0) return EMPTY;
  const index = bounds.findIndex((bound) => count <= bound);
  const offset = SHADES.length - bounds.length;
  return SHADES[Math.max(0, offset + (index < 0 ? bounds.length - 1 : index))] as string;
}

export interface WorldMapSvgProps {
  ctx: ViewContext;
  countries: readonly CountryCount[];
  cities: readonly CityCount[];
  /** The accessible name: what the map shows. */
  label: string;
  /** Where a country or city links to, with the page's filters. */
  countryHref: (iso2: string) => string;
  cityHref: (slug: string) => string;
  countLabel: (count: number) => string;
}

/**
 * The world drawn on the server: every country shaded by its count and a link to its page, cities
 * as circles sized by count. Works without JavaScript, and each shape names itself for screen
 * readers and on hover; the table beneath gives the same numbers.
 */
export function WorldMapSvg({ ctx, countries, cities, label, countryHref, cityHref, countLabel }: WorldMapSvgProps) {
  const byCountry = new Map(countries.map((row) => [row.country, row.count]));
  const bounds = shadeBounds(countries.map((row) => row.count));
  const largest = Math.max(1, ...cities.map((city) => city.count));
  const { height } = worldBase();
  return (
    <svg class="world-map__svg" xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${MAP_WIDTH} ${height}`} role="group" aria-label={label}>
      {countryShapes().map((shape) => {
        const count = byCountry.get(shape.iso2) ?? 0;
        const name = countryName(shape.iso2, ctx.locale);
        return (
          <a key={shape.iso2} href={countryHref(shape.iso2)} aria-label={`${name}: ${countLabel(count)}`}>
            <title>{`${name}: ${countLabel(count)}`}</title>
            <path d={shape.path} fill={shadeOf(count, bounds)} stroke="#ffffff" stroke-width="0.5" />
          </a>
        );
      })}
      {cities.map((city) => {
        const point = projectPlace(city);
        if (!point) return null;
        const radius = Math.round((2 + 7 * Math.sqrt(city.count / largest)) * 10) / 10;
        return (
          <a key={city.slug} href={cityHref(city.slug)} aria-label={`${city.name}: ${countLabel(city.count)}`}>
            <title>{`${city.name}: ${countLabel(city.count)}`}</title>
            <circle cx={point.x} cy={point.y} r={radius} fill="#d4351c" fill-opacity="0.8" stroke="#ffffff" stroke-width="0.8" />
          </a>
        );
      })}
    </svg>
  );
}

/** A square of a shade: drawn, not styled, so that the page needs no inline style. */
function Swatch({ colour }: { colour: string }) {
  return (
    <svg class="world-map__swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <rect width="14" height="14" fill={colour} stroke="#505a5f" stroke-width="0.5" />
    </svg>
  );
}

/** The legend of the shades: what range of counts each colour stands for. */
export function MapLegend({ ctx, counts, title }: { ctx: ViewContext; counts: readonly number[]; title: string }) {
  const bounds = shadeBounds(counts);
  const offset = SHADES.length - bounds.length;
  return (
    <figure class="world-map__legend">
      <figcaption>{title}</figcaption>
      <ul>
        <li>
          <Swatch colour={EMPTY} /> {ctx.t('worldwide.map.none')}
        </li>
        {bounds.map((bound, index) => {
          const low = index === 0 ? 1 : (bounds[index - 1] as number) + 1;
          return (
            <li key={bound}>
              <Swatch colour={SHADES[offset + index] ?? EMPTY} />{' '}
              {low === bound ? String(bound) : ctx.t('worldwide.map.range', { low, high: bound })}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
