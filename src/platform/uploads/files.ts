import { readFile, writeFile } from 'node:fs/promises';
import type { AttachmentType } from '../../db/schema/attachments.ts';
import { ImageMetadataError, isJpeg, isPng, stripImageMetadata } from './image-metadata.ts';
import { PdfMetadataError } from './pdf-metadata-error.ts';

/**
 * What an uploaded file really is, decided from its first bytes: neither its name nor the type
 * the browser claims can be trusted. Images and PDFs lose their metadata before anything is
 * stored. Files wait on disk (see multipart.ts) and are read one at a time, so that a form with
 * several large files never holds more than one of them in memory.
 */

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_UPLOAD = 5;
/** Files one item (a practice, a resource) may hold in all. */
export const MAX_ATTACHMENTS_PER_ITEM = 10;
const MAX_FILENAME_LENGTH = 120;

const EXTENSIONS: Record<AttachmentType, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

export function sniffMediaType(bytes: Uint8Array): AttachmentType | null {
  if (bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-') return 'application/pdf';
  if (isPng(bytes)) return 'image/png';
  if (isJpeg(bytes)) return 'image/jpeg';
  return null;
}

/**
 * A name to offer when the file is downloaded: the base name the person gave, without control
 * or path characters, with the extension of what the file really is.
 */
export function downloadName(filename: string, mediaType: AttachmentType): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/\p{Cc}|["*:<>?|]/gu, '')
    .trim()
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .slice(0, MAX_FILENAME_LENGTH)
    .trim();
  return `${cleaned || 'attachment'}.${EXTENSIONS[mediaType]}`;
}

export interface UploadedFile {
  /** The form field the file came in. */
  fieldname?: string;
  filename: string;
  /** Where the received bytes wait on disk until the response is sent. */
  path: string;
  size: number;
  /** The upload went past the size limit and was cut off. */
  truncated: boolean;
}

export interface PreparedAttachment {
  filename: string;
  mediaType: AttachmentType;
  /** The checked file without its metadata, on disk until it is stored. */
  path: string;
  byteSize: number;
}

export type PrepareResult = { ok: true; attachment: PreparedAttachment } | { ok: false; error: string };

/** The file without what it says about its author, device or place; throws for a damaged file. */
async function withoutMetadata(bytes: Buffer, mediaType: AttachmentType): Promise<Uint8Array> {
  if (mediaType !== 'application/pdf') return stripImageMetadata(bytes);
  // pdf-lib is loaded on the first PDF rather than at start-up, which it would slow for every process.
  const { stripPdfMetadata } = await import('./pdf-metadata.ts');
  return stripPdfMetadata(bytes);
}

/** Checks one upload and readies it for storage, next to the received file; `error` is a translation key. */
export async function prepareAttachment(file: UploadedFile): Promise<PrepareResult> {
  if (file.truncated || file.size > MAX_ATTACHMENT_BYTES) return { ok: false, error: 'uploads.errors.fileTooLarge' };
  if (file.size === 0) return { ok: false, error: 'uploads.errors.fileEmpty' };
  const received = await readFile(file.path);
  const mediaType = sniffMediaType(received);
  if (!mediaType) return { ok: false, error: 'uploads.errors.fileTypeInvalid' };
  let cleaned: Uint8Array;
  try {
    cleaned = await withoutMetadata(received, mediaType);
  } catch (error) {
    if (error instanceof PdfMetadataError && error.isProtected) return { ok: false, error: 'uploads.errors.pdfProtected' };
    if (error instanceof ImageMetadataError || error instanceof PdfMetadataError) return { ok: false, error: 'uploads.errors.fileDamaged' };
    throw error;
  }
  const cleanedPath = `${file.path}.clean`;
  await writeFile(cleanedPath, cleaned, { flag: 'wx', mode: 0o600 });
  return { ok: true, attachment: { filename: downloadName(file.filename, mediaType), mediaType, path: cleanedPath, byteSize: cleaned.length } };
}

/**
 * Every upload of one form post, checked together: the first problem is reported for the
 * `attachments` field and nothing is kept, so a refused form stores no file at all.
 */
export async function prepareAttachments(files: readonly UploadedFile[]): Promise<{ attachments: PreparedAttachment[]; error?: string }> {
  // A file input left empty still sends a part, with no name and no bytes.
  const chosen = files.filter((file) => file.filename !== '' || file.size > 0);
  if (chosen.length > MAX_FILES_PER_UPLOAD) return { attachments: [], error: 'uploads.errors.tooManyFiles' };
  const attachments: PreparedAttachment[] = [];
  for (const file of chosen) {
    const result = await prepareAttachment(file);
    if (!result.ok) return { attachments: [], error: result.error };
    attachments.push(result.attachment);
  }
  return { attachments };
}

/** `Content-Disposition` for a download, with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(filename: string): string {
  const ascii = filename.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'attachment';
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
