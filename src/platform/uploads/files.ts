import type { AttachmentType } from '../../db/schema/attachments.ts';
import { ImageMetadataError, isJpeg, isPng, stripImageMetadata } from './image-metadata.ts';

/**
 * What an uploaded file really is, decided from its first bytes: neither its name nor the type
 * the browser claims can be trusted. Images lose their metadata before anything is stored.
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
  bytes: Buffer;
  /** The upload went past the size limit and was cut off. */
  truncated: boolean;
}

export interface PreparedAttachment {
  filename: string;
  mediaType: AttachmentType;
  bytes: Buffer;
}

export type PrepareResult = { ok: true; attachment: PreparedAttachment } | { ok: false; error: string };

/** Checks one upload and readies it for storage; `error` is a translation key. */
export function prepareAttachment(file: UploadedFile): PrepareResult {
  if (file.truncated || file.bytes.length > MAX_ATTACHMENT_BYTES) return { ok: false, error: 'practices.errors.fileTooLarge' };
  if (file.bytes.length === 0) return { ok: false, error: 'practices.errors.fileEmpty' };
  const mediaType = sniffMediaType(file.bytes);
  if (!mediaType) return { ok: false, error: 'practices.errors.fileTypeInvalid' };
  let bytes = file.bytes;
  if (mediaType !== 'application/pdf') {
    try {
      bytes = stripImageMetadata(file.bytes);
    } catch (error) {
      if (error instanceof ImageMetadataError) return { ok: false, error: 'practices.errors.fileDamaged' };
      throw error;
    }
  }
  return { ok: true, attachment: { filename: downloadName(file.filename, mediaType), mediaType, bytes } };
}

/**
 * Every upload of one form post, checked together: the first problem is reported for the
 * `attachments` field and nothing is kept, so a refused form stores no file at all.
 */
export function prepareAttachments(files: readonly UploadedFile[]): { attachments: PreparedAttachment[]; error?: string } {
  const chosen = files.filter((file) => file.filename !== '' || file.bytes.length > 0);
  if (chosen.length > MAX_FILES_PER_UPLOAD) return { attachments: [], error: 'practices.errors.tooManyFiles' };
  const attachments: PreparedAttachment[] = [];
  for (const file of chosen) {
    const result = prepareAttachment(file);
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
