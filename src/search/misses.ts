import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/client.ts';
import * as queries from './miss-queries.ts';

/**
 * Searches that found nothing show editors what readers miss, without keeping who searched or
 * what one person typed: only a normalised query is kept, visitors are counted by a salted hash
 * whose salt changes daily (and is then deleted), a query is shown once several different
 * visitors made it, and everything goes after a limited time.
 */

/** A query is shown to editors once this many different visitors made it. */
export const MISS_VISITORS_MIN = 3;
/** Kept this long after it was last searched, then deleted by the daily job. */
export const MISS_RETENTION_DAYS = 90;
export const MISSES_CLEANUP_JOB = 'search-misses-cleanup';
/** Daily at 04:00 UTC, after the practices' own job. */
export const MISSES_CLEANUP_CRON = '0 4 * * *';
/** Longer queries are not topics but sentences (or pasted text): not kept. */
const MISS_QUERY_MAX = 100;
const DAY_MS = 86_400_000;

const EMAIL = /\S+@\S+/g;
/** Phone numbers, ids, card numbers: five digits or more (years stay). */
const LONG_DIGIT_RUN = /\d[\d\s.\-/]{3,}\d/g;
const DIGITS_IN_RUN = /\d/g;

/**
 * The query as it is kept: lowercase, accents folded, addresses and long numbers dropped,
 * punctuation and white space collapsed. Null when nothing worth keeping is left.
 */
export function missQueryOf(raw: string): string | null {
  const folded = raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(EMAIL, ' ')
    .replace(LONG_DIGIT_RUN, (run) => ((run.match(DIGITS_IN_RUN)?.length ?? 0) >= 5 ? ' ' : run))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (folded.length === 0 || folded.length > MISS_QUERY_MAX) return null;
  return folded;
}

/** Who searched, as far as a count of different visitors needs: a hash, never kept as given. */
export interface MissVisitor {
  address: string;
  userAgent: string;
}

export function missRecorder(db: Db) {
  return {
    async record(rawQuery: string, locale: string, visitor: MissVisitor): Promise<void> {
      const query = missQueryOf(rawQuery);
      if (!query) return;
      const salt = await queries.saltOfToday(db, randomBytes(32).toString('hex'));
      const visitorHash = createHash('sha256').update(`${salt}\n${visitor.address}\n${visitor.userAgent}`).digest('base64url');
      await queries.recordMiss(db, { query, locale, visitorHash });
    },

    /** What editors see: queries several visitors made within the retention time, most visitors first. */
    async page(window: { limit: number; offset: number }, now = new Date()) {
      const since = new Date(now.getTime() - MISS_RETENTION_DAYS * DAY_MS);
      const [total, rows] = await Promise.all([
        queries.countSharedMisses(db, MISS_VISITORS_MIN, since),
        queries.pageOfSharedMisses(db, MISS_VISITORS_MIN, since, window),
      ]);
      return { total, rows };
    },

    /** The daily job: rows older than the retention time go, and yesterday's salts. */
    forgetOld(now = new Date()) {
      return queries.forgetMissesBefore(db, new Date(now.getTime() - MISS_RETENTION_DAYS * DAY_MS));
    },
  };
}

export type MissRecorder = ReturnType<typeof missRecorder>;
