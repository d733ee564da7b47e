import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { AppError } from '../errors.ts';
import { requireCapability, requireUser } from '../guards.ts';
import type { Capability } from '../permissions.ts';
import { MAX_ATTACHMENT_BYTES, MAX_FILES_PER_UPLOAD, type UploadedFile } from './files.ts';

/**
 * Multipart form posts, taken in the registering plugin's scope only: the one reader for every
 * form that carries files. Nothing of the body is read until the sender is known to be allowed:
 * the declared length first (413), then the session and the capability the route declares,
 * then the CSRF token, from a header or from the form's first field (forms put `_csrf` first and
 * browsers send fields in document order). A refused post is answered without reading the rest
 * of its body and its connection is closed. Files are streamed to disk within the size limit and
 * removed once the response is sent; the fields become `request.body` like any form post.
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

/** Room for one part's boundary and headers (field name, file name, type) as browsers write them. */
const PART_OVERHEAD_BYTES = 1024;

/** The longest body a form within these limits can need: a longer declared length is refused unread. */
export function maxUploadBytes(limits: UploadLimits): number {
  return limits.files * limits.fileSize + limits.fields * limits.fieldSize + (limits.files + limits.fields + 1) * PART_OVERHEAD_BYTES;
}

/** Where uploads wait while a request is handled: `DATA_DIR/incoming`, beside the stored files. */
export function incomingDirectory(dataDir: string): string {
  return path.join(dataDir, 'incoming');
}

/** Older than any request lives: what a killed process left behind. */
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the folders of requests that never finished (the process was killed while they ran).
 * Only old ones: other processes sharing `DATA_DIR` may be receiving files right now.
 */
export async function removeAbandonedUploads(dataDir: string, now = Date.now()): Promise<void> {
  const directory = incomingDirectory(dataDir);
  const entries = await readdir(directory).catch(() => [] as string[]);
  for (const entry of entries) {
    const entryPath = path.join(directory, entry);
    const { mtimeMs } = await stat(entryPath).catch(() => ({ mtimeMs: now }));
    if (now - mtimeMs > ABANDONED_AFTER_MS) await rm(entryPath, { recursive: true, force: true });
  }
}

export class UploadTooLargeError extends AppError {
  constructor() {
    super('payload_too_large', 413, 'The declared length is above what the form accepts');
  }
}

/** The body is not a multipart form that can be read to its end: bad boundary, garbage, cut short. */
export class UploadDamagedError extends AppError {
  constructor(cause: string) {
    super('upload_damaged', 400, `Unreadable multipart body: ${cause}`);
  }
}

export interface RequestUploads {
  files: UploadedFile[];
  /** A translation key when the post broke a limit (too many files or fields). */
  problem?: string;
}

const uploadsByRequest = new WeakMap<FastifyRequest, RequestUploads>();
const folderByRequest = new WeakMap<FastifyRequest, string>();

/** The files sent with this request; none for an urlencoded post. */
export function uploadsOf(request: FastifyRequest): RequestUploads {
  return uploadsByRequest.get(request) ?? { files: [] };
}

async function removeReceivedFiles(request: FastifyRequest): Promise<void> {
  const folder = folderByRequest.get(request);
  if (!folder) return;
  folderByRequest.delete(request);
  await rm(folder, { recursive: true, force: true });
}

function addField(fields: Map<string, string | string[]>, name: string, value: string): void {
  const existing = fields.get(name);
  if (existing === undefined) fields.set(name, value);
  else fields.set(name, Array.isArray(existing) ? [...existing, value] : [existing, value]);
}

function declaredLength(request: FastifyRequest): number {
  const header = request.headers['content-length'];
  return header === undefined ? 0 : Number(header);
}

/** busboy cannot even start without a boundary: refused before anything else, for anyone. */
function hasBoundary(request: FastifyRequest): boolean {
  return /;\s*boundary=("[^"]+"|[^\s;]+)/i.test(request.headers['content-type'] ?? '');
}

/** Checks the token as the site-wide CSRF hook does; on failure the error page is already on its way. */
function csrfAccepted(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): boolean {
  let accepted = false;
  app.csrfProtection(request, reply, () => {
    accepted = true;
  });
  return accepted;
}

function carriesCsrfHeader(request: FastifyRequest): boolean {
  return ['csrf-token', 'xsrf-token', 'x-csrf-token', 'x-xsrf-token'].some((name) => request.headers[name] !== undefined);
}

/** Stops taking the body of a refused post: nothing more reaches the parser, and the connection closes after the answer. */
function stopReading(request: FastifyRequest): void {
  request.raw.unpipe();
  request.raw.pause();
}

/** Writes one file part to the request's folder; its stream is cut at the size limit by the parser. */
async function receiveFile(request: FastifyRequest, incoming: string, file: Readable): Promise<{ path: string; size: number }> {
  let folder = folderByRequest.get(request);
  if (!folder) {
    folder = path.join(incoming, randomBytes(12).toString('base64url'));
    folderByRequest.set(request, folder);
    await mkdir(folder, { recursive: true, mode: 0o700 });
  }
  const target = path.join(folder, randomBytes(12).toString('base64url'));
  const output = createWriteStream(target, { flags: 'wx', mode: 0o600 });
  try {
    await pipeline(file, output);
  } catch (error) {
    // The part broke off (the body was cut or garbled); a failing disk is our own problem.
    if (file.errored) throw new UploadDamagedError(file.errored.message);
    throw error;
  }
  return { path: target, size: output.bytesWritten };
}

function isLimitError(app: FastifyInstance, error: unknown): boolean {
  const { FilesLimitError, FieldsLimitError, PartsLimitError } = app.multipartErrors;
  return error instanceof FilesLimitError || error instanceof FieldsLimitError || error instanceof PartsLimitError;
}

interface ReaderOptions {
  guard: preHandlerAsyncHookHandler;
  maxBytes: number;
  incoming: string;
}

function uploadReader(app: FastifyInstance, { guard, maxBytes, incoming }: ReaderOptions) {
  /** preValidation hook: the checks above, then every part, files to disk. */
  return async function readUpload(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    if (!request.isMultipart()) return undefined;
    // Until the whole body is read, any answer leaves some of it unread: the connection must close.
    reply.header('connection', 'close');
    if (declaredLength(request) > maxBytes) throw new UploadTooLargeError();
    if (!hasBoundary(request)) throw new UploadDamagedError('no boundary in the content type');
    if ((await guard.call(app, request, reply)) !== undefined) return reply;
    if (carriesCsrfHeader(request) && !csrfAccepted(app, request, reply)) return reply;
    let tokenChecked = carriesCsrfHeader(request);

    const fields = new Map<string, string | string[]>();
    const uploads: RequestUploads = { files: [] };
    try {
      for await (const part of request.parts()) {
        if (!tokenChecked) {
          // Only the first part may carry the token: no file is read before it is checked.
          request.body = part.type === 'field' && part.fieldname === '_csrf' ? { _csrf: part.value } : {};
          if (!csrfAccepted(app, request, reply)) {
            stopReading(request);
            return reply;
          }
          tokenChecked = true;
        }
        if (part.type === 'file') {
          const received = await receiveFile(request, incoming, part.file);
          uploads.files.push({ fieldname: part.fieldname, filename: part.filename, ...received, truncated: part.file.truncated });
        } else if (typeof part.value === 'string') {
          addField(fields, part.fieldname, part.value);
        }
      }
    } catch (error) {
      if (isLimitError(app, error)) {
        uploads.problem = 'uploads.errors.uploadLimits';
      } else {
        await removeReceivedFiles(request);
        if (request.raw.aborted) {
          // The sender went away (closed the page, lost the network): nothing is wrong here.
          request.log.info('upload aborted by the client');
          throw new UploadDamagedError('aborted by the client');
        }
        if (error instanceof UploadDamagedError || !(error instanceof Error) || 'syscall' in error) throw error;
        throw new UploadDamagedError(error.message);
      }
    }
    // fromEntries defines own properties, so a field named like a prototype key stays data.
    request.body = Object.fromEntries(fields);
    uploadsByRequest.set(request, uploads);
    if (uploads.problem === undefined) reply.removeHeader('connection');
    return undefined;
  };
}

export interface UploadRoute {
  /** Reads a multipart body once the checks pass; an urlencoded post goes through untouched. */
  preValidation: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;
  /** The same guard, for posts without files (urlencoded), which are read before any hook runs. */
  preHandler: preHandlerAsyncHookHandler;
}

/**
 * Registers multipart parsing in the caller's scope and returns the route options of a form
 * with files: only signed-in members, and only those holding `capability` when one is given,
 * may send one. Received files are removed when the response is sent, whatever it is.
 */
export async function acceptUploads(app: FastifyInstance, options: { limits?: UploadLimits; capability?: Capability } = {}): Promise<UploadRoute> {
  const limits = options.limits ?? ATTACHMENT_FORM_LIMITS;
  await app.register(multipart, { throwFileSizeLimit: false, limits: { ...limits } });
  const guard: preHandlerAsyncHookHandler = options.capability ? requireCapability(options.capability) : requireUser;
  app.addHook('onSend', async (request, _reply, payload) => {
    await removeReceivedFiles(request);
    return payload;
  });
  const incoming = incomingDirectory(app.deps.config.dataDir);
  return { preValidation: uploadReader(app, { guard, maxBytes: maxUploadBytes(limits), incoming }), preHandler: guard };
}
