import type { DatabaseChanges } from '../db/changes.ts';
import { GENERATIONS_CHANNEL } from '../db/changes.ts';
import type { Db } from '../db/client.ts';
import { contentGenerations } from './queries.ts';

/** Generation rows are a handful (one per kind of content, a few for pages): all fit. */
const KINDS_MAX = 256;

export interface GenerationsMemory {
  /** The `value` generation of each kind, in the order asked: from memory while nothing moved them. */
  current(kinds: readonly string[]): Promise<string[]>;
}

/**
 * The generations of each kind of content, read once and then kept until a notification says
 * that a kind moved on (db/changes.ts). Caches keyed by generation (pages, searches) then cost
 * no query at all while the content they show stays the same.
 */
export function generationsMemory(db: Db, changes: DatabaseChanges): GenerationsMemory {
  const memory = changes.memory<string, string>({ max: KINDS_MAX });
  changes.on(GENERATIONS_CHANNEL, (kind) => memory.forget((remembered) => remembered === kind));
  return {
    async current(kinds) {
      const remembered = kinds.map((kind) => memory.recall(kind));
      if (remembered.every((value) => value !== undefined)) return remembered;
      const stamp = memory.beginRead();
      const values = await contentGenerations(db, kinds);
      kinds.forEach((kind, index) => memory.keep(kind, values[index] ?? '0', stamp));
      return values;
    },
  };
}
