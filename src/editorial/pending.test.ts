import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { changedCharacters, isSmallCorrection, SMALL_CORRECTION_MAX_CHANGED_CHARACTERS } from './pending.ts';

interface Note {
  title: string;
  body: string;
  tags: string[];
}

const published: Note = { title: 'Welcome desks', body: 'Waiting times fell and more newcomers enrolled in courses.', tags: ['housing'] };
const correctable = ['body'] as const;

describe('small corrections', () => {
  test('a typo in a correctable text is small', () => {
    assert.equal(isSmallCorrection(published, { ...published, body: 'Waiting times fell and more newcomers enroled in courses.' }, correctable, false), true);
  });

  test('the same record built in another key order is no change at all', () => {
    const reordered: Note = { tags: ['housing'], body: published.body, title: published.title };
    assert.equal(isSmallCorrection(published, reordered, correctable, false), true);
  });

  test('a new sentence past the limit, a new title, another tag or a file is not small', () => {
    const sentence = ' A follow-up survey a year later showed that most of them had found stable work and housing in the city.';
    assert.ok(sentence.length > SMALL_CORRECTION_MAX_CHANGED_CHARACTERS);
    assert.equal(isSmallCorrection(published, { ...published, body: published.body + sentence }, correctable, false), false);
    assert.equal(isSmallCorrection(published, { ...published, title: 'Welcome desk' }, correctable, false), false);
    assert.equal(isSmallCorrection(published, { ...published, tags: ['housing', 'work'] }, correctable, false), false);
    assert.equal(isSmallCorrection(published, published, correctable, true), false);
  });

  test('changed characters count the words removed and added', () => {
    assert.equal(changedCharacters('fell by half', 'fell by a third'), 'half'.length + 'a third'.length);
    assert.equal(changedCharacters('same', 'same'), 0);
  });
});
