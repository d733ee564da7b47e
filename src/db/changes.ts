import { LRUCache } from 'lru-cache';
import pg from 'pg';
import { changeCountOf, connectionStringOf, type ChangeCount, type Db } from './client.ts';

/**
 * What a process may remember of the database, and the notifications that tell it when to stop.
 *
 * Nearly every request would read the same few rows again: the generations of the kinds of
 * content its page shows, and the member behind its session cookie. A process keeps them in
 * memory and PostgreSQL tells it, through LISTEN/NOTIFY on one connection of its own, what
 * changed: the triggers of migration 028 send the kind whose generation moved, or the member
 * whose account or sessions changed, when the transaction commits, in commit order, to every
 * process. A remembered value is used only while
 *
 * - that connection is listening, and has been since the value was read (a notification missed
 *   while it was down is a change not heard of: nothing read before counts after a reconnect);
 * - no notification about it arrived since the read began (it may have read the old value);
 * - this process has completed no statement but reads since the read began (`ChangeCount`): its
 *   own change must show on its next page even before its notification comes back.
 *
 * Another process's change thus shows here as soon as its notification arrives, a few
 * milliseconds after it commits, and this process's own at once.
 */

export const GENERATIONS_CHANNEL = 'bridges_generations';
export const ACCOUNTS_CHANNEL = 'bridges_accounts';
/** How the listening connection shows in pg_stat_activity. */
export const LISTENER_NAME = 'bridges-changes';
const CHANNELS = [GENERATIONS_CHANNEL, ACCOUNTS_CHANNEL] as const;
export type Channel = (typeof CHANNELS)[number];

/** Listening again after a lost connection: soon, then less often while the server stays away. */
const RECONNECT_FIRST_MS = 200;
const RECONNECT_LONGEST_MS = 10_000;

/** What held when a read began: the read may be kept only if all of it still holds. */
interface Stamp {
  readonly changes: number;
  readonly epoch: number;
  readonly forgotten: number;
}

export interface ChangesLog {
  warn(message: string): void;
}

export interface ChangesOptions {
  /** The first wait before listening again after a lost connection; it doubles up to ten seconds. */
  reconnectAfterMs?: number;
}

export class DatabaseChanges {
  readonly #url: string;
  readonly #changeCount: ChangeCount;
  readonly #log: ChangesLog;
  readonly #handlers = new Map<Channel, ((payload: string) => void)[]>();
  #client: pg.Client | null = null;
  #listening = false;
  /** Moves on each time listening starts: nothing read before a reconnect counts after it. */
  #epoch = 0;
  readonly #reconnectAfterMs: number;
  #retryMs: number;
  #retry: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(db: Db, log: ChangesLog, { reconnectAfterMs = RECONNECT_FIRST_MS }: ChangesOptions = {}) {
    this.#url = connectionStringOf(db);
    this.#changeCount = changeCountOf(db);
    this.#log = log;
    this.#reconnectAfterMs = reconnectAfterMs;
    this.#retryMs = reconnectAfterMs;
  }

  /** Whether notifications are being heard now. */
  get listening(): boolean {
    return this.#listening;
  }

  /** Runs `handle` with the payload of each notification on `channel`. */
  on(channel: Channel, handle: (payload: string) => void): void {
    this.#handlers.set(channel, [...(this.#handlers.get(channel) ?? []), handle]);
  }

  /** Starts listening; if the database cannot be reached, keeps trying, and remembers nothing meanwhile. */
  async start(): Promise<void> {
    this.#stopped = false;
    await this.#connect();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#retry) clearTimeout(this.#retry);
    this.#retry = null;
    const client = this.#client;
    this.#lost();
    await client?.end().catch(() => undefined);
  }

  /** Counts a change this process made outside the Db's statements (see ChangeCount). */
  changed(): void {
    this.#changeCount.moveOn();
  }

  /** A memory of values read from the database, trusted by the rules above. */
  memory<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(options: { max: number }): Memory<K, V> {
    return new Memory<K, V>(this, options);
  }

  /** @internal What holds now, for Memory. */
  stamp(forgotten: number): Stamp {
    return { changes: this.#changeCount.completed, epoch: this.#listening ? this.#epoch : -1, forgotten };
  }

  /** @internal Whether what held at `stamp` still holds, for Memory. */
  holds(stamp: Stamp, forgotten: number): boolean {
    return this.#listening && stamp.epoch === this.#epoch && stamp.changes === this.#changeCount.completed && stamp.forgotten === forgotten;
  }

  async #connect(): Promise<void> {
    if (this.#stopped) return;
    const client = new pg.Client({ connectionString: this.#url, application_name: LISTENER_NAME });
    client.on('notification', (message) => {
      const channel = CHANNELS.find((name) => name === message.channel);
      if (!channel) return;
      for (const handle of this.#handlers.get(channel) ?? []) handle(message.payload ?? '');
    });
    client.on('error', (error) => {
      this.#log.warn(`Listening for changes stopped: ${error.message}`);
      this.#lostAndRetry(client);
    });
    client.on('end', () => this.#lostAndRetry(client));
    try {
      await client.connect();
      for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.#log.warn(`Could not listen for changes: ${error instanceof Error ? error.message : String(error)}`);
      this.#lostAndRetry(client);
      await client.end().catch(() => undefined);
      return;
    }
    if (this.#stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    this.#epoch += 1;
    this.#listening = true;
    this.#retryMs = this.#reconnectAfterMs;
  }

  #lost(): void {
    this.#listening = false;
    this.#client = null;
  }

  #lostAndRetry(client: pg.Client): void {
    if (this.#client !== null && this.#client !== client) return;
    this.#lost();
    if (this.#stopped || this.#retry) return;
    this.#retry = setTimeout(() => {
      this.#retry = null;
      void this.#connect();
    }, this.#retryMs);
    this.#retry.unref();
    this.#retryMs = Math.max(this.#retryMs, Math.min(this.#retryMs * 2, RECONNECT_LONGEST_MS));
  }
}

/** Values read from the database, used again while DatabaseChanges says nothing changed them. */
export class Memory<K extends NonNullable<unknown>, V extends NonNullable<unknown>> {
  readonly #changes: DatabaseChanges;
  readonly #entries: LRUCache<K, { value: V; stamp: Stamp }>;
  #forgotten = 0;

  constructor(changes: DatabaseChanges, { max }: { max: number }) {
    this.#changes = changes;
    this.#entries = new LRUCache({ max });
  }

  /** The value kept for `key`, if nothing may have changed it since it was read. */
  recall(key: K): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (this.#changes.holds(entry.stamp, entry.stamp.forgotten)) return entry.value;
    return undefined;
  }

  /** Call before reading: the read's answer is kept only if nothing moved meanwhile. */
  beginRead(): Stamp {
    return this.#changes.stamp(this.#forgotten);
  }

  /** Keeps what a read begun at `stamp` found, for at most `ttlMs` if given. */
  keep(key: K, value: V, stamp: Stamp, ttlMs?: number): void {
    if (!this.#changes.holds(stamp, this.#forgotten)) return;
    this.#entries.set(key, { value, stamp }, ttlMs === undefined ? {} : { ttl: Math.max(1, ttlMs) });
  }

  /** A notification said these changed: forget them, and any read of them under way. */
  forget(matches: (key: K, value: V) => boolean): void {
    this.#forgotten += 1;
    for (const [key, entry] of this.#entries.entries()) if (matches(key, entry.value)) this.#entries.delete(key);
  }
}
