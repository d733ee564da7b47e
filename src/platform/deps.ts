import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Mailer } from './mail.ts';

/** What services get from the app: the database, the configuration and the mailer. */
export interface AppDeps {
  readonly config: Config;
  readonly db: Db;
  readonly mailer: Mailer;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
