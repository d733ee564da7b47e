/**
 * What every browser journey needs: the real app listening on a loopback port with a fresh
 * database of its own, Debian's Chromium driven by playwright-core, an axe check that fails
 * with a readable list, and the outbox where the app's mail lands.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import axe from 'axe-core';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { buildApp } from '../src/app.ts';
import { totpCode } from '../src/features/accounts/index.ts';
import { loadConfig } from '../src/config.ts';
import { createMailer, MAIL_QUEUE } from '../src/platform/mail.ts';
import type { AppDeps } from '../src/platform/deps.ts';
import { SILENT_JOBS_LOG, TEST_MAIL_RETRIES, testJobs } from '../src/test/app.ts';
import { freshDatabase, type TestDatabase } from '../src/test/database.ts';
import { turnOnTwoFactor } from '../src/test/members.ts';
import { readableMail, type ReceivedMail } from '../src/test/smtp.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA: the bar set by the design brief. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** Every journey waits on events, never on the clock; this only bounds a wait that would hang. */
const ACTION_TIMEOUT_MS = 15_000;

export interface Journey {
  /** `http://127.0.0.1:<port>`, also the app's BASE_URL, so links in mail point here. */
  baseUrl: string;
  app: FastifyInstance;
  deps: AppDeps;
  database: TestDatabase;
  browser: Browser;
  /** A new browser context (its own cookies) with one page; closed with the journey. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * BASE_URL must name the port the app listens on (mail links are built from it), so a free port
 * is picked first and the config built for it; should another process take the port in
 * between, try again with another.
 */
async function listenOnFreePort(database: TestDatabase, env: Record<string, string>, defineJobs?: (deps: AppDeps) => void): Promise<{ app: FastifyInstance; deps: AppDeps; baseUrl: string }> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const config = loadConfig({ BASE_URL: baseUrl, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'silent', ...env });
    const jobs = testJobs(database);
    const deps: AppDeps = { config, db: database.db, jobs, mailer: createMailer({ db: database.db, jobs, config, retries: TEST_MAIL_RETRIES }) };
    const app = await buildApp(deps, { logger: false });
    defineJobs?.(deps);
    // The queue delivers the app's mail (to the outbox) and stops with the app.
    app.addHook('onClose', () => jobs.stop());
    try {
      await app.listen({ port, host: '127.0.0.1' });
      await jobs.start(SILENT_JOBS_LOG);
      return { app, deps, baseUrl };
    } catch (error) {
      await app.close();
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 5) throw error;
    }
  }
}

/**
 * Starts the app on a fresh database and launches Chromium; `close()` undoes both. `env` adds
 * configuration, e.g. a DATA_DIR of its own for a journey that uploads files; `defineJobs`, the
 * scheduled jobs a journey relies on (the server's own are not run, so no other job interferes).
 */
export async function startJourney(options: { env?: Record<string, string>; defineJobs?: (deps: AppDeps) => void } = {}): Promise<Journey> {
  const database = await freshDatabase();
  let app: FastifyInstance | undefined;
  try {
    const started = await listenOnFreePort(database, options.env ?? {}, options.defineJobs);
    app = started.app;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
    const contexts: BrowserContext[] = [];
    return {
      ...started,
      database,
      browser,
      async newPage(options = {}) {
        const context = await browser.newContext({ baseURL: started.baseUrl, ...options });
        context.setDefaultTimeout(ACTION_TIMEOUT_MS);
        context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
        contexts.push(context);
        return context.newPage();
      },
      async close() {
        for (const context of contexts) await context.close().catch(() => {});
        await browser.close().catch(() => {});
        try {
          await started.app.close();
        } finally {
          await database.drop();
        }
      },
    };
  } catch (error) {
    await app?.close();
    await database.drop();
    throw error;
  }
}

interface AxeWindow {
  axe?: typeof axe;
}

/** One line per failing element, so a failure reads without opening a report. */
export function describeViolations(url: string, violations: readonly axe.Result[]): string {
  const lines = [`axe found ${violations.length} accessibility violation(s) on ${url}:`];
  for (const violation of violations) {
    lines.push(`- ${violation.id} [${violation.impact ?? 'unknown impact'}]: ${violation.help} (${violation.helpUrl})`);
    for (const node of violation.nodes) {
      lines.push(`    at ${node.target.map((selector) => JSON.stringify(selector)).join(' > ')}`);
      if (node.failureSummary) lines.push(`      ${node.failureSummary.replace(/\n\s*/g, ' ')}`);
    }
  }
  return lines.join('\n');
}

/**
 * Runs axe-core on the page with the WCAG 2.0–2.2 A and AA rules and fails listing every
 * violation. The app's CSP forbids inline scripts, so axe is evaluated through the DevTools
 * protocol (which CSP does not govern) rather than added as a <script> tag; the page keeps
 * the CSP it is served with.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  const injected = await page.evaluate(() => typeof (window as AxeWindow).axe === 'object');
  if (!injected) await page.evaluate(axe.source);
  const violations = await page.evaluate(async (tags) => {
    const engine = (window as AxeWindow).axe;
    if (!engine) throw new Error('axe-core did not load in the page');
    const results = await engine.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations;
  }, WCAG_TAGS);
  if (violations.length > 0) assert.fail(describeViolations(page.url(), violations));
}

/**
 * Collects what a page reports as broken: uncaught errors, console errors (CSP refusals among
 * them) and sub-resources (stylesheets, scripts, images) that failed to load. A document's own
 * error status (a 422 form, a 404 page) is expected in places and checked by the journeys.
 */
export function watchPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`${page.url()}: uncaught ${error.message}`));
  page.on('console', (message) => {
    // Chromium logs every HTTP error status this way; sub-resources are checked below instead.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`${page.url()}: console error: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    const request = response.request();
    if (request.resourceType() !== 'document' && response.status() >= 400) {
      problems.push(`${page.url()}: ${request.resourceType()} ${request.url()} answered ${response.status()}`);
    }
  });
  page.on('requestfailed', (request) => {
    if (request.resourceType() !== 'document') problems.push(`${page.url()}: ${request.url()} failed: ${request.failure()?.errorText ?? ''}`);
  });
  return problems;
}

export interface OutboxMail {
  id: number;
  recipient: string;
  subject: string;
  body: string;
}

/**
 * The newest mail delivered to an address, read with SQL from the journey's database once the
 * queue has delivered what was written so far.
 */
export async function newestMailTo(journey: Journey, recipient: string): Promise<OutboxMail | undefined> {
  await journey.deps.jobs.whenIdle([MAIL_QUEUE]);
  return journey.database.db
    .selectFrom('outbox')
    .select(['id', 'recipient', 'subject', 'body'])
    .where('recipient', '=', recipient.toLowerCase())
    .where('status', '=', 'sent')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The first link to this app in a mail body, as a full URL. */
export function linkIn(journey: Journey, body: string): string {
  const escaped = journey.baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}/\\S+`).exec(body);
  if (!match) throw new Error(`No link to ${journey.baseUrl} in mail:\n${body}`);
  return match[0];
}

/** The link in the newest mail to an address; fails when there is none. */
export async function linkInNewestMail(journey: Journey, recipient: string): Promise<string> {
  const mail = await newestMailTo(journey, recipient);
  assert.ok(mail, `a mail was sent to ${recipient}`);
  return linkIn(journey, mail.body);
}

/** The path of the page's URL with its query, e.g. `/fr/account`. */
export function pathOf(page: Page): string {
  const url = new URL(page.url());
  return `${url.pathname}${url.search}`;
}

/**
 * Staff (editors, chairs, lab coordinators, admins) must sign in with a second factor: this turns
 * it on for an account as set-up would, and returns the secret that `enterSignInCode` plays with.
 */
export async function turnOnTwoFactorFor(journey: Journey, email: string): Promise<string> {
  const user = await journey.database.db.selectFrom('users').select('id').where('email', '=', email.toLowerCase()).executeTakeFirstOrThrow();
  return turnOnTwoFactor(journey.deps, user.id);
}

/** Answers the code step of signing in (in English) with the code the member's app shows now. */
export async function enterSignInCode(page: Page, secret: string): Promise<void> {
  await page.waitForURL('**/en/login/code*');
  await page.getByLabel('Authentication code', { exact: true }).fill(totpCode(secret));
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
}

/** Signs in through the form (with the second factor when `secret` is given) and waits to land on `next`. */
export async function signIn(page: Page, person: { email: string; password: string }, next: string, secret?: string): Promise<void> {
  await page.goto(`/en/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email address', { exact: true }).fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (secret) await enterSignInCode(page, secret);
  await page.waitForURL(`**${next}`);
}

/**
 * One page per person, signed in once (sign-in is rate-limited) with their second factor when
 * `secrets` holds one, then reused: later steps only go to their next address.
 */
export function signedInPages(journey: Journey, secrets: ReadonlyMap<string, string>) {
  const pages = new Map<string, Page>();
  return async function pageOf(person: { email: string; password: string }, next: string): Promise<Page> {
    const known = pages.get(person.email);
    if (known) {
      await known.goto(next);
      return known;
    }
    const page = await journey.newPage();
    await signIn(page, person, next, secrets.get(person.email));
    pages.set(person.email, page);
    return page;
  };
}

/** Mail that reached an SMTP listener for one person, once the queue has delivered everything. */
export async function smtpMailsTo(journey: Journey, received: readonly ReceivedMail[], email: string): Promise<string[]> {
  await journey.deps.jobs.whenIdle([MAIL_QUEUE]);
  return received.filter((mail) => mail.to.includes(email)).map(readableMail);
}

/** Checks a page in English and in Arabic (right to left) with axe. */
export async function checkBothLanguages(page: Page, path: string): Promise<void> {
  for (const locale of ['en', 'ar']) {
    await page.goto(`/${locale}${path}`);
    await expectNoAxeViolations(page);
  }
}
