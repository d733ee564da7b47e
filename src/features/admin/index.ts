import type { FastifyInstance } from 'fastify';
import { adminRoutes } from './routes.tsx';

/** Administration: members' roles, the mail outbox and the audit log. Admins only. */
export async function admin(app: FastifyInstance) {
  await app.register(adminRoutes);
}
