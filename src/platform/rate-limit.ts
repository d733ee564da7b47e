import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { normaliseEmail } from '../lib/text.ts';
import { hashToken } from '../lib/tokens.ts';
import { AppError } from './errors.ts';
import { readForm } from './forms.ts';
import { splitLocalePath } from './i18n.ts';
import { signedInUser } from './guards.ts';

export class TooManyRequestsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_requests', 429, 'Too many requests');
  }
}

/** How many requests a key may make, and over how long (milliseconds). */
export interface Limit {
  readonly max: number;
  readonly timeWindow: number;
}

/** Limits for the forms an attacker would hammer: sign-in, registration, password reset, codes. */
export const SENSITIVE_FORM_LIMIT = { max: 10, timeWindow: 15 * 60 * 1000 } as const satisfies Limit;

/** Limits for what members post for others to read (comments, reports): enough for a lively discussion, not for a flood. */
export const POSTING_LIMIT = { max: 20, timeWindow: 10 * 60 * 1000 } as const satisfies Limit;

/**
 * Counts one request against `key` and tells how many the window holds so far. Counters live in
 * PostgreSQL, so a limit holds across every process behind the load balancer; one atomic upsert
 * per request restarts the window once it has passed.
 */
async function countHit(db: Db, key: string, timeWindow: number): Promise<{ current: number; ttl: number }> {
  const windowInterval = `${timeWindow} milliseconds`;
  const { rows } = await sql<{ hits: number; ttl: number }>`
    INSERT INTO rate_limits AS r (key, hits, reset_at)
    VALUES (${key}, 1, now() + ${windowInterval}::interval)
    ON CONFLICT (key) DO UPDATE SET
      hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
      reset_at = CASE WHEN r.reset_at <= now() THEN now() + ${windowInterval}::interval ELSE r.reset_at END
    RETURNING hits, ceil(extract(epoch FROM reset_at - now()) * 1000)::integer AS ttl`.execute(db);
  const row = rows[0] as { hits: number; ttl: number };
  // Expired counters are swept now and then rather than on every request.
  if (Math.random() < 0.01) await db.deleteFrom('rate_limits').where('reset_at', '<', new Date()).execute();
  return { current: row.hits, ttl: row.ttl };
}

type IncrementCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

function postgresStore(db: Db) {
  return class PostgresRateLimitStore {
    incr(key: string, callback: IncrementCallback, timeWindow: number): void {
      countHit(db, key, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    child() {
      return this;
    }
  };
}

/** The client address as counted: an IPv6 client holds a whole /64, so it counts as one. */
function addressKey(request: FastifyRequest): string {
  return `address:${normalizeIP(request.ip)}`;
}

/**
 * Who a limit counts: a signed-in member by their account, since colleagues in one office or
 * workshop share an address and must not use up each other's posts; anyone else by address.
 */
function clientKey(request: FastifyRequest): string {
  return request.currentUser ? `member:${request.currentUser.id}` : addressKey(request);
}

/**
 * Per-route limits, opted into with `config: { rateLimit: { max, timeWindow } }`, per member or
 * per client address (clientKey). A route is counted without its locale: `/es/login` and
 * `/ar/login` are one form, one count.
 */
export const rateLimits = fp<{ db: Db }>(
  async (app, { db }) => {
    await app.register(rateLimit, {
      global: false,
      store: postgresStore(db),
      keyGenerator: (request: FastifyRequest) => `${clientKey(request)}|${splitLocalePath(request.routeOptions.url ?? request.url).rest}`,
      errorResponseBuilder: (_request, context) => new TooManyRequestsError(Math.ceil(context.ttl / 1000)),
    });
  },
  { name: 'rate-limits' },
);

/** Names the account a request tries, as `<kind>:<id>`; null when it names none (the form then fails on its own). */
export type AccountOf = (request: FastifyRequest) => string | null | Promise<string | null>;

/** The account an email field names, normalised as accounts are looked up. */
export const emailInForm: AccountOf = (request) => {
  const email = normaliseEmail(readForm(request.body, ['email']).email);
  return email ? `email:${email}` : null;
};

/** The signed-in member's own account, for forms that ask them for a password or a code again. */
export const signedInAccount: AccountOf = (request) => `user:${signedInUser(request).id}`;

/**
 * Route options for a form an attacker would hammer. It is limited per client address across
 * every locale; and per account, across every address, so that a slow guess spread over many
 * machines against one account is stopped too. The account count runs once the form is read
 * (and its CSRF token checked), since the account is named in it.
 */
export function sensitiveForm(action: string, accountOf: AccountOf, limit: Limit = SENSITIVE_FORM_LIMIT) {
  const limitPerAccount: preHandlerAsyncHookHandler = async (request) => {
    const account = await accountOf(request);
    if (account === null) return;
    // Hashed: the counters table need not hold members' email addresses.
    const { current, ttl } = await countHit(request.server.deps.db, `account:${hashToken(account)}|${action}`, limit.timeWindow);
    if (current > limit.max) throw new TooManyRequestsError(Math.ceil(ttl / 1000));
  };
  return { config: { rateLimit: limit }, preHandler: limitPerAccount };
}
