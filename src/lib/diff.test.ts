import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diffLines, diffWords, lineTokens, sideOf, wordTokens } from './diff.ts';

describe('diffWords', () => {
  test('marks a replaced word and keeps the rest', () => {
    assert.deepEqual(diffWords('Language classes for adults', 'Language courses for adults'), [
      { kind: 'same', text: 'Language ' },
      { kind: 'removed', text: 'classes' },
      { kind: 'added', text: 'courses' },
      { kind: 'same', text: ' for adults' },
    ]);
  });

  test('reports additions and removals at either end', () => {
    assert.deepEqual(diffWords('Welcome desk', 'Welcome desk in Lyon'), [
      { kind: 'same', text: 'Welcome desk' },
      { kind: 'added', text: ' in Lyon' },
    ]);
    assert.deepEqual(diffWords('A new welcome desk', 'welcome desk'), [
      { kind: 'removed', text: 'A new ' },
      { kind: 'same', text: 'welcome desk' },
    ]);
  });

  test('equal texts are one unchanged run; empty texts give nothing', () => {
    assert.deepEqual(diffWords('same text', 'same text'), [{ kind: 'same', text: 'same text' }]);
    assert.deepEqual(diffWords('', ''), []);
    assert.deepEqual(diffWords('', 'new'), [{ kind: 'added', text: 'new' }]);
  });

  test('both sides rebuild exactly, whatever the edit', () => {
    const pairs: [string, string][] = [
      ['The mediators work in three hospitals.\nThey speak Arabic.', 'Mediators now work in five hospitals.\nThey speak Arabic and Tigrinya.'],
      ['a b c d e f', 'f e d c b a'],
      ['  spaced   out ', 'spaced out'],
      ['<script>alert(1)</script>', '<b>bold</b>'],
    ];
    for (const [before, after] of pairs) {
      const segments = diffWords(before, after);
      assert.equal(sideOf(segments, 'before'), before);
      assert.equal(sideOf(segments, 'after'), after);
    }
  });

  test('a very long rewrite falls back to a replacement instead of a huge table', () => {
    const before = Array.from({ length: 2500 }, (_, i) => `w${i}`).join(' ');
    const after = Array.from({ length: 2500 }, (_, i) => `v${i}`).join(' ');
    const segments = diffWords(before, after);
    assert.deepEqual(segments.map((s) => s.kind), ['removed', 'added']);
  });
});

describe('diffLines', () => {
  test('compares whole lines', () => {
    assert.deepEqual(diffLines('City of Lyon\nForum Réfugiés\n', 'City of Lyon\nCroix-Rouge\n'), [
      { kind: 'same', text: 'City of Lyon\n' },
      { kind: 'removed', text: 'Forum Réfugiés\n' },
      { kind: 'added', text: 'Croix-Rouge\n' },
    ]);
  });
});

test('tokenisers keep every character', () => {
  assert.equal(wordTokens(' a  b\nc ').join(''), ' a  b\nc ');
  assert.equal(lineTokens('a\n\nb').join(''), 'a\n\nb');
});
