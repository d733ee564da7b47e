import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { translator, type Locale } from '../../platform/i18n.ts';
import type { CampaignDetail } from './service.ts';
import { amountText, budgetText, dayText } from './views/format.ts';

/**
 * The campaign's report as a PDF (pdfkit), in the reader's language, with the same fonts as the
 * share cards. pdfkit shapes Arabic letters (fontkit) but lays a line out left to right, so
 * right-to-left paragraphs are set here word by word from the right margin.
 */

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  arabic: require.resolve('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
  arabicBold: require.resolve('@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf'),
};
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const MARGIN = 56;

type Doc = PDFKit.PDFDocument;

/** Markdown as plain paragraphs: the report is read on paper. */
function plain(markdown: string): string {
  return markdown.replace(/^#+\s*/gm, '').replace(/\*\*|__|`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
}

/** A right-to-left paragraph: words measured, broken into lines, each line set from the right. */
function rtlParagraph(doc: Doc, text: string, font: string, size: number): void {
  doc.font(font).fontSize(size);
  const width = doc.page.width - 2 * MARGIN;
  const space = doc.widthOfString(' ');
  for (const paragraph of text.split(/\n+/)) {
    const lines: string[][] = [];
    let line: string[] = [];
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const wordWidth = doc.widthOfString(word);
      if (line.length > 0 && used + space + wordWidth > width) {
        lines.push(line);
        line = [];
        used = 0;
      }
      used += (line.length > 0 ? space : 0) + wordWidth;
      line.push(word);
    }
    if (line.length > 0) lines.push(line);
    for (const words of lines) {
      if (doc.y + size * 1.6 > doc.page.height - MARGIN) doc.addPage();
      const y = doc.y;
      let x = doc.page.width - MARGIN;
      for (const word of words) {
        const wordWidth = doc.widthOfString(word);
        x -= wordWidth;
        doc.text(word, x, y, { lineBreak: false });
        x -= space;
      }
      doc.x = MARGIN;
      doc.y = y + size * 1.6;
    }
  }
  doc.moveDown(0.4);
}

function paragraph(doc: Doc, text: string, options: { bold?: boolean; size?: number } = {}): void {
  if (!text) return;
  const size = options.size ?? 11;
  if (ARABIC_SCRIPT.test(text)) return rtlParagraph(doc, text, options.bold ? 'arabicBold' : 'arabic', size);
  doc.font(options.bold ? 'bold' : 'regular').fontSize(size).text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.4);
}

export async function campaignReportPdf(detail: CampaignDetail, locale: Locale, pageUrl: string): Promise<Buffer> {
  const t = translator(locale);
  const { row } = detail;
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: t('campaigns.report.title', { name: row.name }), Subject: row.hashtag }, lang: locale, displayTitle: true });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('arabic', FONTS.arabic);
  doc.registerFont('arabicBold', FONTS.arabicBold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const heading = (text: string) => {
    doc.moveDown(0.6);
    paragraph(doc, text, { bold: true, size: 14 });
  };
  const when = row.ends_on ? t('campaigns.page.fromTo', { from: dayText(locale, row.starts_on), to: dayText(locale, row.ends_on) }) : t('campaigns.page.since', { from: dayText(locale, row.starts_on) });

  paragraph(doc, t('campaigns.report.title', { name: row.name }), { bold: true, size: 20 });
  paragraph(doc, `${row.hashtag} · ${when}`);
  paragraph(doc, pageUrl, { size: 9 });
  if (row.problem) {
    heading(t('campaigns.page.problem'));
    paragraph(doc, row.problem);
  }
  if (row.objectives) {
    heading(t('campaigns.page.objectives'));
    paragraph(doc, plain(row.objectives));
  }
  heading(t('campaigns.page.messages'));
  for (const message of detail.messages) paragraph(doc, `${t(`myths.audiences.${message.audience}`)}: ${message.body}`);
  heading(t('campaigns.report.reach'));
  paragraph(doc, t('campaigns.page.supporterCount', { count: row.supporter_count }));
  for (const indicator of detail.indicators) {
    const latest = indicator.values[indicator.values.length - 1];
    paragraph(doc, t('campaigns.report.indicatorLine', {
      name: indicator.name,
      baseline: amountText(locale, Number(indicator.baseline)),
      target: amountText(locale, Number(indicator.target)),
      latest: latest ? `${amountText(locale, Number(latest.value))} (${dayText(locale, latest.on)})` : t('campaigns.progress.none'),
    }));
  }
  heading(t('campaigns.page.budget'));
  paragraph(doc, row.budget === null ? t('campaigns.page.budgetUnknown') : budgetText(locale, row.budget, row.budget_currency));
  if (row.success_factors) {
    heading(t('campaigns.page.successFactors'));
    paragraph(doc, plain(row.success_factors));
  }
  if (row.results) {
    heading(t('campaigns.page.results'));
    paragraph(doc, plain(row.results));
  }
  if (row.recommendations) {
    heading(t('campaigns.page.recommendations'));
    paragraph(doc, plain(row.recommendations));
  }
  doc.end();
  return done;
}
