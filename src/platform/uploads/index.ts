/**
 * Uploaded files for every kind of content: the multipart reader (which checks the sender before
 * reading a file), what a file really is and the checks it must pass, images and PDFs stripped of
 * their metadata, and storage on disk.
 */
export { attachmentStore, type AttachmentStore } from './store.ts';
export {
  contentDisposition,
  downloadName,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_ITEM,
  MAX_FILES_PER_UPLOAD,
  prepareAttachment,
  prepareAttachments,
  sniffMediaType,
  type PreparedAttachment,
  type PrepareResult,
  type UploadedFile,
} from './files.ts';
export {
  acceptUploads,
  ATTACHMENT_FORM_LIMITS,
  incomingDirectory,
  maxUploadBytes,
  removeAbandonedUploads,
  uploadsOf,
  type RequestUploads,
  type UploadLimits,
  type UploadRoute,
} from './multipart.ts';
export { ImageMetadataError, stripImageMetadata } from './image-metadata.ts';
export { PdfMetadataError } from './pdf-metadata-error.ts';
export { kindAttachments, type AttachmentOptions, type KindAttachments, type StoredAttachment } from './attachments.ts';
export { findAttachments as listAttachments } from './queries.ts';
export { ATTACHMENT_PARAMS, sendAttachment, type OpenedAttachment } from './download.ts';
