import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { ACCOUNTS_CHANNEL } from '../db/changes.ts';
import type { Database, Db } from '../db/client.ts';
import { isStaff, STAFF_ROLES } from '../db/schema/accounts.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import type { CurrentUser } from './context.ts';

export const SESSION_COOKIE = 'bridges_session';
/** A session unused for this long ends… */
export const SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000;
/** …and none outlives this, however active. */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * Staff sessions can change other people's content and accounts, so a forgotten or stolen one is
 * worth more: they end after 30 idle minutes and 12 hours at most. The role is read at each
 * request, so a member promoted while signed in gets the shorter limits at once.
 */
export const STAFF_SESSION_IDLE_MS = 30 * 60 * 1000;
export const STAFF_SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/**
 * Sliding the idle window on every request would write on every page view. A session is thus
 * seen as idle from its last recorded use, up to this much before the last request: staff
 * sessions end between 29 and 30 minutes after their last use.
 */
const TOUCH_AFTER_MS = 30 * 1000;
/**
 * A process remembers the member behind a session for this long at most (db/changes.ts says what
 * makes it read again sooner: a sign-out, a role change…), so that its last use is recorded and
 * its end is seen: with the above, a session's recorded use lags its real one by a minute at most.
 */
const REMEMBER_MS = 30 * 1000;
/** Sessions remembered per process: each holds a member's name and email, a few hundred bytes. */
const REMEMBERED_SESSIONS_MAX = 50_000;

export interface SessionOptions {
  db: Db;
  secureCookies: boolean;
}

/** 96 random bits: unguessable, though it grants nothing, and short enough for a form field. */
function newSessionPublicId(): string {
  return randomBytes(12).toString('base64url');
}

function cookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
}

/**
 * The one definition of a session that still signs its holder in: not past its absolute end and
 * used within the idle window. Sign-in and the account page's list of sessions both rely on it.
 */
export function sessionIsLive(eb: ExpressionBuilder<Database, 'sessions'>): Expression<SqlBool> {
  const interval = (ms: number) => sql`${`${ms} milliseconds`}::interval`;
  const heldByStaff = sql<boolean>`EXISTS (SELECT 1 FROM users AS holder WHERE holder.id = sessions.user_id AND holder.role IN (${sql.join(
    STAFF_ROLES.map((role) => sql.lit(role)),
  )}))`;
  return eb.and([
    eb('sessions.expires_at', '>', sql<Date>`now()`),
    sql<SqlBool>`sessions.last_seen_at > now() - CASE WHEN ${heldByStaff} THEN ${interval(STAFF_SESSION_IDLE_MS)} ELSE ${interval(SESSION_IDLE_MS)} END`,
    sql<SqlBool>`(NOT ${heldByStaff} OR sessions.created_at > now() - ${interval(STAFF_SESSION_ABSOLUTE_MS)})`,
  ]);
}

/** When the session stops being live unless it is used again: its end, idle or absolute. */
function liveUntil(): RawBuilder<Date> {
  const interval = (ms: number) => sql`${`${ms} milliseconds`}::interval`;
  const staff = sql<boolean>`users.role IN (${sql.join(STAFF_ROLES.map((role) => sql.lit(role)))})`;
  return sql<Date>`LEAST(
    sessions.expires_at,
    sessions.last_seen_at + CASE WHEN ${staff} THEN ${interval(STAFF_SESSION_IDLE_MS)} ELSE ${interval(SESSION_IDLE_MS)} END,
    CASE WHEN ${staff} THEN sessions.created_at + ${interval(STAFF_SESSION_ABSOLUTE_MS)} END)`;
}

interface LiveSession {
  user: CurrentUser;
  /** Until when it may be remembered, in ms since the epoch. */
  liveUntil: number;
}

async function loadSession(db: Db, idHash: string): Promise<LiveSession | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('two_factor', 'two_factor.user_id', 'users.id')
    .select([
      'two_factor.enabled_at as two_factor_enabled_at',
      'users.id',
      'users.handle',
      'users.name',
      'users.email',
      'users.role',
      'users.email_verified_at',
      'users.time_zone',
      'users.unread_notifications',
      'users.follows_version',
      'sessions.last_seen_at',
      liveUntil().as('live_until'),
    ])
    .where('sessions.id_hash', '=', idHash)
    .where(sessionIsLive)
    .where('users.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.email === null || row.name === null) return null;
  if (Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) {
    // Not counted as a change (db/changes.ts): nothing remembered depends on a session's last use.
    await db.withoutPlugins().updateTable('sessions').set({ last_seen_at: new Date() }).where('id_hash', '=', idHash).execute();
  }
  const user: CurrentUser = {
    id: row.id,
    handle: row.handle,
    name: row.name,
    email: row.email,
    role: row.role,
    emailVerified: row.email_verified_at !== null,
    twoFactorEnabled: row.two_factor_enabled_at !== null,
    timeZone: row.time_zone,
    unreadNotifications: row.unread_notifications,
    followsVersion: row.follows_version,
  };
  return { user, liveUntil: new Date(row.live_until).getTime() };
}

/**
 * Server-side sessions: the cookie holds a random id, the database holds its hash. Attaches
 * `request.currentUser` and offers sign-in and sign-out to the account feature.
 */
export const sessions = fp<SessionOptions>(
  async (app: FastifyInstance, { db, secureCookies }) => {
    app.decorateRequest('currentUser', null);
    app.decorateRequest('sessionIdHash', null);

    // Only live sessions are remembered: a cookie that signs nobody in is read each time.
    const remembered = app.changes.memory<string, CurrentUser>({ max: REMEMBERED_SESSIONS_MAX });
    app.changes.on(ACCOUNTS_CHANNEL, (userId) => remembered.forget((_idHash, user) => String(user.id) === userId));
    async function memberOf(idHash: string): Promise<CurrentUser | null> {
      const known = remembered.recall(idHash);
      if (known) return known;
      const stamp = remembered.beginRead();
      const session = await loadSession(db, idHash);
      if (!session) return null;
      remembered.keep(idHash, session.user, stamp, Math.min(REMEMBER_MS, session.liveUntil - Date.now()));
      return session.user;
    }
    const forgetSession = (idHash: string) => remembered.forget((remembered) => remembered === idHash);

    app.addHook('onRequest', async (request) => {
      const cookie = request.cookies[SESSION_COOKIE];
      if (!cookie || request.url.startsWith('/static/')) return;
      const idHash = hashToken(cookie);
      request.currentUser = await memberOf(idHash);
      if (request.currentUser) request.sessionIdHash = idHash;
    });

    app.decorate('sessionStore', {
      /** Signs a user in on a brand-new session id, ending the one the request came with. */
      async start(request: FastifyRequest, reply: FastifyReply, userId: number): Promise<void> {
        const previous = request.cookies[SESSION_COOKIE];
        if (previous) {
          forgetSession(hashToken(previous));
          await db.deleteFrom('sessions').where('id_hash', '=', hashToken(previous)).execute();
        }
        const user = await db.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirstOrThrow();
        const lifetimeMs = isStaff(user.role) ? STAFF_SESSION_ABSOLUTE_MS : SESSION_ABSOLUTE_MS;
        const token = newToken();
        await db
          .insertInto('sessions')
          .values({
            id_hash: hashToken(token),
            public_id: newSessionPublicId(),
            user_id: userId,
            user_agent: (request.headers['user-agent'] ?? '').slice(0, 300),
            expires_at: new Date(Date.now() + lifetimeMs),
          })
          .execute();
        reply.setCookie(SESSION_COOKIE, token, {
          ...cookieOptions(secureCookies),
          maxAge: Math.floor(lifetimeMs / 1000),
        });
      },
      async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
        const token = request.cookies[SESSION_COOKIE];
        if (token) {
          forgetSession(hashToken(token));
          await db.deleteFrom('sessions').where('id_hash', '=', hashToken(token)).execute();
        }
        reply.clearCookie(SESSION_COOKIE, cookieOptions(secureCookies));
        request.currentUser = null;
        request.sessionIdHash = null;
      },
    });
  },
  { name: 'sessions', dependencies: ['@fastify/cookie', 'database-changes'] },
);

declare module 'fastify' {
  interface FastifyInstance {
    sessionStore: {
      start(request: FastifyRequest, reply: FastifyReply, userId: number): Promise<void>;
      end(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    };
  }
}
