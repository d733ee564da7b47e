import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Vocabulary } from '../../db/schema/taxonomies.ts';
import type { Term } from '../taxonomies/index.ts';
import { samplePractice } from './fixtures.ts';
import {
  emptyPracticeForm,
  errorAnchor,
  fieldsFromInput,
  formBodyOf,
  formErrors,
  parseAmount,
  parsePracticeForm,
  parseWholeNumber,
  practiceSlugFrom,
  readPracticeForm,
} from './practice-form.ts';

const sampleBody = () => formBodyOf(fieldsFromInput(samplePractice()));

/** The sample's terms, as the taxonomy service would list them. */
function sampleTaxonomy(): Map<Vocabulary, Term[]> {
  const terms: [Vocabulary, string][] = [
    ['dimension', 'socio_economic'],
    ['pillar', 'language_communication'],
    ['topic', 'housing'],
    ['topic', 'employment'],
    ['target_group', 'refugees_asylum_seekers'],
    ['gcm_objective', 'gcm16'],
    ['sdg_target', 'sdg_10_7'],
  ];
  const map = new Map<Vocabulary, Term[]>();
  terms.forEach(([vocabulary, code], id) => map.set(vocabulary, [...(map.get(vocabulary) ?? []), { id, vocabulary, code, labels: { en: code } }]));
  return map;
}

describe('parsePracticeForm', () => {
  test('a filled-in form gives back the record it was filled from', () => {
    const { input, errors } = parsePracticeForm(sampleBody(), 'fr');
    assert.deepEqual(errors, {});
    assert.deepEqual(input, samplePractice());
  });

  test('an empty form is a blank draft in the page language', () => {
    const { input, errors } = parsePracticeForm({}, 'fr');
    assert.deepEqual(errors, {});
    assert.equal(input.language, 'fr');
    assert.equal(input.evidenceLevel, 'none');
    assert.equal(input.city, null);
    assert.equal(input.contact, null);
    assert.deepEqual(input.organisations, []);
    assert.equal(input.peopleReached, null);
    assert.equal(input.budgetAmount, null);
  });

  test('empty organisation and link rows are ignored, half-filled ones kept for validation', () => {
    const body = {
      organisation1Name: '',
      organisation1Type: '',
      organisation1Role: 'implementing',
      organisation2Name: 'Forum Réfugiés',
      organisation2Type: 'civil_society',
      organisation2Role: 'partner',
      organisation3Name: '',
      organisation3Type: 'media',
      organisation3Role: 'implementing',
      link1Url: '',
      link1Label: '',
      link2Url: 'https://example.org',
      link2Label: '',
    };
    const { input, fields } = parsePracticeForm(body, 'en');
    assert.deepEqual(input.organisations, [
      { name: 'Forum Réfugiés', stakeholderType: 'civil_society', role: 'partner' },
      { name: '', stakeholderType: 'media', role: 'implementing' },
    ]);
    assert.deepEqual(input.links, [{ url: 'https://example.org', label: '' }]);
    assert.equal(errorAnchor('organisations', fields), 'organisation2Name');
  });

  test('a zero budget is a budget; numbers are read as people write them', () => {
    assert.equal(parsePracticeForm({ budgetAmount: '0' }, 'en').input.budgetAmount, 0);
    assert.equal(parseWholeNumber('1 200'), 1200);
    assert.equal(parseWholeNumber('1,200'), 1200);
    assert.ok(Number.isNaN(parseWholeNumber('about 300')));
    assert.ok(Number.isNaN(parseWholeNumber('12.5')));
    assert.equal(parseAmount('15,000.50'), 15000.5);
    assert.equal(parseAmount('15 000,50'), 15000.5);
    assert.equal(parseAmount('15.000,50'), 15000.5);
    assert.equal(parseAmount('2500'), 2500);
    assert.ok(Number.isNaN(parseAmount('-5')));
    assert.ok(Number.isNaN(parseAmount('lots')));
  });

  test('the city takes the only chosen country, and asks for one otherwise', () => {
    const one = parsePracticeForm({ countries: 'PT', cityName: 'Lisboa', cityLatitude: '38,72', cityLongitude: '-9.14' }, 'pt' as 'en');
    assert.deepEqual(one.input.city, { name: 'Lisboa', country: 'PT', latitude: 38.72, longitude: -9.14 });
    const two = parsePracticeForm({ countries: ['PT', 'ES'], cityName: 'Lisboa', cityLatitude: '38.72', cityLongitude: '-9.14' }, 'en');
    assert.equal(two.errors.cityCountry, 'practices.errors.cityCountryRequired');
    const noCoordinates = parsePracticeForm({ countries: 'PT', cityName: 'Lisboa' }, 'en');
    assert.ok(Number.isNaN(noCoordinates.input.city?.latitude));
  });

  test('"adapted from" takes a Bridges address or a slug', () => {
    assert.equal(practiceSlugFrom('https://bridges.example/fr/practices/talking-faiths'), 'talking-faiths');
    assert.equal(practiceSlugFrom('/es/practices/talking-faiths/history'), 'talking-faiths');
    assert.equal(practiceSlugFrom('  talking-faiths '), 'talking-faiths');
    assert.equal(practiceSlugFrom('Talking Faiths in Leicester'), undefined);
    assert.equal(practiceSlugFrom('javascript:alert(1)'), undefined);
    assert.equal(parsePracticeForm({ adaptedFrom: 'Talking Faiths' }, 'en').errors.adaptedFrom, 'practices.errors.adaptedFromInvalid');
  });

  test('values come back exactly as typed, markup included', () => {
    const fields = readPracticeForm({ title: '<script>alert(1)</script>', peopleReached: 'about 300', topics: ['housing', 'nope'] });
    assert.equal(fields.title, '<script>alert(1)</script>');
    assert.equal(fields.peopleReached, 'about 300');
    assert.deepEqual(fields.topics, ['housing', 'nope']);
  });

  test('a tampered form that repeats a single field uses the first value', () => {
    assert.equal(readPracticeForm({ title: ['First', 'Second'] }).title, 'First');
  });

  test('round trip: reading the body of any fields gives the same fields', () => {
    const fields = fieldsFromInput(samplePractice({ links: [{ url: 'https://a.example', label: 'A' }] }));
    assert.deepEqual(readPracticeForm(formBodyOf(fields)), fields);
    assert.deepEqual(readPracticeForm(formBodyOf(emptyPracticeForm())), { ...emptyPracticeForm() });
  });
});

describe('formErrors', () => {
  test('collects unknown terms, bad dates and dangerous links, in the order of the form', () => {
    const body = {
      ...sampleBody(),
      topics: ['housing', 'made_up'],
      startDate: '2024-05-01',
      endDate: '2023-01-01',
      ongoing: '',
      link1Url: 'javascript:alert(1)',
      title: '',
    };
    const errors = formErrors(parsePracticeForm(body, 'en'), sampleTaxonomy(), { forSubmission: false });
    assert.deepEqual(Object.keys(errors), ['title', 'topics', 'endDate', 'links']);
    assert.equal(errors.topics, 'practices.errors.termUnknown');
    assert.equal(errors.endDate, 'practices.errors.endBeforeStart');
    assert.equal(errors.links, 'practices.errors.linkInvalid');
  });

  test('numbers and dates outside what can be stored get a message, not a database error', () => {
    const errorsOf = (fields: Record<string, string>) => formErrors(parsePracticeForm({ ...sampleBody(), ongoing: '', ...fields }, 'en'), sampleTaxonomy(), { forSubmission: false });
    assert.equal(errorsOf({ peopleReached: '3000000000' }).peopleReached, 'practices.errors.peopleReachedTooMany');
    assert.equal(errorsOf({ peopleReached: '1,000,000,000' }).peopleReached, undefined);
    assert.equal(errorsOf({ startDate: '0000-01-01' }).startDate, 'practices.errors.dateOutOfRange');
    assert.equal(errorsOf({ startDate: '1899-12-31' }).startDate, 'practices.errors.dateOutOfRange');
    assert.equal(errorsOf({ startDate: '1900-01-01', endDate: '2100-12-31' }).endDate, undefined);
    assert.equal(errorsOf({ endDate: '2101-01-01' }).endDate, 'practices.errors.dateOutOfRange');
    assert.equal(errorsOf({ lastConfirmedAt: '99999-01-01' }).lastConfirmedAt, 'practices.errors.dateInvalid');
    assert.equal(errorsOf({ budgetAmount: '999999999999.995', budgetCurrency: 'EUR' }).budgetAmount, 'practices.errors.budgetTooLarge');
    assert.equal(errorsOf({ budgetAmount: '999999999999.99', budgetCurrency: 'EUR' }).budgetAmount, undefined);
  });

  test('a submission must be complete; a draft need not be', () => {
    const parsed = parsePracticeForm({ title: 'Just a title' }, 'en');
    assert.deepEqual(formErrors(parsed, sampleTaxonomy(), { forSubmission: false }), {});
    const errors = formErrors(parsed, sampleTaxonomy(), { forSubmission: true });
    assert.ok(['summary', 'activities', 'outcomes', 'dimensions', 'topics', 'countries', 'organisations', 'startDate', 'contactName'].every((key) => key in errors));
  });
});

test('the content language is detected from the text unless the author chose one', () => {
  const spanish = {
    title: 'Festivales interculturales en Pichincha',
    summary: 'El gobierno provincial organiza cada año festivales donde las comunidades migrantes y la población local comparten música, comida y tradiciones.',
    activities: 'Los festivales reúnen a asociaciones de migrantes colombianos y venezolanos con vecinos del barrio durante tres días de actividades abiertas.',
  };
  assert.equal(parsePracticeForm({ ...spanish, language: '' }, 'en').input.language, 'es');
  assert.equal(parsePracticeForm({ ...spanish, language: 'pt' }, 'en').input.language, 'pt', 'the author has the last word');
  assert.equal(parsePracticeForm({ title: 'Short', language: '' }, 'fr').input.language, 'fr', 'too short to tell: the page language');
});
