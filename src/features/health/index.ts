import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

/** Liveness and readiness probes for load balancers and orchestrators. */
export async function health(app: FastifyInstance) {
  app.get('/health', async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));

  app.get('/ready', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await sql`SELECT 1`.execute(app.deps.db);
      return reply.send({ status: 'ready' });
    } catch (error) {
      request.log.warn({ err: error }, 'database not ready');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
}
