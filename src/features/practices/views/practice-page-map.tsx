import { countryName } from '../../../lib/countries.ts';
import { practiceMap, type MapPlace } from '../../../lib/world-map.ts';
import type { ViewContext } from '../../../platform/context.ts';

export interface PracticeMapProps {
  ctx: ViewContext;
  countries: readonly string[];
  city: (MapPlace & { name: string }) | null;
}

/**
 * Where the practice happens, drawn on the server: its countries highlighted and a dot on its
 * city. Screen readers get the place names instead of the picture.
 */
export function PracticeMap({ ctx, countries, city }: PracticeMapProps) {
  if (countries.length === 0 && !city) return null;
  const picture = practiceMap(countries, city ? [city] : []);
  const names = [...(city ? [city.name] : []), ...countries.map((code) => countryName(code, ctx.locale))];
  const places = new Intl.ListFormat(ctx.locale, { type: 'conjunction' }).format(names);
  return (
    <figure class="practice-map">
      <svg
        class="practice-map__svg"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={picture.viewBox}
        role="img"
        aria-label={ctx.t('practicePage.map.label', { places })}
        focusable="false"
        preserveAspectRatio="xMidYMid meet"
      >
        <path class="practice-map__land" d={picture.land} fill="#d2d6d9" stroke="#ffffff" stroke-width="0.75" vector-effect="non-scaling-stroke" />
        {picture.highlight ? (
          <path
            class="practice-map__highlight"
            d={picture.highlight}
            fill="#00636b"
            stroke="#ffffff"
            stroke-width="0.75"
            vector-effect="non-scaling-stroke"
          />
        ) : null}
        {picture.dots.map((dot) => (
          <circle
            key={`${dot.x},${dot.y}`}
            class="practice-map__city"
            cx={dot.x}
            cy={dot.y}
            r={dot.r}
            fill="#d4351c"
            stroke="#ffffff"
            stroke-width="1.5"
            vector-effect="non-scaling-stroke"
          />
        ))}
      </svg>
    </figure>
  );
}
