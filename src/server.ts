import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/open.ts';
import { DataDirInUseError } from './db/embedded.ts';
import { loadDemoContent } from './features/demo/service.ts';
import { createMailer } from './platform/mail.ts';
import { scheduledJobs } from './jobs.ts';
import { startScheduler } from './platform/scheduler.ts';

async function main(config: Config): Promise<void> {
  const debug = config.logLevel === 'debug' || config.logLevel === 'trace';
  const database = await openDatabase(config, (message) => {
    if (debug) console.log(`[postgres] ${message}`);
  });
  const deps = { config, db: database.db, mailer: createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, db: database.db }) };
  const demo = await loadDemoContent(deps, { adminPassword: config.demoAdminPassword });
  const app = await buildApp(deps);
  // Started here rather than in buildApp, so that tests and the CLI never run the jobs. Daily,
  // under a lock per job: with several processes on one database, one of them runs each turn.
  const scheduler = startScheduler(scheduledJobs(deps), { db: database.db, log: app.log });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received: finishing requests in flight, then stopping`);
    // A run under way is not waited for, so a slow mail server cannot hold up shutdown. The
    // yearly confirmation records each request before mailing it: an interrupted run leaves the
    // remaining contacts to the next start, and at worst one contact unasked for 30 days.
    scheduler.stop();
    try {
      await app.close();
    } finally {
      await database.close();
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  console.log(`\nBridges is running at ${config.baseUrl.toString()}`);
  if (database.embedded) console.log(`Data (embedded PostgreSQL) is kept in ${config.dataDir}`);
  if (demo.admin) {
    console.log('\nDemo content loaded. Sign in as the demo administrator:');
    console.log(`  email:    ${demo.admin.email}`);
    console.log(`  password: ${demo.admin.password}`);
    console.log('It is shown only on this first start. Create more accounts with: npm run cli -- user:create\n');
  }
}

try {
  await main(loadConfig());
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(`Bridges cannot start. ${error.message}`);
  } else {
    console.error('Bridges cannot start:', error);
  }
  process.exit(1);
}
