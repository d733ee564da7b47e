import type { FastifyInstance } from 'fastify';
import { practicePageRoutes } from './page-routes.tsx';
import { searchRoutes } from './search-routes.tsx';

/** Practice pages, registered under every locale prefix. */
export async function practices(app: FastifyInstance) {
  await app.register(practicePageRoutes);
  await app.register(searchRoutes);
}

/** Machine access to practices (API, feeds, exports), registered at the root. */
export async function practicesMachineAccess(_app: FastifyInstance) {}
