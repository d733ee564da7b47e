import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../db/schema/accounts.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import type { CurrentUser } from '../platform/context.ts';
import { SESSION_COOKIE } from '../platform/sessions.ts';
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

  override get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return super.get(url, this.withSession(headers));
  }

  override post(url: string, form: Record<string, string | string[]> = {}, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return super.post(url, form, this.withSession(headers));
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
}

let created = 0;

export async function createMember(testApp: TestApp, options: { role?: Role; name?: string; locale?: string } = {}): Promise<TestMember> {
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
  const token = newToken();
  await db
    .insertInto('sessions')
    .values({ id_hash: hashToken(token), user_id: user.id, expires_at: new Date(Date.now() + 86_400_000) })
    .execute();
  return {
    id: user.id,
    name,
    email,
    user: { id: user.id, handle, name, email, role, emailVerified: true },
    client: new SignedInClient(testApp.app, token),
  };
}
