import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Jobs } from './jobs/index.ts';
import type { Mailer } from './mail.ts';

/** What services get from the app: the database, the configuration, the mailer and the job queue. */
export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  /** Queues mail; the job queue delivers it. */
  readonly mailer: Mailer;
  readonly jobs: Jobs;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
