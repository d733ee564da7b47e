import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MAX_ATTACHMENT_BYTES, MAX_FILES_PER_UPLOAD, type UploadedFile } from './files.ts';

/**
 * Multipart form posts, taken in the registering plugin's scope only: the one reader for every
 * form that carries files. The fields become `request.body` like any form post (checked by the
 * route's schema and CSRF as usual); the files are read into memory, within the limits the
 * caller gives, and kept aside for the route.
 */

export interface UploadLimits {
  /** Bytes per file; a longer file is cut off and flagged `truncated`. */
  fileSize: number;
  files: number;
  fields: number;
  /** Bytes per text field. */
  fieldSize: number;
}

/** The limits of a content form with attachments (a practice, a resource). */
export const ATTACHMENT_FORM_LIMITS: UploadLimits = {
  fileSize: MAX_ATTACHMENT_BYTES,
  files: MAX_FILES_PER_UPLOAD,
  // Room for a long form with many ticked boxes; far more than a person sends, far less than a flood.
  fields: 300,
  // Above the longest text a field accepts (8,000 characters of up to 4 bytes).
  fieldSize: 100_000,
};

export interface RequestUploads {
  files: UploadedFile[];
  /** A translation key when the post broke a limit (too many files or fields). */
  problem?: string;
}

const uploadsByRequest = new WeakMap<FastifyRequest, RequestUploads>();

/** The files sent with this request; none for an urlencoded post. */
export function uploadsOf(request: FastifyRequest): RequestUploads {
  return uploadsByRequest.get(request) ?? { files: [] };
}

async function readFile(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function addField(fields: Map<string, string | string[]>, name: string, value: string): void {
  const existing = fields.get(name);
  if (existing === undefined) fields.set(name, value);
  else fields.set(name, Array.isArray(existing) ? [...existing, value] : [existing, value]);
}

function isLimitError(app: FastifyInstance, error: unknown): boolean {
  const { FilesLimitError, FieldsLimitError, PartsLimitError } = app.multipartErrors;
  return error instanceof FilesLimitError || error instanceof FieldsLimitError || error instanceof PartsLimitError;
}

/**
 * preValidation hook: reads every part. A file over the size limit is cut off by the parser
 * and flagged (`truncated`) rather than failing the request, so the form can say so.
 */
async function collectParts(this: FastifyInstance, request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const fields = new Map<string, string | string[]>();
  const uploads: RequestUploads = { files: [] };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await readFile(part.file);
        uploads.files.push({ fieldname: part.fieldname, filename: part.filename, bytes, truncated: part.file.truncated });
      } else if (typeof part.value === 'string') {
        addField(fields, part.fieldname, part.value);
      }
    }
  } catch (error) {
    if (!isLimitError(this, error)) throw error;
    uploads.problem = 'practices.errors.uploadLimits';
  }
  // fromEntries defines own properties, so a field named like a prototype key stays data.
  request.body = Object.fromEntries(fields);
  uploadsByRequest.set(request, uploads);
}

/** Registers multipart parsing in the caller's scope and returns the hook routes opt into. */
export async function acceptUploads(app: FastifyInstance, limits: UploadLimits = ATTACHMENT_FORM_LIMITS) {
  await app.register(multipart, { throwFileSizeLimit: false, limits: { ...limits } });
  return collectParts;
}
