import type { FastifyInstance } from 'fastify';

/** Administration: members' roles and the mail outbox. */
export async function admin(_app: FastifyInstance) {}
