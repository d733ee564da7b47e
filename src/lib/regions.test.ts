import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COUNTRY_CODES } from './countries.ts';
import { REGIONS, SUBREGIONS, countriesWithoutRegion, regionName, regionOf, regionsOfCountries, subregionsOf } from './regions.ts';

describe('regionOf', () => {
  test('every country code has a region and a sub-region of that region', () => {
    assert.deepEqual(countriesWithoutRegion(), []);
    for (const country of COUNTRY_CODES) {
      const found = regionOf(country);
      assert.ok(found, country);
      assert.ok((REGIONS as readonly string[]).includes(found.region), country);
      assert.ok(subregionsOf(found.region).includes(found.subregion), country);
    }
  });

  test('places known countries where M49 does', () => {
    assert.deepEqual(regionOf('FR'), { region: '150', subregion: '155' });
    assert.deepEqual(regionOf('EC'), { region: '019', subregion: '419' });
    assert.deepEqual(regionOf('MA'), { region: '002', subregion: '015' });
    assert.deepEqual(regionOf('JO'), { region: '142', subregion: '145' });
    assert.deepEqual(regionOf('AU'), { region: '009', subregion: '053' });
    assert.deepEqual(regionOf('PT'), { region: '150', subregion: '039' });
    assert.deepEqual(regionOf('US'), { region: '019', subregion: '021' });
    assert.deepEqual(regionOf('SN'), { region: '002', subregion: '202' });
  });

  test('an unknown code has no region', () => {
    assert.equal(regionOf('ZZ'), undefined);
    assert.equal(regionOf('fr'), undefined);
  });

  test('lists no country twice and no code outside countries.ts', () => {
    const listed = SUBREGIONS.flatMap((subregion) => subregion.countries.split(' '));
    assert.equal(new Set(listed).size, listed.length);
    assert.deepEqual(listed.filter((country) => !COUNTRY_CODES.includes(country)), []);
    assert.equal(new Set(SUBREGIONS.map((subregion) => subregion.code)).size, SUBREGIONS.length);
  });

  test('collects the distinct regions of a list of countries', () => {
    assert.deepEqual(regionsOfCountries(['PT', 'FR', 'SN', 'ZZ']), ['002', '150']);
    assert.deepEqual(regionsOfCountries([]), []);
  });
});

describe('regionName', () => {
  test('names M49 codes in the reader’s language', () => {
    assert.equal(regionName('150', 'fr'), 'Europe');
    assert.equal(regionName('150', 'en'), 'Europe');
    assert.equal(regionName('019', 'es'), 'América');
    assert.notEqual(regionName('002', 'ar'), '002');
  });
});
