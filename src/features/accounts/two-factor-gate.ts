import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { isStaff } from '../../db/schema/accounts.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { splitLocalePath } from '../../platform/i18n.ts';

/** The set-up page: the one page a staff member without two-factor sign-in may see. */
export const TWO_FACTOR_PATH = '/account/two-factor';

/** What such a member may still reach: the set-up page, its form, and signing out. */
const OPEN_PAGES: ReadonlySet<string> = new Set([`GET ${TWO_FACTOR_PATH}`, `HEAD ${TWO_FACTOR_PATH}`, `POST ${TWO_FACTOR_PATH}/enable`, 'POST /logout']);
/** Assets and probes carry no personal data and the set-up page needs its stylesheet. */
const OPEN_PREFIXES = ['/static/', '/health', '/ready'];

/**
 * Editors, chairs, lab coordinators and admins must sign in with a second factor. One who has not
 * set it up yet (a new admin, a member just promoted) is sent to the set-up page from wherever
 * they go, so no other page is reachable until it is done. Registered at the root, after sessions,
 * so that it covers every route, including those added later.
 */
export const staffTwoFactorGate = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request, reply) => {
      const user = request.currentUser;
      if (!user || user.twoFactorEnabled || !isStaff(user.role)) return;
      const path = request.url.split('?')[0] ?? '';
      if (OPEN_PREFIXES.some((prefix) => path.startsWith(prefix))) return;
      const { locale, rest } = splitLocalePath(path);
      const page = rest.replace(/\/$/, '') || '/';
      if (locale && OPEN_PAGES.has(`${request.method} ${page}`)) return;
      if (!locale && (path.startsWith('/api/') || path.startsWith('/feeds/'))) throw new ForbiddenError('Set up two-factor sign-in first');
      return reply.redirect(`/${request.locale}${TWO_FACTOR_PATH}`, 303);
    });
  },
  { name: 'staff-two-factor-gate', dependencies: ['sessions', 'locale'] },
);
