import type { FastifyInstance } from 'fastify';

/** Practice pages, registered under every locale prefix. */
export async function practices(_app: FastifyInstance) {}

/** Machine access to practices (API, feeds, exports), registered at the root. */
export async function practicesMachineAccess(_app: FastifyInstance) {}
