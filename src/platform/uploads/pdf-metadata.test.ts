import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { samplePdf } from '../../test/sample-files.ts';
import { PdfMetadataError, stripPdfMetadata } from './pdf-metadata.ts';

describe('PDF metadata', () => {
  test('drops the document information and the XMP stream, and keeps a valid PDF with its pages and text', async () => {
    const original = samplePdf({ author: 'Amina Secret' });
    for (const hidden of ['/Author', 'Amina Secret', '/Producer', 'LibreOffice', 'Budget draft', 'xmpmeta']) assert.ok(original.includes(hidden), hidden);
    const stripped = Buffer.from(await stripPdfMetadata(original));
    for (const hidden of ['/Author', 'Amina Secret', '/Creator', '/Producer', 'LibreOffice', '/Title', 'Budget draft', '/Metadata', 'xmpmeta', 'pdf-lib']) {
      assert.ok(!stripped.includes(hidden), `no ${hidden}`);
    }
    assert.ok(stripped.includes('(Welcome desks) Tj'), 'the page text is kept');
    const reread = await PDFDocument.load(stripped, { updateMetadata: false });
    assert.equal(reread.getPageCount(), 1);
    assert.equal(reread.getAuthor(), undefined);
    assert.equal(reread.getTitle(), undefined);
  });

  test('drops what earlier edits left unreferenced, and metadata written by pdf-lib itself', async () => {
    const document = await PDFDocument.create();
    document.addPage();
    document.setAuthor('Zed Writer');
    document.setKeywords(['confidential']);
    // Compressed object streams hide the words from a byte search: read the result back instead.
    const stripped = await stripPdfMetadata(await document.save({ useObjectStreams: true }));
    const reread = await PDFDocument.load(stripped, { updateMetadata: false });
    assert.equal(reread.getAuthor(), undefined);
    assert.equal(reread.getKeywords(), undefined);
    assert.equal(reread.getProducer(), undefined);
    assert.ok(!Buffer.from(stripped).includes('Zed Writer'));

    const orphan = Buffer.from(samplePdf().toString('latin1').replace('trailer', '9 0 obj<</Author(Old Author)>>endobj\ntrailer'), 'latin1');
    assert.ok(!Buffer.from(await stripPdfMetadata(orphan)).includes('Old Author'));
  });

  test('refuses a file it cannot read, and says when it is protected', async () => {
    await assert.rejects(stripPdfMetadata(Buffer.from('%PDF-1.4\ngarbage')), (error: unknown) => error instanceof PdfMetadataError && !error.isProtected);
    const encrypted = Buffer.from(samplePdf().toString('latin1').replace('trailer<<', 'trailer<</Encrypt<</Filter/Standard/V 1/R 2/O(x)/U(y)/P -4>>'), 'latin1');
    await assert.rejects(stripPdfMetadata(encrypted), (error: unknown) => error instanceof PdfMetadataError && error.isProtected);
  });
});
