import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { samplePdf, sampleJpeg, samplePng } from '../../test/sample-files.ts';
import { contentDisposition, downloadName, prepareAttachments, sniffMediaType } from './files.ts';

describe('attachments', () => {
  test('the type comes from the content, never the name', () => {
    assert.equal(sniffMediaType(samplePdf()), 'application/pdf');
    assert.equal(sniffMediaType(samplePng()), 'image/png');
    assert.equal(sniffMediaType(sampleJpeg()), 'image/jpeg');
    assert.equal(sniffMediaType(Buffer.from('hello, not a pdf')), null);
  });

  test('a PNG named .pdf is kept as a PNG, with a matching extension and no metadata', () => {
    const { attachments, error } = prepareAttachments([{ filename: 'report.pdf', bytes: samplePng({ text: 'secret' }), truncated: false }]);
    assert.equal(error, undefined);
    assert.equal(attachments[0]?.mediaType, 'image/png');
    assert.equal(attachments[0]?.filename, 'report.png');
    assert.ok(!attachments[0]?.bytes.includes('secret'));
  });

  test('a bad, empty or cut-off file refuses the whole upload', () => {
    const good = { filename: 'a.pdf', bytes: samplePdf(), truncated: false };
    assert.equal(prepareAttachments([good, { filename: 'x.pdf', bytes: Buffer.from('text'), truncated: false }]).error, 'practices.errors.fileTypeInvalid');
    assert.equal(prepareAttachments([{ ...good, truncated: true }]).error, 'practices.errors.fileTooLarge');
    assert.equal(prepareAttachments([{ filename: 'e.pdf', bytes: Buffer.alloc(0), truncated: false }]).error, 'practices.errors.fileEmpty');
    assert.deepEqual(prepareAttachments([{ filename: '', bytes: Buffer.alloc(0), truncated: false }]), { attachments: [] });
    assert.equal(prepareAttachments(Array.from({ length: 6 }, () => good)).error, 'practices.errors.tooManyFiles');
  });

  test('download names lose paths and control characters, and headers stay ASCII', () => {
    assert.equal(downloadName('C:\\Users\\me\\Bilan 2024.PDF', 'application/pdf'), 'Bilan 2024.pdf');
    assert.equal(downloadName('../../etc/passwd', 'image/png'), 'passwd.png');
    assert.equal(downloadName('"\u0007.jpg', 'image/jpeg'), 'attachment.jpg');
    assert.equal(contentDisposition('تقرير.pdf'), `attachment; filename=".pdf"; filename*=UTF-8''${encodeURIComponent('تقرير.pdf')}`);
  });
});
