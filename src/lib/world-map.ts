import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoNaturalEarth1, geoPath, type GeoContext, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Small world maps drawn on the server as SVG geometry: no tile server, no network, nothing to
 * run in the browser. The Natural Earth 1:110m countries (world-atlas) are read from disk once;
 * the projected outlines are computed on first use and kept, so a map costs a string join.
 */

/** Width of the projected world in SVG user units; heights follow from the projection. */
export const MAP_WIDTH = 1000;
/** Outlines stay within this many map units of Natural Earth's; then they are written with one decimal. */
const SIMPLIFY_TOLERANCE = 0.7;
/** A zoomed map never shows less than this share of the world's width, so the place keeps its context. */
const MIN_VIEW_SHARE = 0.22;

type Point = [number, number];
type CountryProperties = { name: string };
type CountryFeature = Feature<Polygon | MultiPolygon, CountryProperties>;

/**
 * ISO 3166-1 alpha-2 → numeric (the ids world-atlas uses). Kosovo has no ISO number; world-atlas
 * draws it without an id, so it is matched by name instead.
 */
const ISO_NUMERIC: Readonly<Record<string, string>> = Object.fromEntries(
  `AD020 AE784 AF004 AG028 AI660 AL008 AM051 AO024 AQ010 AR032 AS016 AT040 AU036 AW533 AX248 AZ031 BA070 BB052 BD050
BE056 BF854 BG100 BH048 BI108 BJ204 BL652 BM060 BN096 BO068 BQ535 BR076 BS044 BT064 BV074 BW072 BY112 BZ084 CA124 CC166
CD180 CF140 CG178 CH756 CI384 CK184 CL152 CM120 CN156 CO170 CR188 CU192 CV132 CW531 CX162 CY196 CZ203 DE276 DJ262 DK208
DM212 DO214 DZ012 EC218 EE233 EG818 EH732 ER232 ES724 ET231 FI246 FJ242 FK238 FM583 FO234 FR250 GA266 GB826 GD308 GE268
GF254 GG831 GH288 GI292 GL304 GM270 GN324 GP312 GQ226 GR300 GS239 GT320 GU316 GW624 GY328 HK344 HM334 HN340 HR191 HT332
HU348 ID360 IE372 IL376 IM833 IN356 IO086 IQ368 IR364 IS352 IT380 JE832 JM388 JO400 JP392 KE404 KG417 KH116 KI296 KM174
KN659 KP408 KR410 KW414 KY136 KZ398 LA418 LB422 LC662 LI438 LK144 LR430 LS426 LT440 LU442 LV428 LY434 MA504 MC492 MD498
ME499 MF663 MG450 MH584 MK807 ML466 MM104 MN496 MO446 MP580 MQ474 MR478 MS500 MT470 MU480 MV462 MW454 MX484 MY458 MZ508
NA516 NC540 NE562 NF574 NG566 NI558 NL528 NO578 NP524 NR520 NU570 NZ554 OM512 PA591 PE604 PF258 PG598 PH608 PK586 PL616
PM666 PN612 PR630 PS275 PT620 PW585 PY600 QA634 RE638 RO642 RS688 RU643 RW646 SA682 SB090 SC690 SD729 SE752 SG702 SH654
SI705 SJ744 SK703 SL694 SM674 SN686 SO706 SR740 SS728 ST678 SV222 SX534 SY760 SZ748 TC796 TD148 TF260 TG768 TH764 TJ762
TK772 TL626 TM795 TN788 TO776 TR792 TT780 TV798 TW158 TZ834 UA804 UG800 UM581 US840 UY858 UZ860 VA336 VC670 VE862 VG092
VI850 VN704 VU548 WF876 WS882 YE887 YT175 ZA710 ZM894 ZW716`
    .split(/\s+/)
    .filter(Boolean)
    .map((entry) => [entry.slice(0, 2), entry.slice(2)]),
);
const NAMED_WITHOUT_ID: Readonly<Record<string, string>> = { XK: 'Kosovo' };
const ANTARCTICA = '010';

/** Loaded at start-up from the installed package: the map never fetches anything. */
const topology = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-110m.json'), 'utf8'),
) as Topology<{ countries: GeometryCollection<CountryProperties> }>;

/** Squared distance from p to the segment a–b. */
function segmentDistanceSquared(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/** Douglas–Peucker: the points of an open line that keep it within `tolerance` of the original. */
function simplifyLine(points: readonly Point[], tolerance: number): Point[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const toleranceSquared = tolerance * tolerance;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let farthest = -1;
    let farthestDistance = toleranceSquared;
    for (let index = first + 1; index < last; index += 1) {
      const distance = segmentDistanceSquared(points[index] as Point, points[first] as Point, points[last] as Point);
      if (distance > farthestDistance) {
        farthest = index;
        farthestDistance = distance;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, index) => keep[index] === 1);
}

/** A closed ring, simplified as two lines: from its first point to the point farthest from it, and back. */
function simplifyRing(ring: readonly Point[], tolerance: number): Point[] {
  const start = ring[0];
  if (!start || ring.length < 4) return [...ring];
  let split = 0;
  let splitDistance = -1;
  ring.forEach(([x, y], index) => {
    const distance = (x - start[0]) ** 2 + (y - start[1]) ** 2;
    if (distance > splitDistance) {
      split = index;
      splitDistance = distance;
    }
  });
  const there = simplifyLine(ring.slice(0, split + 1), tolerance);
  const back = simplifyLine([...ring.slice(split), start], tolerance);
  return [...there, ...back.slice(1, -1)];
}

/** Numbers with one decimal, without the zeros SVG path data does not need (`.5`, `-.5`, `3`). */
function formatNumber(value: number): string {
  const text = value.toFixed(1).replace(/\.0$/, '').replace(/^(-?)0\./, '$1.');
  return text === '-0' ? '0' : text;
}

/** Tenths of a map unit, as integers, so that deltas add up exactly to the rounded positions. */
const tenths = (value: number): number => Math.round(value * 10);

/**
 * A d3-geo path context that writes compact SVG path data: each ring simplified within
 * SIMPLIFY_TOLERANCE map units, then written as relative moves with one decimal. That keeps the
 * whole world under about 40 KB.
 */
class CompactPathContext implements GeoContext {
  private parts: string[] = [];
  private ring: Point[] = [];

  moveTo(x: number, y: number): void {
    this.ring = [[x, y]];
  }

  lineTo(x: number, y: number): void {
    this.ring.push([x, y]);
  }

  closePath(): void {
    const points = simplifyRing(this.ring, SIMPLIFY_TOLERANCE).map(([x, y]): Point => [tenths(x), tenths(y)]);
    const distinct = points.filter((point, index) => index === 0 || point[0] !== points[index - 1]?.[0] || point[1] !== points[index - 1]?.[1]);
    this.ring = [];
    // A ring that shrank below a triangle at this scale is invisible: leave it out entirely.
    if (distinct.length < 3) return;
    const [first, ...rest] = distinct as [Point, ...Point[]];
    let text = `M${formatNumber(first[0] / 10)} ${formatNumber(first[1] / 10)}l`;
    let previous = first;
    rest.forEach((point, index) => {
      const dx = formatNumber((point[0] - previous[0]) / 10);
      const dy = formatNumber((point[1] - previous[1]) / 10);
      // Further pairs continue the `l`; a minus sign separates numbers by itself.
      text += `${index === 0 || dx.startsWith('-') ? '' : ' '}${dx}${dy.startsWith('-') ? '' : ' '}${dy}`;
      previous = point;
    });
    this.parts.push(`${text}z`);
  }

  beginPath(): void {}

  arc(): void {}

  result(): string {
    const text = this.parts.join('');
    this.parts = [];
    return text;
  }
}

/** Projected bounds: [[x0, y0], [x1, y1]]. */
type Bounds = [[number, number], [number, number]];

interface ProjectedCountry {
  path: string;
  bounds: Bounds;
  /** Bounds of the country's largest polygon, so that overseas parts do not zoom the map out. */
  mainBounds: Bounds;
}

export interface WorldBase {
  projection: GeoProjection;
  width: number;
  height: number;
  /** Every country in one path: the whole world's land. */
  land: string;
  countries: ReadonlyMap<string, ProjectedCountry>;
}

function largestPolygon(geometry: Polygon | MultiPolygon): Feature<Polygon> {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = polygons[0] ?? [];
  let bestArea = -1;
  for (const coordinates of polygons) {
    const area = geoArea({ type: 'Polygon', coordinates });
    if (area > bestArea) {
      best = coordinates;
      bestArea = area;
    }
  }
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: best } };
}

function buildBase(): WorldBase {
  const all = feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon, CountryProperties>;
  const shown: CountryFeature[] = all.features.filter((country) => country.id !== ANTARCTICA);
  const collection: FeatureCollection<Polygon | MultiPolygon, CountryProperties> = { type: 'FeatureCollection', features: shown };
  const projection = geoNaturalEarth1().fitWidth(MAP_WIDTH, collection);
  const context = new CompactPathContext();
  const draw = geoPath(projection, context);
  const measure = geoPath(projection);
  const [[, top], [, bottom]] = measure.bounds(collection);
  // Shift the world so that it starts at y = 0, then round the height up to a whole unit.
  projection.translate([projection.translate()[0], projection.translate()[1] - top]);
  const height = Math.ceil(bottom - top);

  const countries = new Map<string, ProjectedCountry>();
  const paths: string[] = [];
  for (const country of shown) {
    draw(country);
    const path = context.result();
    paths.push(path);
    const key = country.id === undefined ? `name:${country.properties.name}` : String(country.id);
    countries.set(key, { path, bounds: measure.bounds(country), mainBounds: measure.bounds(largestPolygon(country.geometry)) });
  }
  return { projection, width: MAP_WIDTH, height, land: paths.join(''), countries };
}

let base: WorldBase | undefined;

/** The projected world, computed once per process. */
export function worldBase(): WorldBase {
  base ??= buildBase();
  return base;
}

function countryKey(iso2: string): string | undefined {
  const named = NAMED_WITHOUT_ID[iso2];
  if (named) return `name:${named}`;
  return ISO_NUMERIC[iso2];
}

/** Whether the map can draw this country's outline (tiny states are not in the 1:110m data). */
export function hasOutline(iso2: string): boolean {
  const key = countryKey(iso2.toUpperCase());
  return key !== undefined && worldBase().countries.has(key);
}

export interface MapPlace {
  latitude: number;
  longitude: number;
}

export interface PracticeMapPicture {
  /** `x y width height`, zoomed on the places with some surroundings. */
  viewBox: string;
  /** The other countries in view, for the background. */
  land: string;
  /** The outlines of the chosen countries, drawn over the land ('' when none could be drawn). */
  highlight: string;
  /** The city dots, in map units, with a radius that reads well at the chosen zoom. */
  dots: { x: number; y: number; r: number }[];
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

function unionBounds(boxes: readonly Bounds[]): Bounds | undefined {
  if (boxes.length === 0) return undefined;
  let [[x0, y0], [x1, y1]] = boxes[0] as Bounds;
  for (const [[a0, b0], [a1, b1]] of boxes.slice(1)) {
    x0 = Math.min(x0, a0);
    y0 = Math.min(y0, b0);
    x1 = Math.max(x1, a1);
    y1 = Math.max(y1, b1);
  }
  return [[x0, y0], [x1, y1]];
}

/**
 * The view on the places: their bounds with a margin, widened to the map's aspect and to a
 * minimum size, and kept inside the world. Without any place it is the whole world.
 */
function viewOn(bounds: Bounds | undefined, world: WorldBase): [number, number, number, number] {
  if (!bounds) return [0, 0, world.width, world.height];
  // Every view has the world's proportions, so that pages can reserve the same box for any map.
  const aspect = world.width / world.height;
  const [[x0, y0], [x1, y1]] = bounds;
  const margin = 0.35;
  const width = Math.min(
    world.width,
    Math.max((x1 - x0) * (1 + 2 * margin), (y1 - y0) * (1 + 2 * margin) * aspect, world.width * MIN_VIEW_SHARE),
  );
  const height = width / aspect;
  const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
  const x = clamp((x0 + x1) / 2 - width / 2, 0, world.width - width);
  const y = clamp((y0 + y1) / 2 - height / 2, 0, world.height - height);
  return [x, y, width, height];
}

/**
 * The map of a practice: its countries (ISO alpha-2) highlighted and a dot on each city,
 * zoomed so that all of them show.
 */
export function practiceMap(countries: readonly string[], cities: readonly MapPlace[]): PracticeMapPicture {
  const world = worldBase();
  const outlines = [...new Set(countries.map((code) => countryKey(code.toUpperCase())))]
    .flatMap((key) => {
      const country = key === undefined ? undefined : world.countries.get(key);
      return country ? [country] : [];
    });
  const points = cities.flatMap((city) => {
    const point = world.projection([city.longitude, city.latitude]);
    return point ? [point] : [];
  });
  const bounds = unionBounds([
    ...outlines.map((country) => country.mainBounds),
    ...points.map(([x, y]): Bounds => [[x, y], [x, y]]),
  ]);
  const [x, y, width, height] = viewOn(bounds, world);
  const radius = round1(Math.max(width / 110, 1.5));
  const inView = ([[x0, y0], [x1, y1]]: Bounds) => x1 >= x && x0 <= x + width && y1 >= y && y0 <= y + height;
  const highlighted = new Set(outlines);
  const background = [...world.countries.values()].filter((country) => !highlighted.has(country) && inView(country.bounds));
  return {
    viewBox: [x, y, width, height].map(round1).join(' '),
    // Each country is drawn once, and a zoomed map leaves out those it cannot show: most of the bytes.
    land: highlighted.size === 0 && width >= world.width ? world.land : background.map((country) => country.path).join(''),
    highlight: outlines.map((country) => country.path).join(''),
    dots: points.map(([px, py]) => ({ x: round1(px), y: round1(py), r: radius })),
  };
}

const ISO2_BY_KEY: ReadonlyMap<string, string> = new Map([
  ...Object.entries(ISO_NUMERIC).map(([iso2, numeric]): [string, string] => [numeric, iso2]),
  ...Object.entries(NAMED_WITHOUT_ID).map(([iso2, name]): [string, string] => [`name:${name}`, iso2]),
]);

export interface CountryShape {
  /** ISO 3166-1 alpha-2, upper case. */
  iso2: string;
  path: string;
}

let shapes: readonly CountryShape[] | undefined;

/** Every country the map can draw, each its own path, for maps where each country is shaded and linked. */
export function countryShapes(): readonly CountryShape[] {
  shapes ??= [...worldBase().countries].flatMap(([key, country]) => {
    const iso2 = ISO2_BY_KEY.get(key);
    return iso2 ? [{ iso2, path: country.path }] : [];
  });
  return shapes;
}

/** A place's point on the world map, in map units; undefined when it falls outside it. */
export function projectPlace(place: MapPlace): { x: number; y: number } | undefined {
  const point = worldBase().projection([place.longitude, place.latitude]);
  return point ? { x: round1(point[0]), y: round1(point[1]) } : undefined;
}
