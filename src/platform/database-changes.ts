import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { DatabaseChanges } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import { generationsMemory, type GenerationsMemory } from '../search/index.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyInstance {
    /** What this process may remember of the database, and until when (db/changes.ts). */
    changes: DatabaseChanges;
    /** The generations of each kind of content, remembered while nothing moves them. */
    generations: GenerationsMemory;
  }
}

/**
 * Listens for the database's change notifications for as long as the app runs. A request that
 * may have changed something counts as a change once its handler is done, before its answer
 * leaves: what a member changed shows on their next page even if the notification is slower
 * than they are.
 */
export const databaseChanges = fp<{ db: Db }>(
  async (app: FastifyInstance, { db }) => {
    const changes = new DatabaseChanges(db, app.log);
    app.decorate('changes', changes);
    app.decorate('generations', generationsMemory(db, changes));
    await changes.start();
    app.addHook('onSend', async (request, _reply, payload) => {
      if (!SAFE_METHODS.has(request.method)) changes.changed();
      return payload;
    });
    app.addHook('onClose', () => changes.stop());
  },
  { name: 'database-changes' },
);
