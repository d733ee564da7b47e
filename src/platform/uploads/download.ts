import type { ReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from './files.ts';

/** Route params of `/{items}/:slug/attachments/:id`; the id stays within PostgreSQL's integer. */
export const ATTACHMENT_PARAMS = {
  type: 'object',
  properties: { slug: { type: 'string', maxLength: 200 }, id: { type: 'string', pattern: '^[0-9]{1,9}$' } },
  required: ['slug', 'id'],
} as const;

export interface OpenedAttachment {
  filename: string;
  media_type: string;
  byte_size: number;
  stream: ReadStream;
}

/**
 * Sends a stored file as a download. The browser must not guess another type from the bytes,
 * and files of unpublished items are private: no shared cache may keep them.
 */
export function sendAttachment(reply: FastifyReply, file: OpenedAttachment, isPublic: boolean) {
  return reply
    .type(file.media_type)
    .header('content-length', String(file.byte_size))
    .header('content-disposition', contentDisposition(file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', isPublic ? 'public, max-age=3600' : 'private, no-store')
    .send(file.stream);
}
