import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyServerOptions, HTTPMethods, LightMyRequestResponse, RouteOptions } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createDb } from '../db/client.ts';
import { createJobs, type Jobs, type JobsLog, type QueueOptions } from '../platform/jobs/index.ts';
import { createMailer, MAIL_QUEUE, type MailTransport } from '../platform/mail.ts';
import type { AppDeps } from '../platform/deps.ts';
import { freshDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  database: TestDatabase;
  /** Waits until every mail written so far has been delivered, or has failed and waits for a retry. */
  mailSettled(): Promise<void>;
  close(): Promise<void>;
}

/** Retries a second apart rather than minutes, so that tests of a mail server coming back stay short. */
export const TEST_MAIL_RETRIES: QueueOptions = { retryLimit: 3, retryDelaySeconds: 1, retryBackoff: true };

export const SILENT_JOBS_LOG: JobsLog = { debug() {}, info() {}, warn() {}, error() {} };

/** A job queue that polls often and stops quickly, for one test database. */
export function testJobs(database: TestDatabase, options: { cronCheckIntervalSeconds?: number } = {}): Jobs {
  return createJobs({ connectionString: database.url, pollingIntervalSeconds: 0.5, maxConnections: 3, stopTimeoutMs: 2_000, ...options });
}

/**
 * The real app on a fresh database of its own, with its job queue running: mail is delivered by
 * the queue, to the outbox unless SMTP_URL or a transport is given.
 */
export async function startTestApp(
  options: {
    transport?: MailTransport;
    mailRetries?: QueueOptions;
    env?: Record<string, string>;
    /** Defines more queues on the app's job queue before it starts. */
    defineJobs?: (deps: AppDeps) => void;
    /**
     * Another process on this database (the database of an app started before), with a
     * connection pool of its own; the database is left in place when this app closes.
     */
    database?: TestDatabase;
    /** How often schedules are checked; pg-boss's 30 seconds unless told. */
    cronCheckIntervalSeconds?: number;
    /** Where the job queue logs; nowhere unless told. */
    jobsLog?: JobsLog;
    /** The app's log, for tests about what it records; silent when absent. */
    logger?: FastifyServerOptions['logger'];
    /** Told of every route the app adds, as buildApp's option of the same name. */
    onRoute?: (route: RouteOptions) => void;
  } = {},
): Promise<TestApp> {
  const shared = options.database;
  const database = shared ? { ...shared, db: createDb(shared.url, { max: 5 }) } : await freshDatabase();
  const config = loadConfig({ BASE_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', ...options.env });
  const jobs = testJobs(database, options.cronCheckIntervalSeconds ? { cronCheckIntervalSeconds: options.cronCheckIntervalSeconds } : {});
  const mailer = createMailer({ db: database.db, jobs, config, retries: options.mailRetries ?? TEST_MAIL_RETRIES, ...(options.transport ? { transport: options.transport } : {}) });
  const deps: AppDeps = { config, db: database.db, mailer, jobs };
  options.defineJobs?.(deps);
  const app = await buildApp(deps, { logger: options.logger ?? false, ...(options.onRoute ? { onRoute: options.onRoute } : {}) });
  await app.ready();
  await jobs.start(options.jobsLog ?? SILENT_JOBS_LOG);
  return {
    app,
    deps,
    database,
    mailSettled: () => jobs.whenIdle([MAIL_QUEUE]),
    async close() {
      await app.close();
      await jobs.stop();
      if (shared) await database.db.destroy();
      else await database.drop();
    },
  };
}

const CSRF_FIELD = /name="_csrf" value="([^"]+)"/;

/** A file sent with a multipart form. */
export interface FormFile {
  field: string;
  filename: string;
  /** What the browser claims; the app must not believe it. */
  contentType: string;
  content: Buffer;
}

function multipartBody(form: Record<string, string | string[]>, files: readonly FormFile[]): { boundary: string; payload: Buffer } {
  const boundary = `----bridges-test-${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(form)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${item}\r\n`));
    }
  }
  for (const file of files) {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`;
    parts.push(Buffer.from(head), file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { boundary, payload: Buffer.concat(parts) };
}

/**
 * A browser stand-in for `app.inject`: keeps cookies between requests and sends the CSRF token
 * of the last page it read, as a real form post would.
 */
export class TestClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken = '';

  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = cookie.value === '' || cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const token = CSRF_FIELD.exec(response.body)?.[1];
    if (token) this.csrfToken = token;
    return response;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** The `Cookie` header this browser sends, for requests written by hand. */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** The CSRF token of the last page read. */
  get formToken(): string {
    return this.csrfToken;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, cookies: Object.fromEntries(this.cookies), headers });
    return this.remember(response);
  }

  /** The CSRF token of the last page read, for requests a test shapes itself. */
  get lastCsrfToken(): string {
    return this.csrfToken;
  }

  /** Any request, with this browser's cookies: for tests that shape the URL, headers and body themselves. */
  async send(options: { method: HTTPMethods; url: string; headers?: Record<string, string>; payload?: string }): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ ...options, cookies: Object.fromEntries(this.cookies) });
    return this.remember(response);
  }

  /** Posts a urlencoded form; `_csrf` is filled in from the last page read unless given. */
  async post(url: string, form: Record<string, string | string[]> = {}, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries({ _csrf: this.csrfToken, ...form })) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    }
    const response = await this.app.inject({
      method: 'POST',
      url,
      cookies: Object.fromEntries(this.cookies),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: body.toString(),
    });
    return this.remember(response);
  }

  /** Posts a multipart form with files, as a form with a file input does; `_csrf` as for `post`. */
  async postMultipart(
    url: string,
    form: Record<string, string | string[]>,
    files: readonly FormFile[] = [],
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const { boundary, payload } = multipartBody({ _csrf: this.csrfToken, ...form }, files);
    const response = await this.app.inject({
      method: 'POST',
      url,
      cookies: Object.fromEntries(this.cookies),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
      payload,
    });
    return this.remember(response);
  }
}

/** The newest mail delivered to an address, once the mail written so far has been delivered. */
export async function lastMailTo(deps: AppDeps, recipient: string) {
  await deps.jobs.whenIdle([MAIL_QUEUE]);
  return deps.db
    .selectFrom('outbox')
    .selectAll()
    .where('recipient', '=', recipient)
    .where('status', '=', 'sent')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The first link to this site in a mail body. */
export function linkIn(body: string): string {
  const match = /http:\/\/localhost:3000(\/\S+)/.exec(body);
  if (!match?.[1]) throw new Error(`No link in mail:\n${body}`);
  return match[1];
}
