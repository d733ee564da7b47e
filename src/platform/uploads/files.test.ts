import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { samplePdf, sampleJpeg, samplePng } from '../../test/sample-files.ts';
import { contentDisposition, downloadName, prepareAttachments, sniffMediaType, type UploadedFile } from './files.ts';

let folder: string;
let received = 0;

/** A file as the multipart reader leaves it: on disk, with its name and size. */
async function upload(filename: string, bytes: Buffer, truncated = false): Promise<UploadedFile> {
  received += 1;
  const filePath = path.join(folder, `received-${received}`);
  await writeFile(filePath, bytes);
  return { filename, path: filePath, size: bytes.length, truncated };
}

before(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'bridges-files-'));
});
after(() => rm(folder, { recursive: true, force: true }));

describe('attachments', () => {
  test('the type comes from the content, never the name', () => {
    assert.equal(sniffMediaType(samplePdf()), 'application/pdf');
    assert.equal(sniffMediaType(samplePng()), 'image/png');
    assert.equal(sniffMediaType(sampleJpeg()), 'image/jpeg');
    assert.equal(sniffMediaType(Buffer.from('hello, not a pdf')), null);
  });

  test('a PNG named .pdf is kept as a PNG, with a matching extension and no metadata', async () => {
    const { attachments, error } = await prepareAttachments([await upload('report.pdf', samplePng({ text: 'secret' }))]);
    assert.equal(error, undefined);
    const [attachment] = attachments;
    assert.ok(attachment);
    assert.equal(attachment.mediaType, 'image/png');
    assert.equal(attachment.filename, 'report.png');
    const cleaned = await readFile(attachment.path);
    assert.equal(attachment.byteSize, cleaned.length);
    assert.ok(!cleaned.includes('secret'));
  });

  test('a bad, empty, cut-off or protected file refuses the whole upload', async () => {
    const good = await upload('a.pdf', samplePdf());
    assert.equal((await prepareAttachments([good, await upload('x.pdf', Buffer.from('text'))])).error, 'uploads.errors.fileTypeInvalid');
    assert.equal((await prepareAttachments([await upload('a.pdf', samplePdf(), true)])).error, 'uploads.errors.fileTooLarge');
    assert.equal((await prepareAttachments([await upload('e.pdf', Buffer.alloc(0))])).error, 'uploads.errors.fileEmpty');
    assert.deepEqual(await prepareAttachments([await upload('', Buffer.alloc(0))]), { attachments: [] });
    assert.equal((await prepareAttachments(Array.from({ length: 6 }, () => good))).error, 'uploads.errors.tooManyFiles');
    const cutJpeg = sampleJpeg().subarray(0, 40);
    assert.equal((await prepareAttachments([await upload('cut.jpg', cutJpeg)])).error, 'uploads.errors.fileDamaged');
    const garbagePdf = Buffer.from('%PDF-1.4\nnot really a document\n');
    assert.equal((await prepareAttachments([await upload('bad.pdf', garbagePdf)])).error, 'uploads.errors.fileDamaged');
    const encrypted = Buffer.from(samplePdf().toString('latin1').replace('trailer<<', 'trailer<</Encrypt<</Filter/Standard/V 1/R 2/O(x)/U(y)/P -4>>'), 'latin1');
    assert.equal((await prepareAttachments([await upload('locked.pdf', encrypted)])).error, 'uploads.errors.pdfProtected');
  });

  test('files are read one at a time from disk and the cleaned copies wait beside them', async () => {
    const files = [await upload('a.jpg', sampleJpeg({ exif: 'Canon' })), await upload('b.pdf', samplePdf({ author: 'Amina Secret' }))];
    const { attachments } = await prepareAttachments(files);
    assert.deepEqual(attachments.map((attachment) => path.dirname(attachment.path)), [folder, folder]);
    assert.ok((await readdir(folder)).includes(path.basename(attachments[1]?.path ?? '')));
  });

  test('download names lose paths and control characters, and headers stay ASCII', () => {
    assert.equal(downloadName('C:\\Users\\me\\Bilan 2024.PDF', 'application/pdf'), 'Bilan 2024.pdf');
    assert.equal(downloadName('../../etc/passwd', 'image/png'), 'passwd.png');
    assert.equal(downloadName('"\u0007.jpg', 'image/jpeg'), 'attachment.jpg');
    assert.equal(contentDisposition('تقرير.pdf'), `attachment; filename=".pdf"; filename*=UTF-8''${encodeURIComponent('تقرير.pdf')}`);
  });
});
