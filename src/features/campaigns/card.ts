import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { escapeXml } from '../../open-data/index.ts';

/**
 * Share cards: one image per key message, made on the server as SVG and rendered to PNG by resvg
 * (a Rust renderer with HarfBuzz-style shaping and bidi, so Arabic letters join and run right to
 * left). The fonts ship in npm packages (Noto Sans, Noto Sans Arabic); nothing is fetched and no
 * system font is read, so every machine draws the same card.
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const MARGIN = 72;
const MESSAGE_SIZE = 46;
const LINE_HEIGHT = 1.35;
/** Lines of message the card holds above its footer. */
export const CARD_MAX_LINES = 6;
/**
 * Characters per line: Noto Sans averages about 0.53 em a character in running text, so 40 of
 * them fill the text column (1056 px at 46 px) with some room to spare for wide words.
 */
const LINE_CHARACTERS = 40;

const require = createRequire(import.meta.url);
const FONT_FILES = [
  require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  require.resolve('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf'),
];

/** The message broken into lines at spaces; a word longer than a line is cut. */
export function wrapLines(message: string, width = LINE_CHARACTERS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of message.trim().split(/\s+/)) {
    for (let rest = word; rest.length > 0; ) {
      const candidate = line ? `${line} ${rest}` : rest;
      if (candidate.length <= width) {
        line = candidate;
        rest = '';
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Whether a message fits its card: what the message form checks before saving. */
export function fitsCard(message: string): boolean {
  return wrapLines(message).length <= CARD_MAX_LINES;
}

export interface CardText {
  message: string;
  campaignName: string;
  hashtag: string;
  /** ISO 639-1 code of the message's language: its direction follows. */
  language: string;
}

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur']);

export function cardSvg(card: CardText): string {
  const rtl = RTL_LANGUAGES.has(card.language);
  const family = rtl ? "'Noto Sans Arabic', 'Noto Sans'" : "'Noto Sans', 'Noto Sans Arabic'";
  // In a right-to-left card every line starts at the right margin.
  const x = rtl ? CARD_WIDTH - MARGIN : MARGIN;
  // resvg anchors "start" on the left whatever the direction: a right-to-left line is anchored at its end.
  const direction = rtl ? 'direction="rtl" text-anchor="end"' : 'text-anchor="start"';
  const lines = wrapLines(card.message).slice(0, CARD_MAX_LINES);
  const lineStep = Math.round(MESSAGE_SIZE * LINE_HEIGHT);
  const messageLines = lines
    .map((line, index) => `<text x="${x}" y="${MARGIN + MESSAGE_SIZE + index * lineStep}" ${direction} font-size="${MESSAGE_SIZE}" font-weight="700" fill="#0b0c0c">${escapeXml(line)}</text>`)
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${family}" lang="${escapeXml(card.language)}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#e6f2f3"/>`,
    `<rect x="0" y="${CARD_HEIGHT - 150}" width="${CARD_WIDTH}" height="150" fill="#00636b"/>`,
    messageLines,
    `<text x="${x}" y="${CARD_HEIGHT - 92}" ${direction} font-size="34" font-weight="700" fill="#ffffff">${escapeXml(card.hashtag)}</text>`,
    `<text x="${x}" y="${CARD_HEIGHT - 44}" ${direction} font-size="28" fill="#ffffff">${escapeXml(card.campaignName)}</text>`,
    '</svg>',
  ].join('');
}

export function cardPng(card: CardText): Buffer {
  return renderPng(cardSvg(card));
}

/** Any SVG of ours as PNG, with the bundled fonts only. */
export function renderPng(svg: string): Buffer {
  return renderer(svg).render().asPng();
}

/** resvg with the bundled fonts only: no system font is read, so every machine draws the same. */
function renderer(svg: string): Resvg {
  return new Resvg(svg, { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' } });
}

/** The width resvg gives a line of text in the bundled fonts: what tells shaped Arabic from unshaped. */
export function renderedTextWidth(textLine: string, language: string): number {
  const rtl = RTL_LANGUAGES.has(language);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="200"><text x="10" y="100" font-family="${rtl ? 'Noto Sans Arabic' : 'Noto Sans'}" font-size="${MESSAGE_SIZE}"${rtl ? ' direction="rtl"' : ''}>${escapeXml(textLine)}</text></svg>`;
  return renderer(svg).getBBox()?.width ?? 0;
}
