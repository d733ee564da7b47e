import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cardPng, cardSvg, CARD_HEIGHT, CARD_WIDTH, fitsCard, renderedTextWidth, wrapLines } from './card.ts';
import { indicatorChartSvg } from './chart.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Zero-width non-joiner: keeps Arabic letters from joining, so they are drawn in their isolated forms. */
const NON_JOINER = '\u200c';

describe('share cards', () => {
  test('an Arabic card is a valid PNG of the card size, and its text is shaped', () => {
    const message = 'لا جدران بل جسور: المهاجرون يبنون مجتمعاتنا';
    const png = cardPng({ message, campaignName: 'لا جدران بل جسور', hashtag: '#NoWallsButBridges', language: 'ar' });
    assert.deepEqual(png.subarray(0, 8), PNG_SIGNATURE);
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
    assert.equal(png.readUInt32BE(16), CARD_WIDTH);
    assert.equal(png.readUInt32BE(20), CARD_HEIGHT);
    // Joined (shaped) letters are narrower than the same letters drawn apart; lam-alef is one glyph.
    const shaped = renderedTextWidth(message, 'ar');
    const unshaped = renderedTextWidth([...message].join(NON_JOINER), 'ar');
    assert.ok(shaped > 0 && unshaped - shaped > shaped * 0.05, `shaped ${shaped} px, unshaped ${unshaped} px`);
    assert.ok(renderedTextWidth('لا', 'ar') < renderedTextWidth(`ل${NON_JOINER}ا`, 'ar'), 'lam-alef is drawn as one ligature');
  });

  test('a right-to-left card is marked right to left, and user text is escaped', () => {
    const svg = cardSvg({ message: 'حقائق <script>', campaignName: 'A & B', hashtag: '#Tag', language: 'ar' });
    assert.match(svg, /direction="rtl"/);
    assert.match(svg, /&lt;script&gt;/);
    assert.match(svg, /A &amp; B/);
    assert.doesNotMatch(cardSvg({ message: 'Facts', campaignName: 'A', hashtag: '#Tag', language: 'fr' }), /direction="rtl"/);
  });

  test('a message that does not fit its card is refused; one that fits is wrapped at spaces', () => {
    assert.ok(fitsCard('Migrants are 3.4% of the world’s people and produce 9% of global GDP.'));
    assert.ok(!fitsCard('word '.repeat(60)));
    assert.deepEqual(wrapLines('aaa bbb ccc', 7), ['aaa bbb', 'ccc']);
  });
});

describe('indicator charts', () => {
  test('the chart draws each recorded value, the baseline and the target, as a labelled image', () => {
    const svg = indicatorChartSvg({
      id: 'indicator-1',
      title: 'Posts shared',
      description: 'From 0 to 1,200 against a target of 1,000',
      baseline: 0,
      target: 1000,
      points: [{ on: '2019-03-01', value: 150 }, { on: '2019-04-01', value: 640 }, { on: '2019-05-01', value: 1200 }],
      labels: { baseline: 'Baseline', target: 'Target' },
      formatNumber: (value) => String(value),
      formatDate: (on) => on,
    });
    assert.match(svg, /role="img" aria-labelledby="indicator-1-title indicator-1-desc"/);
    assert.equal(svg.match(/<circle /g)?.length, 3);
    assert.match(svg, /<path d="M/);
    assert.match(svg, />Target</);
    assert.match(svg, />2019-05-01</);
  });
});
