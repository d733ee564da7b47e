import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { AppError } from './errors.ts';

export class TooManyRequestsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_requests', 429, 'Too many requests');
  }
}

type IncrementCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/**
 * Counters live in PostgreSQL, so a limit holds across every process behind the load balancer.
 * One atomic upsert per counted request: it restarts the window once it has passed.
 */
function postgresStore(db: Db) {
  return class PostgresRateLimitStore {
    incr(key: string, callback: IncrementCallback, timeWindow: number): void {
      const windowInterval = `${timeWindow} milliseconds`;
      sql<{ hits: number; ttl: number }>`
        INSERT INTO rate_limits AS r (key, hits, reset_at)
        VALUES (${key}, 1, now() + ${windowInterval}::interval)
        ON CONFLICT (key) DO UPDATE SET
          hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
          reset_at = CASE WHEN r.reset_at <= now() THEN now() + ${windowInterval}::interval ELSE r.reset_at END
        RETURNING hits, ceil(extract(epoch FROM reset_at - now()) * 1000)::integer AS ttl`
        .execute(db)
        .then(({ rows }) => {
          const row = rows[0] as { hits: number; ttl: number };
          callback(null, { current: row.hits, ttl: row.ttl });
          // Expired counters are swept now and then rather than on every request.
          if (Math.random() < 0.01) return db.deleteFrom('rate_limits').where('reset_at', '<', new Date()).execute();
        })
        .catch((error: Error) => callback(error));
    }

    child() {
      return this;
    }
  };
}

/** Per-route limits, opted into with `config: { rateLimit: { max, timeWindow } }`. */
export const rateLimits = fp<{ db: Db }>(
  async (app: FastifyInstance, { db }) => {
    await app.register(rateLimit, {
      global: false,
      store: postgresStore(db),
      keyGenerator: (request: FastifyRequest) => `${request.routeOptions.url ?? request.url}|${request.ip}`,
      errorResponseBuilder: (_request, context) => new TooManyRequestsError(Math.ceil(context.ttl / 1000)),
    });
  },
  { name: 'rate-limits' },
);

/** Limits for the forms an attacker would hammer: sign-in, registration, password reset. */
export const SENSITIVE_FORM_LIMIT = { max: 10, timeWindow: 15 * 60 * 1000 } as const;

/** Limits for what members post for others to read (comments, reports): enough for a lively discussion, not for a flood. */
export const POSTING_LIMIT = { max: 20, timeWindow: 10 * 60 * 1000 } as const;
