import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/client.ts';

/**
 * The personal-data registry: every table that refers to a member is declared here by the module
 * that owns it, with how the member's rows are exported ("Download all your data") and how they
 * are erased or anonymised when the account is deleted. The account page builds its export and
 * its deletion from the registry alone, so a new area (events, forums, labs) only registers;
 * a test fails, naming the table, when a table that refers to users is missing.
 */

type Executor = Db | Transaction<Database>;

/** Whose data: read before anything is erased, since erasure wipes the account row itself. */
export interface DataSubject {
  userId: number;
  email: string;
  name: string;
}

/** One exported row: plain JSON values, never a secret or another person's private data. */
export type ExportedRow = Readonly<Record<string, unknown>>;

export interface ErasureStep {
  trx: Transaction<Database>;
  subject: DataSubject;
  /** Where uploaded files live (`DATA_DIR`), for entries whose rows name files. */
  dataDir: string;
  /** Work that must wait until the deletion has committed (removing uploaded files). */
  afterCommit(task: () => Promise<void>): void;
}

export interface PersonalDataEntry {
  /** The table in the public schema this entry answers for. */
  readonly table: string;
  /**
   * Its section of the export, or why the table is deliberately left out (a session's hash, a
   * second-factor secret: nothing the member wrote or did, and nothing safe to hand out).
   */
  readonly export:
    | { readonly section: string; rows(db: Executor, subject: DataSubject): Promise<readonly ExportedRow[]> }
    | { readonly notExported: string };
  /** Erases or anonymises the member's rows, inside the deletion's one transaction. */
  erase(step: ErasureStep): Promise<void>;
}

export interface PersonalDataRegistry {
  /** The tables the registry answers for. */
  tables(): ReadonlySet<string>;
  entries(): readonly PersonalDataEntry[];
  /** Every section of the export, by section name, in registration order. */
  exportContent(db: Executor, subject: DataSubject): Promise<Record<string, readonly ExportedRow[]>>;
  /**
   * Runs every entry's erasure in registration order (the account row itself comes last) in one
   * transaction: a failure leaves the account whole. Files go once it has committed.
   */
  erase(db: Db, subject: DataSubject, options: { dataDir: string }): Promise<void>;
}

export function personalDataRegistry(entries: readonly PersonalDataEntry[]): PersonalDataRegistry {
  const tables = new Set(entries.map((entry) => entry.table));
  if (tables.size !== entries.length) throw new Error('Two personal-data entries answer for the same table');
  const sections = entries.flatMap((entry) => ('section' in entry.export ? [entry.export.section] : []));
  if (new Set(sections).size !== sections.length) throw new Error('Two personal-data entries export the same section');
  return {
    tables: () => tables,
    entries: () => entries,
    async exportContent(db, subject) {
      const content: Record<string, readonly ExportedRow[]> = {};
      for (const entry of entries) {
        if ('section' in entry.export) content[entry.export.section] = await entry.export.rows(db, subject);
      }
      return content;
    },
    async erase(db, subject, { dataDir }) {
      const afterCommit: (() => Promise<void>)[] = [];
      await db.transaction().execute(async (trx) => {
        for (const entry of entries) await entry.erase({ trx, subject, dataDir, afterCommit: (task) => afterCommit.push(task) });
      });
      for (const task of afterCommit) await task();
    },
  };
}

/** What a member's own name or address becomes in content that outlives their account. */
export const REDACTED = '[…]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The member's name and email address as whole words, in any case: "Ana" must not eat the
 * start of "Analysis". Letters and digits of any script count as word characters.
 */
function personPattern(subject: DataSubject): RegExp | null {
  const parts = [subject.email, subject.name].map((part) => part.trim()).filter((part) => part.length > 0);
  if (parts.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Whether the text names the member (by name or address). */
export function namesPerson(text: string, subject: DataSubject): boolean {
  const pattern = personPattern(subject);
  return pattern !== null && pattern.test(text);
}

/** The text with the member's name and address replaced, for content that stays published. */
export function redactPerson(text: string, subject: DataSubject): string {
  const pattern = personPattern(subject);
  return pattern ? text.replace(pattern, REDACTED) : text;
}

/** The same through a JSON value (a revision's snapshot): every string is redacted. */
export function redactPersonInJson(value: unknown, subject: DataSubject): unknown {
  if (typeof value === 'string') return redactPerson(value, subject);
  if (Array.isArray(value)) return value.map((item) => redactPersonInJson(item, subject));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactPersonInJson(item, subject)]));
  }
  return value;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every table that refers to a member, registered once in app.ts. */
    personalData: PersonalDataRegistry;
  }
}

/** Dates as ISO strings, so that exported rows are plain JSON. */
export function isoOrNull(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}
