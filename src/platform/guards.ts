import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { CurrentUser } from './context.ts';
import { ForbiddenError } from './errors.ts';
import { can, type Capability } from './permissions.ts';
import { splitLocalePath, type Locale } from './i18n.ts';

/**
 * Route guards, used as Fastify preHandlers. Authorisation is always decided here on the server,
 * whatever the page shows or hides:
 *
 *   app.get('/account', { preHandler: requireUser }, handler)
 *   app.get('/admin/users', { preHandler: requireCapability('site.administer') }, handler)
 *
 * A visitor is sent to the sign-in page (303), which brings them back afterwards; a signed-in
 * user without the role gets 403.
 */

/** The longest `next` we carry around: anything longer is not one of our own pages. */
const MAX_NEXT_LENGTH = 500;
/** URL path and query characters only (RFC 3986): no spaces, backslashes or control characters. */
const URL_PATH_CHARACTERS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;

/**
 * Returns `next` when it is a path on this site in the given locale, otherwise null. Only
 * `/{locale}/…` passes: never `//host`, `/\host` (browsers read both as another site), an
 * absolute URL, or characters that could split a header or hide a different path.
 */
export function safeNextPath(next: unknown, locale: Locale): string | null {
  if (typeof next !== 'string' || next.length > MAX_NEXT_LENGTH) return null;
  if (!next.startsWith(`/${locale}/`) && next !== `/${locale}`) return null;
  if (next.startsWith('//') || !URL_PATH_CHARACTERS.test(next)) return null;
  return next;
}

/** `/{locale}/login`, with `next` pointing back at the page the visitor asked for. */
function loginLocation(request: FastifyRequest): string {
  const base = `/${request.locale}/login`;
  // A form post cannot be replayed by a redirect after sign-in: only pages are worth returning to.
  if (request.method !== 'GET' && request.method !== 'HEAD') return base;
  const next = safeNextPath(`/${request.locale}${splitLocalePath(request.url).rest}`, request.locale);
  return next ? `${base}?next=${encodeURIComponent(next)}` : base;
}

function redirectToLogin(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.redirect(loginLocation(request), 303);
}

/** preHandler: only signed-in users pass. */
export async function requireUser(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  if (!request.currentUser) return redirectToLogin(request, reply);
  return undefined;
}

/** preHandler factory: only signed-in users holding `capability` (see permissions.ts) pass. */
export function requireCapability(capability: Capability): preHandlerAsyncHookHandler {
  return async function requireCapabilityHandler(request, reply) {
    if (!request.currentUser) return redirectToLogin(request, reply);
    if (!can(request.currentUser, capability)) throw new ForbiddenError();
    return undefined;
  };
}

/**
 * The signed-in user inside a handler behind `requireUser` / `requireCapability`. Throws rather than
 * trusting a guard that someone forgot to attach.
 */
export function signedInUser(request: FastifyRequest): CurrentUser {
  if (!request.currentUser) throw new ForbiddenError();
  return request.currentUser;
}
