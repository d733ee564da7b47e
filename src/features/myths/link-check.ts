import type { AppDeps } from '../../platform/deps.ts';
import { checkAndRecord } from '../../platform/link-check.ts';
import * as queries from './queries.ts';

/**
 * The evidence's link check: the sources of published myths, least recently checked first, at the
 * polite pace of `checkLinks`. A failing source is marked on the myth's page.
 */

export const MYTH_SOURCE_CHECK_JOB = 'myths-source-check';
/** Daily at 04:30 UTC, after the resources' run. */
export const MYTH_SOURCE_CHECK_CRON = '30 4 * * *';
const BATCH_SIZE = 500;

export async function checkMythSources(deps: Pick<AppDeps, 'db' | 'config'>, options: { timeoutMs?: number; allowPrivateAddresses?: boolean; batchSize?: number } = {}): Promise<{ checked: number; broken: number }> {
  const links = await queries.sourcesToCheck(deps.db, options.batchSize ?? BATCH_SIZE);
  return checkAndRecord(links, { baseUrl: deps.config.baseUrl, timeoutMs: options.timeoutMs, allowPrivateAddresses: options.allowPrivateAddresses }, (id, result) => queries.recordSourceCheck(deps.db, id, result));
}
