import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './account-routes.tsx';
import { authRoutes } from './auth-routes.tsx';

export { accountService } from './service.ts';

/** Accounts: registration, sign-in, password reset and the member's own account page. */
export async function accounts(app: FastifyInstance) {
  await app.register(authRoutes);
  await app.register(accountRoutes);
}
