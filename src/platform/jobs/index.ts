/** The job queue: background work, schedules and retries on PostgreSQL. See queue.ts. */
export { createJobs } from './queue.ts';
export type {
  JobData,
  JobExecutor,
  JobHandler,
  JobInfo,
  JobOutcome,
  JobReport,
  Jobs,
  JobsLog,
  JobsOptions,
  QueueOptions,
  ScheduleOptions,
  SendOptions,
} from './queue.ts';
