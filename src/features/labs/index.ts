import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { participantsService } from './participants.ts';
import * as queries from './queries.ts';
import { labRoutes } from './routes.tsx';
import { labsService } from './service.ts';

/**
 * Migrant Integration Labs: labs on the four pillars, their programmes, sessions, facilitators'
 * training and local services in public; pseudonymous participants, attendance, outcomes, the
 * dashboards and the audit log for each lab's coordinators alone.
 */

export { LAB_GENERATION } from './routes.tsx';
export { labsPersonalData } from './personal-data.ts';
export { labsService, type LabsService } from './service.ts';
export { loadDemoLabs } from './demo.ts';
export { ServiceList } from './views/lab-page.tsx';
export { LabCard } from './views/list-page.tsx';
export { LABS_PATH, labPath } from './views/parts.tsx';

const LAB_RETENTION_JOB = 'labs-retention';
/** Daily, at night: records past their lab's retention period are erased. */
const LAB_RETENTION_CRON = '30 2 * * *';

/** The worldwide map's layer: open labs per country and per city. */
export async function labCounts(db: Db) {
  const [countries, cities] = await Promise.all([queries.countsByCountry(db), queries.countsByCity(db)]);
  return { countries, cities };
}

/** The worldwide map's services layer: the services for newcomers that labs list, by country and city. */
export async function labServiceCounts(db: Db) {
  const [countries, cities] = await Promise.all([queries.serviceCountsByCountry(db), queries.serviceCountsByCity(db)]);
  return { countries, cities };
}

export function defineLabJobs(deps: AppDeps): void {
  const participants = participantsService(deps);
  deps.jobs.define(LAB_RETENTION_JOB, async () => ({ erased: await participants.eraseExpired() }), { oneAtATime: true, retryLimit: 2, retryDelaySeconds: 10 * 60 });
  deps.jobs.schedule(LAB_RETENTION_JOB, LAB_RETENTION_CRON);
}

export async function labs(app: FastifyInstance) {
  await app.register(labRoutes({ labs: labsService(app.deps), participants: participantsService(app.deps) }));
}

