import type { AppDeps } from '../../platform/deps.ts';
import { checkAndRecord, type LinkCheckOptions } from '../../platform/link-check.ts';
import * as queries from './queries.ts';

/**
 * The resources' link check: published resources' external links, least recently checked first,
 * at the polite pace of `checkLinks` (one request per host at a time, a timeout, a user agent
 * that names the site). Editors read the failures at `/{l}/resources/links`.
 */

export const RESOURCE_LINK_CHECK_JOB = 'resources-link-check';
/** Daily at 04:00 UTC, after the practices' confirmation run. */
export const RESOURCE_LINK_CHECK_CRON = '0 4 * * *';
/** Links checked per run: a day's batch that a small server sends without hurry. */
const BATCH_SIZE = 500;

export async function checkResourceLinks(
  deps: Pick<AppDeps, 'db' | 'config'>,
  options: Partial<Pick<LinkCheckOptions, 'timeoutMs' | 'allowPrivateAddresses'>> & { batchSize?: number } = {},
): Promise<{ checked: number; broken: number }> {
  const batch = await queries.linksToCheck(deps.db, options.batchSize ?? BATCH_SIZE);
  const links = batch.flatMap((row) => (row.url ? [{ id: row.id, url: row.url }] : []));
  return checkAndRecord(links, { baseUrl: deps.config.baseUrl, ...options }, (id, result) => queries.recordLinkCheck(deps.db, id, result));
}
