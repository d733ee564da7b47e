import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { isStaff, type Role } from '../db/schema/accounts.ts';
import { newTotpSecret, totpCode, twoFactorSecrets } from '../features/accounts/index.ts';
import type { AppDeps } from '../platform/deps.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import type { CurrentUser } from '../platform/context.ts';
import { SESSION_COOKIE } from '../platform/sessions.ts';
import type { HTTPMethods } from 'fastify';
import { TestClient, type FormFile, type TestApp } from './app.ts';

/**
 * Members for tests that are about something other than signing in: the account and its session
 * are written straight to the database, which also keeps tests clear of the sign-in rate limit.
 */

/** A browser that is signed in from the start. */
export class SignedInClient extends TestClient {
  constructor(
    app: FastifyInstance,
    private readonly sessionToken: string,
  ) {
    super(app);
  }

  private withSession(headers: Record<string, string>): Record<string, string> {
    return { ...headers, cookie: `${SESSION_COOKIE}=${this.sessionToken}` };
  }

  override cookieHeader(): string {
    return [super.cookieHeader(), `${SESSION_COOKIE}=${this.sessionToken}`].filter(Boolean).join('; ');
  }

  override get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return super.get(url, this.withSession(headers));
  }

  override post(url: string, form: Record<string, string | string[]> = {}, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return super.post(url, form, this.withSession(headers));
  }

  override send(options: { method: HTTPMethods; url: string; headers?: Record<string, string>; payload?: string }): Promise<LightMyRequestResponse> {
    return super.send({ ...options, headers: this.withSession(options.headers ?? {}) });
  }

  override postMultipart(
    url: string,
    form: Record<string, string | string[]>,
    files: readonly FormFile[] = [],
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return super.postMultipart(url, form, files, this.withSession(headers));
  }
}

export interface TestMember {
  id: number;
  name: string;
  email: string;
  /** As services see the signed-in member, for calling them directly. */
  user: CurrentUser;
  client: SignedInClient;
  /** The TOTP secret, when two-factor sign-in is on: `totpCode(secret)` plays the phone. */
  totpSecret: string | null;
}

let created = 0;

/**
 * `twoFactor` defaults to on for staff, who could reach nothing else without it (see the
 * accounts feature's two-factor gate), and off for members.
 */
export async function createMember(
  testApp: TestApp,
  options: { role?: Role; name?: string; locale?: string; twoFactor?: boolean } = {},
): Promise<TestMember> {
  created += 1;
  const { db } = testApp.deps;
  const role = options.role ?? 'member';
  const name = options.name ?? `Member ${created}`;
  const handle = `member-${created}-${randomUUID().slice(0, 8)}`;
  const email = `${handle}@example.org`;
  const user = await db
    .insertInto('users')
    .values({ handle, email, name, role, locale: options.locale, email_verified_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const totpSecret = (options.twoFactor ?? isStaff(role)) ? await turnOnTwoFactor(testApp.deps, user.id) : null;
  return {
    id: user.id,
    name,
    email,
    user: { id: user.id, handle, name, email, role, emailVerified: true, twoFactorEnabled: totpSecret !== null, timeZone: 'UTC', unreadNotifications: 0, followsVersion: 0 },
    client: await newSession(testApp, user.id),
    totpSecret,
  };
}

/** A browser with a new session of an existing account, as after signing in again. */
export async function newSession(testApp: TestApp, userId: number): Promise<SignedInClient> {
  const token = newToken();
  await testApp.deps.db
    .insertInto('sessions')
    .values({ id_hash: hashToken(token), user_id: userId, expires_at: new Date(Date.now() + 86_400_000) })
    .execute();
  return new SignedInClient(testApp.app, token);
}

/** Turns two-factor sign-in on for an account, as set-up from the account page would; returns the secret. */
export async function turnOnTwoFactor(deps: AppDeps, userId: number): Promise<string> {
  const secret = newTotpSecret();
  const sealed = twoFactorSecrets(deps.config.sessionSecret).seal(secret);
  await deps.db.insertInto('two_factor').values({ user_id: userId, secret_sealed: sealed, enabled_at: new Date() }).execute();
  return secret;
}

/**
 * Signs in through the forms, answering the code step when the account has two-factor sign-in.
 * The app accepts a code once: so that a test may sign the same account in twice within 30
 * seconds, the record of the last code used is cleared first, as if the next code had come.
 */
export async function signInThroughForms(
  testApp: TestApp,
  client: TestClient,
  credentials: { email: string; password: string; totpSecret?: string | null },
  locale = 'en',
): Promise<LightMyRequestResponse> {
  await client.get(`/${locale}/login`);
  const response = await client.post(`/${locale}/login`, { email: credentials.email, password: credentials.password });
  if (!response.headers.location?.startsWith(`/${locale}/login/code`)) return response;
  if (!credentials.totpSecret) throw new Error(`${credentials.email} is asked for a code, and the test gave no secret`);
  await testApp.deps.db.updateTable('two_factor').set({ last_used_step: null }).where('user_id', 'in', testApp.deps.db.selectFrom('users').select('id').where('email', '=', credentials.email.toLowerCase())).execute();
  await client.get(response.headers.location);
  return client.post(`/${locale}/login/code`, { code: totpCode(credentials.totpSecret) });
}
