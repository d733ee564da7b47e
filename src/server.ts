import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/open.ts';
import { DataDirInUseError } from './db/embedded.ts';
import { loadDemoContent } from './features/demo/service.ts';
import { createJobs } from './platform/jobs/index.ts';
import { createMailer } from './platform/mail.ts';
import { removeAbandonedUploads } from './platform/uploads/index.ts';
import { defineScheduledJobs } from './jobs.ts';

async function main(config: Config): Promise<void> {
  const debug = config.logLevel === 'debug' || config.logLevel === 'trace';
  const database = await openDatabase(config, (message) => {
    if (debug) console.log(`[postgres] ${message}`);
  });
  const jobs = createJobs({ connectionString: database.url });
  const deps = { config, db: database.db, jobs, mailer: createMailer({ db: database.db, jobs, config }) };
  // Defined here rather than in buildApp, so that tests never run the scheduled jobs.
  defineScheduledJobs(deps);
  const demo = await loadDemoContent(deps, { adminPassword: config.demoAdminPassword });
  const app = await buildApp(deps);
  await removeAbandonedUploads(config.dataDir);
  await jobs.start(app.log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received: finishing requests in flight, then stopping`);
    try {
      // Requests in flight may still queue mail, so the queue stops after them. Jobs under way get
      // a few seconds to finish; those that do not are failed and retried by another process or
      // the next start (a mail is marked sent only once its server accepted it).
      await app.close();
      await jobs.stop();
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
