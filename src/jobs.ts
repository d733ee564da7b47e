import { confirmationService } from './features/practices/confirmation-service.ts';
import type { AppDeps } from './platform/deps.ts';
import type { ScheduledJob } from './platform/scheduler.ts';

export const CONFIRM_RUNNING_JOB = 'practices:confirm-running';

/** The jobs the server runs daily; the CLI can run one by name under the same lock. */
export function scheduledJobs(deps: AppDeps): ScheduledJob[] {
  return [{ name: CONFIRM_RUNNING_JOB, run: async () => ({ asked: await confirmationService(deps).askDue() }) }];
}
