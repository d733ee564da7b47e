import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from './errors.ts';
import { resolveLocale } from './locale.ts';
import { sendPage } from './render.tsx';
import { TooManyRequestsError } from './rate-limit.ts';

/** The codes clients see; each has a translated title and explanation under `errors.<code>`. */
type PublicErrorCode =
  | 'bad_request'
  | 'bad_input'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'upload_damaged'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'server_error';

interface PublicError {
  statusCode: number;
  code: PublicErrorCode;
}

function classify(error: FastifyError | AppError): PublicError {
  if (error instanceof AppError) {
    const known = ['bad_input', 'forbidden', 'not_found', 'conflict', 'payload_too_large', 'upload_damaged', 'too_many_requests'] as const;
    const code = known.find((candidate) => candidate === error.code) ?? 'bad_request';
    return { statusCode: error.statusCode, code };
  }
  const statusCode = error.statusCode ?? 500;
  if (error.code?.startsWith('FST_CSRF')) return { statusCode: 403, code: 'csrf' };
  if (statusCode === 413) return { statusCode, code: 'payload_too_large' };
  if (statusCode === 415) return { statusCode, code: 'unsupported_media_type' };
  if (statusCode === 404) return { statusCode, code: 'not_found' };
  if (statusCode >= 400 && statusCode < 500) return { statusCode: 400, code: 'bad_request' };
  return { statusCode: 500, code: 'server_error' };
}

function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
  const accepts = request.headers.accept ?? '';
  return accepts.includes('application/json') && !accepts.includes('text/html');
}

function ErrorMessage({ title, body, homeLink }: { title: string; body: string; homeLink: { href: string; label: string } }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href={homeLink.href}>{homeLink.label}</a>
      </p>
    </>
  );
}

function sendError(request: FastifyRequest, reply: FastifyReply, { statusCode, code }: PublicError) {
  const { t } = request;
  const title = t(`errors.${code}.title`);
  const body = t(`errors.${code}.body`);
  if (wantsJson(request)) {
    return reply.code(statusCode).send({ error: { code, message: body } });
  }
  return sendPage(
    reply,
    title,
    (ctx) => <ErrorMessage title={title} body={body} homeLink={{ href: ctx.href('/'), label: t('errors.backHome') }} />,
    statusCode,
  );
}

/** One place turns every failure into a translated page or a JSON body; 5xx never show internals. */
export const errorHandling = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
      const classified = classify(error);
      if (classified.statusCode >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: error.code, message: error.message }, 'request refused');
      if (error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
      return sendError(request, reply, classified);
    });
    app.setNotFoundHandler((request, reply) => sendError(request, reply, { statusCode: 404, code: 'not_found' }));
  },
  { name: 'error-handling', dependencies: ['rendering', 'locale'] },
);

/**
 * Fastify's `frameworkErrors`: a path whose percent-encoding is broken (`/en/%`) or with a
 * parameter longer than the router takes is refused before routing, so before the hooks that set
 * the locale; it gets the same translated page as any other bad input instead of Fastify's own
 * English JSON.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  resolveLocale(request);
  const statusCode = error.statusCode ?? 500;
  if (statusCode >= 500) {
    request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, { statusCode: 500, code: 'server_error' });
  }
  request.log.info({ code: error.code, url: request.url }, 'request refused');
  // FST_ERR_BAD_URL is a 400; an over-long parameter keeps its 414 (URI Too Long).
  return sendError(request, reply, { statusCode, code: 'bad_input' });
}
