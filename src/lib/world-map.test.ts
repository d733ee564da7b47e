import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasOutline, practiceMap, worldBase } from './world-map.ts';

const LYON = { latitude: 45.764, longitude: 4.8357 };
const LISBON = { latitude: 38.7223, longitude: -9.1393 };
const QUITO = { latitude: -0.1807, longitude: -78.4678 };

function viewBoxOf(picture: { viewBox: string }) {
  const [x, y, width, height] = picture.viewBox.split(' ').map(Number) as [number, number, number, number];
  return { x, y, width, height };
}

/** The absolute points of SVG path data written as `M x y l dx dy dx dy … z` rings. */
function pathPoints(d: string): [number, number][] {
  const points: [number, number][] = [];
  for (const ring of d.split('z').filter(Boolean)) {
    const match = /^M(-?[\d.]+) (-?[\d.]+)l(.*)$/.exec(ring);
    assert.ok(match, `unexpected ring ${ring.slice(0, 40)}`);
    let x = Number(match[1]);
    let y = Number(match[2]);
    points.push([x, y]);
    const deltas = (match[3] ?? '').match(/-?(?:\d+\.?\d*|\.\d+)/g)?.map(Number) ?? [];
    for (let index = 0; index + 1 < deltas.length; index += 2) {
      x += deltas[index] as number;
      y += deltas[index + 1] as number;
      points.push([x, y]);
    }
  }
  return points;
}

describe('world map', () => {
  test('projects north up and west left: Quito is west of and below Lisbon, which is west of Lyon', () => {
    const [lyon, lisbon, quito] = practiceMap([], [LYON, LISBON, QUITO]).dots;
    assert.ok(lyon && lisbon && quito);
    assert.ok(quito.x < lisbon.x && lisbon.x < lyon.x);
    assert.ok(quito.y > lisbon.y && lisbon.y > lyon.y);
  });

  test('the city dot falls inside the outline of its country, and both inside the view', () => {
    const picture = practiceMap(['FR'], [LYON]);
    const france = pathPoints(picture.highlight);
    assert.ok(france.length > 10, 'France is drawn');
    // Mainland France only: French Guiana is part of the same outline, far to the west and south.
    const mainland = france.filter(([x]) => x > 450);
    const xs = mainland.map(([x]) => x);
    const ys = mainland.map(([, y]) => y);
    const [dot] = picture.dots;
    assert.ok(dot);
    assert.ok(dot.x > Math.min(...xs) && dot.x < Math.max(...xs), 'dot within France east–west');
    assert.ok(dot.y > Math.min(...ys) && dot.y < Math.max(...ys), 'dot within France north–south');

    assert.ok(!picture.land.includes(picture.highlight), 'a highlighted country is drawn once, over the others');
    assert.equal(practiceMap(['FR', 'fr'], []).highlight, picture.highlight, 'codes are read once, in any case');

    const view = viewBoxOf(picture);
    assert.ok(dot.x > view.x && dot.x < view.x + view.width && dot.y > view.y && dot.y < view.y + view.height);
    assert.ok(view.width < worldBase().width / 2, 'a local practice is shown zoomed in');
  });

  test('a practice in two continents gets a view wide enough for both', () => {
    const picture = practiceMap(['PT', 'EC'], []);
    const view = viewBoxOf(picture);
    const [lisbon, quito] = practiceMap([], [LISBON, QUITO]).dots;
    assert.ok(lisbon && quito);
    for (const point of [lisbon, quito]) {
      assert.ok(point.x >= view.x && point.x <= view.x + view.width, 'both places in view');
      assert.ok(point.y >= view.y && point.y <= view.y + view.height, 'both places in view');
    }
  });

  test('without places it shows the whole world, every view keeps its proportions, and output stays small', () => {
    const world = worldBase();
    const picture = practiceMap([], []);
    assert.equal(picture.viewBox, `0 0 ${world.width} ${world.height}`);
    assert.equal(picture.highlight, '');
    assert.deepEqual(picture.dots, []);
    assert.ok(picture.land.length < 38_000, `whole world in ${picture.land.length} bytes`);
    assert.ok(/^(M[\d. l-]+z)+$/.test(picture.land), 'only rings of compact path data');
    assert.ok(!/\.\d\d/.test(picture.land), 'coordinates rounded to one decimal');

    const zoomed = viewBoxOf(practiceMap(['NL'], []));
    assert.ok(Math.abs(zoomed.width / zoomed.height - world.width / world.height) < 0.01);
    assert.ok(practiceMap(['NL'], []).land.length < picture.land.length / 2, 'a zoomed map leaves out what it cannot show');
  });

  test('knows which countries it can outline, including Kosovo, and ignores unknown codes', () => {
    assert.ok(hasOutline('FR'));
    assert.ok(hasOutline('xk'));
    assert.ok(!hasOutline('MT'), 'Malta is too small for the 1:110m data');
    assert.ok(!hasOutline('ZZ'));
    assert.equal(practiceMap(['ZZ', 'MT'], []).highlight, '');
  });

  test('the base map is computed once and reused', () => {
    assert.equal(worldBase(), worldBase());
  });
});
