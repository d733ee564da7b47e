import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value of one column in COPY's text format: arrays become PostgreSQL array literals. */
export type CopyValue = string | number | boolean | null | readonly (string | number)[];

/** Rows joined into one chunk of the stream: fewer, larger writes to the socket. */
const ROWS_PER_CHUNK = 200;

// COPY's text format reads a backslash, tab, newline and carriage return as special.
const COPY_SPECIAL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function arrayLiteral(values: readonly (string | number)[]): string {
  const elements = values.map((value) => (typeof value === 'number' ? String(value) : `"${value.replace(/["\\]/g, '\\$&')}"`));
  return `{${elements.join(',')}}`;
}

function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : arrayLiteral(value);
  return text.replace(COPY_SPECIAL, (character) => COPY_ESCAPES[character] as string);
}

function* copyText(rows: Iterable<readonly CopyValue[]>): Generator<string> {
  let chunk = '';
  let inChunk = 0;
  for (const row of rows) {
    chunk += `${row.map(copyField).join('\t')}\n`;
    inChunk += 1;
    if (inChunk === ROWS_PER_CHUNK) {
      yield chunk;
      chunk = '';
      inChunk = 0;
    }
  }
  if (chunk) yield chunk;
}

/**
 * Streams rows into a table with COPY: rows are read from the iterable as PostgreSQL takes them,
 * so a generator keeps memory flat however many there are. Table and column names are
 * identifiers written by the caller, never input. Returns how many rows were written.
 */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<number> {
  const copy = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(copyText(rows)), copy);
  return copy.rowCount ?? 0;
}
