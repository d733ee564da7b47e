import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * PDF downloads (a campaign's report, a participant's certificate) made with pdfkit and the Noto
 * fonts shipped on npm, in the reader's language. pdfkit shapes Arabic letters (fontkit) but lays
 * a line out left to right, so right-to-left paragraphs are set here word by word from the right
 * margin.
 */

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  arabic: require.resolve('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
  arabicBold: require.resolve('@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf'),
};
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const PDF_MARGIN = 56;

type Doc = PDFKit.PDFDocument;

export interface ParagraphOptions {
  bold?: boolean;
  size?: number;
  /** Centred on the page (left-to-right text only; right-to-left lines are set from the right). */
  centred?: boolean;
}

export interface PdfWriter {
  readonly doc: Doc;
  paragraph(text: string, options?: ParagraphOptions): void;
  heading(text: string): void;
  /** Ends the document and gives its bytes. */
  finish(): Promise<Buffer>;
}

/** Markdown as plain paragraphs: a PDF is read on paper. */
export function plainText(markdown: string): string {
  return markdown.replace(/^#+\s*/gm, '').replace(/\*\*|__|`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
}

/** A right-to-left paragraph: words measured, broken into lines, each line set from the right. */
function rtlParagraph(doc: Doc, text: string, font: string, size: number): void {
  doc.font(font).fontSize(size);
  const width = doc.page.width - 2 * PDF_MARGIN;
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
      if (doc.y + size * 1.6 > doc.page.height - PDF_MARGIN) doc.addPage();
      const y = doc.y;
      let x = doc.page.width - PDF_MARGIN;
      for (const word of words) {
        const wordWidth = doc.widthOfString(word);
        x -= wordWidth;
        doc.text(word, x, y, { lineBreak: false });
        x -= space;
      }
      doc.x = PDF_MARGIN;
      doc.y = y + size * 1.6;
    }
  }
  doc.moveDown(0.4);
}

export function pdfWriter(info: { title: string; subject?: string; locale: string }): PdfWriter {
  const doc = new PDFDocument({ size: 'A4', margin: PDF_MARGIN, info: { Title: info.title, ...(info.subject ? { Subject: info.subject } : {}) }, lang: info.locale, displayTitle: true });
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
  const paragraph = (text: string, options: ParagraphOptions = {}) => {
    if (!text) return;
    const size = options.size ?? 11;
    if (ARABIC_SCRIPT.test(text)) return rtlParagraph(doc, text, options.bold ? 'arabicBold' : 'arabic', size);
    doc.font(options.bold ? 'bold' : 'regular').fontSize(size).text(text, PDF_MARGIN, doc.y, { width: doc.page.width - 2 * PDF_MARGIN, align: options.centred ? 'center' : 'left' });
    doc.moveDown(0.4);
  };
  return {
    doc,
    paragraph,
    heading(text) {
      doc.moveDown(0.6);
      paragraph(text, { bold: true, size: 14 });
    },
    finish() {
      doc.end();
      return done;
    },
  };
}
